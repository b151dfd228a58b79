namespace NtmWorkflow.Engine;

/// <summary>The recognition levels and the level a unit must already hold to apply for each.</summary>
public static class Levels
{
    public const string Ntm = "ntm";
    public const string NtmNangCao = "ntm-nang-cao";
    public const string NtmKieuMau = "ntm-kieu-mau";

    /// <summary>The pilot level of Decision 51/2025/QĐ-TTg (Phụ lục II), from 2026.</summary>
    public const string NtmHienDai = "ntm-hien-dai";

    public static readonly IReadOnlyList<string> All = [Ntm, NtmNangCao, NtmKieuMau, NtmHienDai];

    public static bool IsKnown(string level) => All.Contains(level);

    public static string? Prerequisite(string level) => level switch
    {
        NtmNangCao => Ntm,
        NtmKieuMau => NtmNangCao,
        NtmHienDai => Ntm,
        _ => null,
    };

    public static string VietnameseName(string level) => level switch
    {
        Ntm => "đạt chuẩn nông thôn mới",
        NtmNangCao => "nông thôn mới nâng cao",
        NtmKieuMau => "nông thôn mới kiểu mẫu",
        NtmHienDai => "nông thôn mới hiện đại",
        _ => level,
    };
}
