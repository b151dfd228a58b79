using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The units file at every start: its reorganisations apply once, a second start changes nothing, and what the
/// administrator changed through the API in between stays as they left it, even where the file says otherwise.
/// </summary>
public sealed class UnitFileRestartTests
{
    [Fact]
    public async Task ASecondStart_ChangesNothing_AndKeepsTheAdministratorsMoveAndName()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var key = Guid.NewGuid().ToString("N");
        JsonElement before;
        int units;
        await using (var first = new AppOnFolder(folder, key, keepDatabase: true))
        {
            var admin = await first.As("admin");
            await Procedure.Must(await admin.PostAsJsonAsync("/api/admin/units/tra-vinh.tra-cu/move",
                new { parentCode = "vinh-long", resolution = "9/NQ-THU", effectiveOn = "2025-07-01" }));
            await Procedure.Must(await admin.PutAsJsonAsync("/api/admin/units/vinh-long.dai-an", new { name = "Xã Đại An (Vĩnh Long)" }));
            before = await admin.GetFromJsonAsync<JsonElement>("/api/units/tra-vinh.tra-cu");
            units = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/units")).GetArrayLength();
        }

        await using var second = new AppOnFolder(folder, key, keepDatabase: false);
        var again = await second.As("admin");

        var after = await again.GetFromJsonAsync<JsonElement>("/api/units/tra-vinh.tra-cu");
        Assert.Equal("vinh-long", after.GetProperty("unit").GetProperty("parentCode").GetString());
        Assert.Equal(before.GetProperty("changes").GetArrayLength(), after.GetProperty("changes").GetArrayLength());
        Assert.Equal(units, (await again.GetFromJsonAsync<JsonElement>("/api/admin/units")).GetArrayLength());
        var daiAn = await again.GetFromJsonAsync<JsonElement>("/api/units/vinh-long.dai-an");
        Assert.Equal("Xã Đại An (Vĩnh Long)", daiAn.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await (await second.As("huyen.tracu")).GetAsync("/api/units/tra-vinh.tra-cu")).StatusCode);
    }

    [Fact]
    public async Task ANameTheFileChanges_IsApplied_AndRecorded()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var key = await AppOnFolder.RunOnce(folder);
        var file = Path.Combine(folder, "units", "units.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("name: Xã Hợp Tiến,", "name: Xã Hợp Tiến Mới,"));

        await using var second = new AppOnFolder(folder, key, keepDatabase: false);

        var unit = await (await second.As("admin")).GetFromJsonAsync<JsonElement>("/api/units/thanh-hoa.hop-tien");
        Assert.Equal("Xã Hợp Tiến Mới", unit.GetProperty("unit").GetProperty("name").GetString());
        var rename = Assert.Single(unit.GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "rename");
        Assert.Equal("units.yaml", rename.GetProperty("actor").GetString());
    }
}
