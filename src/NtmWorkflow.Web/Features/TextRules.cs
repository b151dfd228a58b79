using FluentValidation;

namespace NtmWorkflow.Web.Features;

public static class TextRules
{
    /// <summary>
    /// Present, not blank, and at most <paramref name="maxLength"/> characters, as one rule, so that the one Vietnamese
    /// message given with WithMessage covers both ways of getting it wrong.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= maxLength);

    /// <summary>A code or name made only of lower-case ASCII letters, digits and the given punctuation, as one rule.</summary>
    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule, int maxLength, string punctuation) =>
        rule.Must(text => !string.IsNullOrEmpty(text) && text.Length <= maxLength
            && text.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' || punctuation.Contains(c)));
}
