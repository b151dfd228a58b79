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
}
