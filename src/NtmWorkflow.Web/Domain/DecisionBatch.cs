using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Web.Domain;

/// <summary>
/// One signed decision for several dossiers of a province (e.g. 694/QĐ-UBND-HC recognising several communes at two
/// levels): its number, date and signer once, and the signed file once. Each dossier it decided names it
/// (<see cref="Dossier.DecisionBatchId"/>), as does each recognition it made.
/// </summary>
public sealed class DecisionBatch
{
    private DecisionBatch()
    {
    }

    public DecisionBatch(string provinceCode, Decision decision, string fileName, string sha256, int count, Actor actor, DateTime now)
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero));
        ProvinceCode = provinceCode;
        Number = decision.Number.Trim();
        Date = decision.Date;
        Signer = decision.Signer.Trim();
        FileName = fileName;
        DocumentSha256 = sha256;
        Count = count;
        CreatedBy = actor.UserName;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string ProvinceCode { get; private set; } = "";

    public string Number { get; private set; } = "";

    public DateOnly Date { get; private set; }

    public string Signer { get; private set; } = "";

    /// <summary>The signed decision's file, stored once in the content-addressed store and attached to every dossier.</summary>
    public string FileName { get; private set; } = "";

    public string DocumentSha256 { get; private set; } = "";

    /// <summary>How many dossiers it decided when signed.</summary>
    public int Count { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public Decision Decision => new(Number, Date, Signer);
}
