using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Seeding;

/// <summary>The demo officials named in the issue tracker; other systems and the browser tests sign in as them.</summary>
internal sealed class DemoSeeder(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<SeedOptions> options, ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<(string UserName, string FullName, string Role, string UnitCode)> Users =
    [
        ("xa.tanhoi", "Cán bộ xã Tân Hội", Roles.CommuneOfficer, "dong-thap.hong-ngu.tan-hoi"),
        ("xa.binhthanh", "Cán bộ xã Bình Thạnh", Roles.CommuneOfficer, "dong-thap.hong-ngu.binh-thanh"),
        ("xa.tapson", "Cán bộ xã Tập Sơn", Roles.CommuneOfficer, "tra-vinh.tra-cu.tap-son"),
        ("huyen.hongngu", "Cán bộ thẩm tra TP Hồng Ngự", Roles.DistrictReviewer, "dong-thap.hong-ngu"),
        ("huyen.tracu", "Cán bộ thẩm tra huyện Trà Cú", Roles.DistrictReviewer, "tra-vinh.tra-cu"),
        ("tinh.dongthap.thamdinh", "VP Điều phối NTM tỉnh Đồng Tháp", Roles.ProvinceAppraiser, "dong-thap"),
        ("tinh.travinh.thamdinh", "VP Điều phối NTM tỉnh Trà Vinh", Roles.ProvinceAppraiser, "tra-vinh"),
        ("tinh.dongthap.lanhdao", "Lãnh đạo UBND tỉnh Đồng Tháp", Roles.ProvinceLeader, "dong-thap"),
        ("tinh.travinh.lanhdao", "Lãnh đạo UBND tỉnh Trà Vinh", Roles.ProvinceLeader, "tra-vinh"),
        // The units since 1 July 2025 (two tiers): Xã Tập Sơn of Vĩnh Long and Vĩnh Long's province officials, who
        // also see Trà Vinh's history (Trà Vinh's tree lies under Vĩnh Long since the merger).
        ("xa.tapson.vl", "Cán bộ xã Tập Sơn (tỉnh Vĩnh Long)", Roles.CommuneOfficer, "vinh-long.tap-son"),
        ("tinh.vinhlong.thamdinh", "VP Điều phối NTM tỉnh Vĩnh Long", Roles.ProvinceAppraiser, "vinh-long"),
        ("tinh.vinhlong.lanhdao", "Lãnh đạo UBND tỉnh Vĩnh Long", Roles.ProvinceLeader, "vinh-long"),
        ("trunguong.thamdinh", "VP Điều phối NTM Trung ương", Roles.CentralAppraiser, "vn"),
        ("admin", "Quản trị hệ thống", Roles.Administrator, "vn"),
    ];

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }
        var missing = Users.Where(u => users.Users.All(x => x.UserName != u.UserName)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var password = options.Value.DemoPassword;
        if (string.IsNullOrEmpty(password))
        {
            password = RandomPassword();
            // Printed once, when the users are created: afterwards only their hashes exist.
            Console.WriteLine($"Mật khẩu của các tài khoản mẫu (demo password): {password}");
        }
        foreach (var (userName, fullName, role, unitCode) in missing)
        {
            var user = new AppUser { UserName = userName, FullName = fullName, UnitCode = unitCode, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
        }
        logger.LogInformation("Seeded {Count} demo users", missing.Count);
    }

    private static string RandomPassword() =>
        $"{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 4)}-" +
        $"{RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 4)}-" +
        $"{RandomNumberGenerator.GetString("23456789", 4)}";

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not seed {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
