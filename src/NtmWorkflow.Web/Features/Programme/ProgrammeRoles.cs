using NtmWorkflow.Engine;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>Who does what with a commune's yearly records: the commune records and proposes, the province confirms.</summary>
public static class ProgrammeRoles
{
    public static readonly IReadOnlyList<string> Recorders = [Roles.CommuneOfficer];

    /// <summary>The province officials who confirm statuses and plans, and register plans confirmed at once.</summary>
    public static readonly IReadOnlyList<string> Province = [Roles.ProvinceAppraiser, Roles.ProvinceLeader];

    public static bool IsProvince(this Domain.Actor actor) => Province.Any(actor.Roles.Contains);

    public static bool IsRecorder(this Domain.Actor actor) => Recorders.Any(actor.Roles.Contains);
}
