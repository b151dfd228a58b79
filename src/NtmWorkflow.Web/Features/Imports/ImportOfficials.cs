using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>Who imports earlier recognitions: the administrator, or a province official (appraiser or leader) for their province.</summary>
public static class ImportOfficials
{
    public static readonly IReadOnlyList<string> Roles = [Engine.Roles.Administrator, Engine.Roles.ProvinceAppraiser, Engine.Roles.ProvinceLeader];

    public static bool May(Actor actor) => actor.Roles.Any(Roles.Contains);

    public static void Require(Actor actor)
    {
        if (!May(actor))
        {
            throw ProblemException.Forbidden(
                $"Chỉ {string.Join(", ", Roles.Select(Engine.Roles.VietnameseName))} được nhập công nhận trước đây.");
        }
    }
}
