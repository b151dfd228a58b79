namespace NtmWorkflow.Engine.Periods;

/// <summary>
/// A period of the national programme (2016–2020, 2021–2025, 2026–2030): the years it covers and, per kind of unit,
/// what a new dossier for one of those years may be. A kind of unit it does not open takes no new dossiers.
/// </summary>
/// <param name="Recognised">
/// Per kind of unit, the levels the period recognised beyond those it opens: what an imported earlier recognition of
/// one of its years may be (the 2016–2020 period opens nothing but recognised communes at three levels).
/// </param>
public sealed record ProgrammePeriod(
    string Id,
    string Title,
    int FromYear,
    int ToYear,
    string? LegalBasis,
    IReadOnlyDictionary<string, PeriodSubject> Subjects,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Recognised,
    string Source,
    int Line)
{
    public bool Covers(int year) => year >= FromYear && year <= ToYear;

    /// <summary>The levels a unit of <paramref name="subject"/> could be recognised at in this period: those it opens and those it lists as recognised.</summary>
    public IReadOnlyList<string> RecognisedLevels(string subject) =>
        (Subjects.TryGetValue(subject, out var opened) ? opened.Levels.Keys : [])
        .Concat(Recognised.GetValueOrDefault(subject) ?? [])
        .Distinct()
        .OrderBy(level => Levels.All.ToList().IndexOf(level))
        .ToList();

    public string Years => $"{FromYear}–{ToYear}";

    /// <summary>How the period's reports band communes by criteria met and the targets they measure against.</summary>
    public PeriodReport Report { get; init; } = PeriodReport.None;

    /// <summary>The criteria set a commune's yearly status is recorded against: the set of the period's NTM level.</summary>
    public string? CommuneCriteriaSet =>
        Subjects.TryGetValue(Engine.Subjects.Commune, out var commune) && commune.Levels.TryGetValue(Levels.Ntm, out var ntm)
            ? ntm.CriteriaSet
            : null;
}

/// <param name="Procedure">The recognition procedure a new dossier follows when the caller names none.</param>
/// <param name="Procedures">Every procedure a new dossier of the period may follow, the default first.</param>
/// <param name="Levels">The levels open for new recognition dossiers, each with its criteria set.</param>
/// <param name="Line">Where the file declares the subject, for the problems found with its procedures.</param>
public sealed record PeriodSubject(
    string Procedure, IReadOnlyList<string> Procedures, IReadOnlyDictionary<string, PeriodLevel> Levels, int Line);

/// <param name="RequiresInPeriod">A level the unit must have been recognised at for a year of this same period first.</param>
/// <param name="Line">Where the file opens the level, for the problems found with it.</param>
public sealed record PeriodLevel(string CriteriaSet, string? RequiresInPeriod, int Line);
