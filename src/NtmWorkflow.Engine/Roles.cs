namespace NtmWorkflow.Engine;

/// <summary>The roles of the procedure; definitions may name only these.</summary>
public static class Roles
{
    public const string CommuneOfficer = "commune-officer";
    public const string DistrictReviewer = "district-reviewer";
    public const string ProvinceAppraiser = "province-appraiser";
    public const string ProvinceLeader = "province-leader";
    public const string CentralAppraiser = "central-appraiser";
    public const string Administrator = "administrator";
    public const string Observer = "observer";

    public static readonly IReadOnlyList<string> All =
    [
        CommuneOfficer, DistrictReviewer, ProvinceAppraiser, ProvinceLeader, CentralAppraiser, Administrator, Observer,
    ];

    public static string VietnameseName(string role) => role switch
    {
        CommuneOfficer => "cán bộ xã",
        DistrictReviewer => "cán bộ thẩm tra cấp huyện",
        ProvinceAppraiser => "cán bộ thẩm định cấp tỉnh",
        ProvinceLeader => "lãnh đạo UBND tỉnh",
        CentralAppraiser => "cán bộ thẩm định Trung ương",
        Administrator => "quản trị viên",
        Observer => "người theo dõi",
        _ => role,
    };
}
