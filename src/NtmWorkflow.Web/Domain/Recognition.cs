using System.Linq.Expressions;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Domain;

/// <summary>
/// A unit's recognition at a level: made in the system (from a dossier's signed decision) or imported from the
/// paper era. It is what the public registry lists and what a higher level's prerequisite checks.
/// </summary>
public sealed class Recognition
{
    private Recognition()
    {
    }

    private Recognition(AdministrativeUnit unit, string level, int? year, Guid? dossierId)
    {
        Id = Guid.CreateVersion7();
        UnitCode = unit.Code;
        UnitPath = unit.Path;
        UnitName = unit.Name;
        Level = level;
        Year = year;
        DossierId = dossierId;
    }

    public Guid Id { get; private set; }

    public string UnitCode { get; private set; } = "";

    public string UnitPath { get; private set; } = "";

    /// <summary>The unit's name when it was recognised, as the decision names it, whatever the unit is called since.</summary>
    public string UnitName { get; private set; } = "";

    public string Level { get; private set; } = "";

    /// <summary>The year recognised for; unknown for some imported recognitions.</summary>
    public int? Year { get; private set; }

    /// <summary>The dossier that led to it; null for an imported recognition.</summary>
    public Guid? DossierId { get; private set; }

    public string? DecisionNumber { get; private set; }

    public DateOnly? DecisionDate { get; private set; }

    /// <summary>Who signed; for an imported decision whose signatory is not on record, the issuing authority.</summary>
    public string? DecisionSigner { get; private set; }

    /// <summary>The batch decision that made it, shared with the other units the same decision recognised.</summary>
    public Guid? DecisionBatchId { get; private set; }

    public DateOnly? CeremonyDate { get; private set; }

    public string? CeremonyPlace { get; private set; }

    /// <summary>The spreadsheet import that brought it in, naming the file, the official and the time; null otherwise.</summary>
    public Guid? ImportId { get; private set; }

    /// <summary>The revocation procedure that took the recognition away; null while it stands.</summary>
    public Guid? RevokedByDossierId { get; private set; }

    public string? RevocationNumber { get; private set; }

    public DateOnly? RevocationDate { get; private set; }

    public string? RevocationSigner { get; private set; }

    public static Recognition Imported(AdministrativeUnit unit, string level, int? year, string? number = null,
        DateOnly? date = null, string? signer = null, DateOnly? ceremonyDate = null, string? ceremonyPlace = null) =>
        new(unit, level, year, null)
        {
            DecisionNumber = number,
            DecisionDate = date,
            DecisionSigner = signer,
            CeremonyDate = ceremonyDate,
            CeremonyPlace = ceremonyPlace,
        };

    /// <summary>
    /// A recognition from a confirmed import, under the name the decision gave the unit, with its revocation when the
    /// file records one (a paper-era revocation has no revocation dossier).
    /// </summary>
    public static Recognition FromImport(Guid importId, AdministrativeUnit unit, string unitName, string level, int year,
        RecordedDecision decision, DateOnly? ceremonyDate, string? ceremonyPlace, RecordedDecision? revocation)
    {
        var recognition = Imported(unit, level, year, decision.Number, decision.Date, decision.Signer, ceremonyDate, ceremonyPlace);
        recognition.ImportId = importId;
        recognition.UnitName = unitName;
        (recognition.RevocationNumber, recognition.RevocationDate, recognition.RevocationSigner) =
            (revocation?.Number, revocation?.Date, revocation?.Signer);
        return recognition;
    }

    public static Recognition Of(Dossier dossier, AdministrativeUnit unit)
    {
        var recognition = new Recognition(unit, dossier.Level, dossier.Year, dossier.Id);
        recognition.Update(dossier);
        return recognition;
    }

    /// <summary>
    /// The recognitions that stand: neither a revocation dossier nor an imported revocation took them away (a revocation
    /// is a revocation dossier's or, for an imported recognition, the one its file records).
    /// </summary>
    public static readonly Expression<Func<Recognition, bool>> Standing = r => r.RevokedByDossierId == null && r.RevocationNumber == null;

    /// <summary>The recognitions that stood on a day: standing, or revoked only after it.</summary>
    public static Expression<Func<Recognition, bool>> StandingOn(DateOnly day) => Standing.Or(r => r.RevocationDate > day);

    /// <summary>
    /// The recognitions that achieved their year: not revoked before the year ended. What a plan for that year and a
    /// report of it count as achieved, whenever they are read.
    /// </summary>
    public static readonly Expression<Func<Recognition, bool>> AchievedItsYear =
        Standing.Or(r => r.RevocationDate != null && r.RevocationDate.Value.Year > r.Year);

    private static readonly Func<Recognition, bool> stands = Standing.Compile();

    private static readonly Func<Recognition, bool> achievedItsYear = AchievedItsYear.Compile();

    /// <summary>Whether the recognition stands (<see cref="Standing"/>).</summary>
    public bool Stands => stands(this);

    /// <summary>Whether the recognition achieved its year (<see cref="AchievedItsYear"/>).</summary>
    public bool AchievesItsYear => achievedItsYear(this);

    /// <summary>Records the signed revocation decision of a revocation dossier.</summary>
    public void Revoke(Dossier revocation)
    {
        RevokedByDossierId = revocation.Id;
        (RevocationNumber, RevocationDate, RevocationSigner) = (revocation.DecisionNumber, revocation.DecisionDate, revocation.DecisionSigner);
    }

    /// <summary>Mirrors the dossier's decision and ceremony, which the dossier records as its procedure goes on.</summary>
    public void Update(Dossier dossier)
    {
        (DecisionNumber, DecisionDate, DecisionSigner) = (dossier.DecisionNumber, dossier.DecisionDate, dossier.DecisionSigner);
        DecisionBatchId = dossier.DecisionBatchId;
        (CeremonyDate, CeremonyPlace) = (dossier.CeremonyDate, dossier.CeremonyPlace);
    }
}

/// <summary>A signed decision as a register records it: number, date and who signed.</summary>
public sealed record RecordedDecision(string Number, DateOnly Date, string Signer);
