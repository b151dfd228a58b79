using FluentValidation;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>
/// What opens or edits a session: its number (optional), title, meeting date and members. <see cref="ExpectedVersion"/>
/// is the session's version the caller saw, required to edit and ignored when opening.
/// </summary>
public sealed record CouncilSessionBody(
    int? ExpectedVersion, string? Number, string? Title, DateOnly? MeetingDate, IReadOnlyList<CouncilMemberBody?>? Members)
{
    internal CouncilDetails Details() => new(Number, Title!, MeetingDate!.Value,
        Members!.Select(m => new CouncilMemberDetails(m!.Name!, m.Position)).ToList());
}

public sealed record CouncilMemberBody(string? Name, string? Position);

internal static class CouncilSessionRules
{
    public static void ValidSession<T>(this AbstractValidator<T> validator, Func<T, CouncilSessionBody> body)
    {
        validator.RuleFor(c => body(c).Number).MaximumLength(Limits.Code).OverridePropertyName("number")
            .WithMessage($"Số phiên họp (number) dài tối đa {Limits.Code} ký tự.");
        validator.RuleFor(c => body(c).Title).RequiredText(Limits.Name).OverridePropertyName("title")
            .WithMessage($"Cần tên phiên họp (title), tối đa {Limits.Name} ký tự.");
        validator.RuleFor(c => body(c).MeetingDate).NotNull().OverridePropertyName("meetingDate")
            .WithMessage("Cần ngày họp (meetingDate, dạng yyyy-MM-dd).");
        validator.RuleFor(c => body(c).Members).Must(m => m is { Count: >= 1 and <= CouncilSession.MaxMembers }).OverridePropertyName("members")
            .WithMessage($"Hội đồng cần từ 1 đến {CouncilSession.MaxMembers} thành viên (members: [{{ name, position }}]).");
        validator.RuleFor(c => body(c).Members).Must(m => m is null || m.All(ValidMember)).OverridePropertyName("members")
            .WithMessage($"Mỗi thành viên cần họ tên (name) tối đa {Limits.Name} ký tự; chức vụ (position) tối đa {Limits.Name} ký tự.");
        validator.RuleFor(c => body(c).Members).Must(m => Duplicates(m).Count == 0).OverridePropertyName("members")
            .WithMessage(c => $"Tên thành viên bị trùng: {string.Join(", ", Duplicates(body(c).Members))}.");
    }

    /// <summary>Names given for more than one member, as two spellings of one person compare.</summary>
    public static List<string> Duplicates(IEnumerable<string?>? names) =>
        (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).GroupBy(n => CouncilMember.KeyOf(n!))
            .Where(g => g.Count() > 1).Select(g => g.First()!.Trim()).ToList();

    private static List<string> Duplicates(IReadOnlyList<CouncilMemberBody?>? members) => Duplicates(members?.Select(m => m?.Name));

    private static bool ValidMember(CouncilMemberBody? member) =>
        member is { Name: { } name } && !string.IsNullOrWhiteSpace(name) && name.Length <= Limits.Name
        && (member.Position is null || member.Position.Length <= Limits.Name);

    public static void ValidVersion<T>(this AbstractValidator<T> validator, Func<T, int?> expectedVersion) =>
        validator.RuleFor(c => expectedVersion(c)).NotNull().OverridePropertyName("expectedVersion")
            .WithMessage("Cần phiên bản của phiên họp đang xem (expectedVersion) để tránh ghi đè thay đổi của người khác.");
}
