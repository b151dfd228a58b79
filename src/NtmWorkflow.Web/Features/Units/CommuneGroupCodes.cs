using Microsoft.Extensions.Options;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Units;

/// <summary>
/// The commune groups a commune may be assigned to. Which groups exist is a legal fact, so it comes from data; until
/// the official list is settled it is read from the groups file of workflows/ (<see cref="WorkflowOptions.CommuneGroupsFile"/>).
/// </summary>
public interface ICommuneGroupCodes
{
    IReadOnlyList<CommuneGroup> All { get; }

    CommuneGroup? Find(string? code);
}

/// <summary>The provisional source: the groups file, read once at start (a broken file stops start-up with its line).</summary>
internal sealed class CommuneGroupFile(CommuneGroupCatalog catalog) : ICommuneGroupCodes
{
    public IReadOnlyList<CommuneGroup> All => catalog.All;

    public CommuneGroup? Find(string? code) => catalog.Find(code);

    public static void Register(IServiceCollection services) =>
        services.AddSingleton<ICommuneGroupCodes>(sp => new CommuneGroupFile(
            CommuneGroupCatalog.Load(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResolveCommuneGroupsFile())
                .Covering(sp.GetRequiredService<CriteriaCatalog>())));
}
