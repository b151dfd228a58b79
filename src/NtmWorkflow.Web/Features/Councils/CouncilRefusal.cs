using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>One dossier a session step cannot take, and why.</summary>
public sealed record OffendingDossier(Guid Id, string? UnitName, string Problem);

internal static class CouncilRefusal
{
    /// <summary>409 naming every offending dossier, in the detail and as <c>dossiers</c> for a client that acts on them.</summary>
    public static ProblemException Of(string what, IReadOnlyList<OffendingDossier> offending) =>
        ProblemException.Conflict(
                $"{what}: {string.Join("; ", offending.Select(o => $"{o.UnitName ?? o.Id.ToString()} – {o.Problem}"))}. Không có thay đổi nào được ghi.")
            .With("dossiers", offending);
}
