namespace NtmWorkflow.Engine;

/// <summary>Where a dossier stands overall, independent of the stage names a definition chooses.</summary>
public static class DossierStatuses
{
    public const string InProgress = "in-progress";
    public const string Recognised = "recognised";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    /// <summary>A revocation procedure that ended with the recognition revoked.</summary>
    public const string Revoked = "revoked";

    /// <summary>A stage may be open while recognised (the ceremony after the decision).</summary>
    public static readonly IReadOnlyList<string> ForStages = [InProgress, Recognised];

    public static readonly IReadOnlyList<string> ForEnds = [Recognised, Rejected, Withdrawn, Revoked];

    public static readonly IReadOnlyList<string> All = [InProgress, Recognised, Rejected, Withdrawn, Revoked];

    /// <summary>Each status as officials name it, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> VietnameseNames = new Dictionary<string, string>
    {
        [InProgress] = "Đang xử lý",
        [Recognised] = "Đã công nhận",
        [Rejected] = "Không công nhận",
        [Withdrawn] = "Đã rút",
        [Revoked] = "Đã thu hồi",
    };
}
