using System.Net.Http.Json;
using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The administrator records a merger and a move on the units page; the successor's page shows what merged into it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnitPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheAdministrator_MergesAndMovesUnits_AndTheSuccessorsPageShowsItsPredecessor()
    {
        var district = await AddUnit("dong-thap.trang-huyen", "Huyện Trang Thử", "district", "dong-thap");
        var absorbed = await AddUnit("dong-thap.trang-huyen.xa-a", "Xã Trang A", "xa", district);
        var successor = await AddUnit("dong-thap.trang-xa-b", "Xã Trang B", "xa", "dong-thap");
        var admin = await Official.SignInAsync(suite, "admin");
        await admin.OpenAsync("/Admin/Units");
        var merge = admin.Page.Locator("#merge-unit");

        await merge.Locator("#merge-code").SelectOptionAsync(absorbed);
        await merge.Locator("#merge-into").SelectOptionAsync(successor);
        await merge.GetByLabel("Ngày có hiệu lực").FillAsync("2025-07-01");
        await merge.GetByRole(AriaRole.Button, new() { Name = "Sáp nhập" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator(".error")).ToContainTextAsync("nghị quyết");
        await Assertions.Expect(merge.Locator("#merge-code")).ToHaveValueAsync(absorbed);
        await merge.GetByLabel("Số nghị quyết").FillAsync("1663/NQ-UBTVQH15");
        await merge.GetByRole(AriaRole.Button, new() { Name = "Sáp nhập" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator(".flash")).ToContainTextAsync("Đã sáp nhập Xã Trang A");

        var move = admin.Page.Locator("#move-unit");
        await move.Locator("#move-code").SelectOptionAsync(district);
        await move.Locator("#move-parent").SelectOptionAsync(successor);
        await move.GetByRole(AriaRole.Button, new() { Name = "Chuyển đơn vị" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator(".error")).ToContainTextAsync("không thể nằm dưới");
        await Assertions.Expect(move.Locator("#move-parent option[value='tra-vinh.tra-cu.tap-son']")).ToHaveCountAsync(0);
        await move.Locator("#move-parent").SelectOptionAsync("thanh-hoa");
        await move.GetByRole(AriaRole.Button, new() { Name = "Chuyển đơn vị" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator(".flash")).ToContainTextAsync("Đã chuyển Huyện Trang Thử");

        await admin.OpenAsync($"/Units/{successor}");
        await Assertions.Expect(admin.Page.Locator("main")).ToContainTextAsync("Xã Trang A");
        await Assertions.Expect(admin.Page.Locator("main")).ToContainTextAsync("1663/NQ-UBTVQH15");
        await admin.OpenAsync($"/Units/{district}");
        await Assertions.Expect(admin.Page.Locator("#changes")).ToContainTextAsync("dong-thap → thanh-hoa");
    }

    private async Task<string> AddUnit(string code, string name, string kind, string parentCode)
    {
        await Procedure.Must(await (await suite.App.As("admin")).PostAsJsonAsync("/api/admin/units", new { code, name, kind, parentCode }));
        return code;
    }
}
