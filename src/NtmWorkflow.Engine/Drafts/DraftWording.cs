namespace NtmWorkflow.Engine.Drafts;

/// <summary>
/// The papers the system drafts and the blanks ({name}) each part of their wording may use; the wording itself is
/// data (<c>workflows/drafts/</c>), checked against these names when it is loaded.
/// </summary>
public static class DraftPapers
{
    public const string ToTrinh = "to-trinh";
    public const string BaoCaoThamDinh = "bao-cao-tham-dinh";
    public const string QuyetDinh = "quyet-dinh";

    /// <summary>The decision for several dossiers of a province (a batch decision).</summary>
    public const string QuyetDinhChung = "quyet-dinh-chung";

    /// <summary>The papers drafted from one dossier, as the API names them.</summary>
    public static readonly IReadOnlyList<string> OfDossier = [ToTrinh, BaoCaoThamDinh, QuyetDinh];

    public static readonly IReadOnlyList<string> All = [ToTrinh, BaoCaoThamDinh, QuyetDinh, QuyetDinhChung];

    /// <summary>What a dossier's paper may name: the unit (as written in a sentence, and upper case), the level…</summary>
    public static readonly IReadOnlySet<string> DossierBlanks = new HashSet<string>
    {
        "unit", "UNIT", "province", "PROVINCE", "reviewer", "REVIEWER", "level", "year", "criteria-title", "criteria-basis",
        "met", "total", "agreed",
    };

    /// <summary>A council vote's sentence may also name its counts.</summary>
    public static readonly IReadOnlySet<string> VoteBlanks = new HashSet<string>(DossierBlanks) { "members", "present", "agree", "against" };

    public static readonly IReadOnlySet<string> BatchBlanks = new HashSet<string> { "province", "PROVINCE", "count", "levels" };

    /// <summary>One line of a batch decision's list of units.</summary>
    public static readonly IReadOnlySet<string> UnitLineBlanks = new HashSet<string> { "unit", "level", "year" };

    public static IReadOnlySet<string> BlanksOf(string paper) => paper == QuyetDinhChung ? BatchBlanks : DossierBlanks;
}

/// <summary>The layout words of every paper (Decree 30/2020/NĐ-CP): fonts, margins, national name, number and date lines.</summary>
/// <param name="Words">Fixed words the composition needs (table headers, đạt / không đạt, condition sentences).</param>
/// <param name="Levels">How each level is written in a sentence ("đạt chuẩn nông thôn mới nâng cao").</param>
public sealed record DraftFormat(
    string Font,
    int FontSize,
    int SmallFontSize,
    DraftMargins Margins,
    string NationalName,
    string Motto,
    string Number,
    string BlankNumber,
    string DateLine,
    string BlankDateLine,
    int PadDayBelow,
    int PadMonthBelow,
    IReadOnlyList<string> PlaceDrops,
    string RecipientsHeading,
    IReadOnlyDictionary<string, string> Levels,
    IReadOnlyDictionary<string, string> Words)
{
    /// <summary>The words the composition asks for; the format file must give each one.</summary>
    public static readonly IReadOnlyList<string> RequiredWords =
    [
        "column-number", "column-criterion", "column-self", "column-review", "met", "not-met", "not-assessed", "agreed",
        "disagreed", "not-reviewed", "satisfaction", "construction-debt", "security-stable", "security-unstable",
        "income-above-nang-cao", "smart-hamlets", "standout-field", "no-conditions",
    ];
}

/// <summary>Page margins in millimetres.</summary>
public sealed record DraftMargins(int Top, int Bottom, int Left, int Right);

/// <summary>A sentence of a paper; a provisional one is not yet confirmed against its legal text and is highlighted.</summary>
public sealed record DraftText(string Text, bool Provisional);

public enum DraftBlockKind
{
    /// <summary>A paragraph of the body, justified with its first line indented.</summary>
    Paragraph,

    /// <summary>A centred bold line ("QUYẾT ĐỊNH:").</summary>
    Heading,

    /// <summary>A bold section title at the left ("I. KẾT QUẢ THẨM ĐỊNH").</summary>
    Section,

    /// <summary>The criteria table with the commune's self-assessment.</summary>
    Criteria,

    /// <summary>The criteria table with the self-assessment and the province's appraisal verdict.</summary>
    CriteriaReviewed,

    /// <summary>The recognition conditions as recorded.</summary>
    Conditions,

    /// <summary>The council's vote sentence, or the paper's no-vote sentence.</summary>
    Vote,

    /// <summary>A batch decision's units, one line each.</summary>
    Units,
}

public sealed record DraftBlock(DraftBlockKind Kind, DraftText? Text = null);

/// <summary>One paper's wording for a period.</summary>
/// <param name="Issuer">The issuing body's lines, top left.</param>
/// <param name="Symbol">The symbol after the number ("TTr-UBND"), shown when the paper has no number yet.</param>
/// <param name="Title">The kind of paper and its subject ("TỜ TRÌNH", "Về việc …").</param>
/// <param name="Authority">The authority a decision speaks with ("CHỦ TỊCH ỦY BAN NHÂN DÂN …"), above its bases.</param>
public sealed record DraftPaperWording(
    string Id,
    IReadOnlyList<string> Issuer,
    string Symbol,
    IReadOnlyList<string> Title,
    DraftText? Addressee,
    string? Authority,
    IReadOnlyList<DraftText> Bases,
    IReadOnlyList<DraftBlock> Body,
    DraftText? Vote,
    DraftText? NoVote,
    string? UnitLine,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Signature,
    bool Provisional);

/// <summary>The wording of every paper for the dossiers of one programme period and one kind of unit.</summary>
public sealed record DraftPeriodWording(string PeriodId, string Subject, IReadOnlyDictionary<string, DraftPaperWording> Papers, string Source);
