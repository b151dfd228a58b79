namespace NtmWorkflow.Engine.Periods;

/// <summary>
/// How the programme reports of a period's years group and judge communes: the bands of criteria met and the shares
/// of communes a province needs to "hoàn thành nhiệm vụ xây dựng nông thôn mới". Each carries its source and whether
/// its numbers are provisional (not confirmed in the legal texts on file).
/// </summary>
public sealed record PeriodReport(CriteriaBands? Bands, IReadOnlyList<ProgrammeTarget> Targets)
{
    public static readonly PeriodReport None = new(null, []);
}

/// <summary>The bands a report counts communes in by the number of criteria they meet, from most to fewest.</summary>
public sealed record CriteriaBands(IReadOnlyList<CriteriaBand> Bands, string Source, bool Provisional, int Line)
{
    public CriteriaBand? Of(int met) => Bands.FirstOrDefault(b => b.Contains(met));
}

/// <param name="From">The fewest criteria met in the band.</param>
/// <param name="To">The most criteria met in the band.</param>
public sealed record CriteriaBand(int From, int To, string Title)
{
    /// <summary>The band's name in links and exports: "19" or "15-18".</summary>
    public string Id => From == To ? $"{From}" : $"{From}-{To}";

    public bool Contains(int met) => met >= From && met <= To;
}

/// <summary>A share of the communes in scope that must hold <see cref="Level"/> by recognitions of the period.</summary>
/// <param name="SharePercent">The share required, in percent of the communes in scope.</param>
public sealed record ProgrammeTarget(string Id, string Title, string Level, decimal SharePercent, string Source, bool Provisional);

/// <summary>
/// The sentence officials write for the levels held, one clause per level, each a template with {count}, {total} and
/// {percent}: "{count}/{total} xã đạt chuẩn nông thôn mới ({percent} %)".
/// </summary>
public sealed record ReportWording(IReadOnlyDictionary<string, string> LevelClauses)
{
    public static readonly ReportWording None = new(new Dictionary<string, string>());
}
