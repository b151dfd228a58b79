using System.Net;
using System.Net.Http.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>A new dossier's year picks its programme period, which decides what may be opened (programme/periods.yaml).</summary>
public sealed class PeriodTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Theory]
    [InlineData(2015)]
    [InlineData(2031)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-2026)]
    [InlineData(int.MaxValue)]
    public async Task AYearNoPeriodCovers_IsRefusedNamingThePeriods(int year)
    {
        var commune = await app.NewCommune();

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await Create(commune, "ntm", year));

        Assert.True(problem.Names("year"));
        Assert.Contains("2016–2020, 2021–2025, 2026–2030", problem.Detail());
        await AssertNoDossier(commune);
    }

    [Fact]
    public async Task AnyYearOfAnOpenPeriod_IsAccepted_ItsLastToo()
    {
        var commune = await app.NewCommune();
        await app.PlaceInGroup(commune);

        var dossier = await Procedure.Must(await Create(commune, "ntm", 2030));

        Assert.Equal(2030, dossier.GetProperty("year").GetInt32());
        Assert.Equal("commune-ntm-2026", dossier.GetProperty("workflow").GetProperty("id").GetString());
    }

    [Fact]
    public async Task APeriodOfHistoryOnly_TakesNoNewDossier()
    {
        var commune = await app.NewCommune();

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(commune, "ntm", 2019));

        Assert.Contains("Giai đoạn 2016–2020 không nhận hồ sơ mới", problem.Detail());
        await AssertNoDossier(commune);
    }

    [Theory]
    [InlineData("ntm-nang-cao", "nông thôn mới nâng cao")]
    [InlineData("ntm-kieu-mau", "nông thôn mới kiểu mẫu")]
    public async Task From2026_NangCaoAndKieuMau_AreClosedForNewDossiers(string level, string name)
    {
        var commune = await app.NewCommune();

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(commune, level, 2026));

        Assert.Contains($"Giai đoạn 2026–2030 không nhận hồ sơ mới mức {name}", problem.Detail());
        Assert.Contains("mức còn nhận: đạt chuẩn nông thôn mới, nông thôn mới hiện đại", problem.Detail());
        await AssertNoDossier(commune);
    }

    [Fact]
    public async Task From2026_DistrictDossiers_AreClosed_But2025StillOpens()
    {
        var district = await app.NewDistrict();

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(district, "ntm", 2026));

        Assert.Contains("Giai đoạn 2026–2030 không nhận hồ sơ mới cho đơn vị cấp huyện", problem.Detail());
        var opened = await Procedure.Must(await Create(district, "ntm", 2025));
        Assert.Equal("district-ntm", opened.GetProperty("workflow").GetProperty("id").GetString());
    }

    [Fact]
    public async Task From2026_AProcedureOfTheEarlierPeriod_CannotBeNamed()
    {
        var commune = await app.NewCommune();

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(commune, "ntm", 2026, "commune-ntm"));

        Assert.Contains("Quy trình 'commune-ntm' không áp dụng cho hồ sơ Giai đoạn 2026–2030", problem.Detail());
        Assert.Contains("commune-ntm-2026", problem.Detail());
        await AssertNoDossier(commune);
    }

    [Fact]
    public async Task In2025_TheThreeTierProcedureAndThe2021SetStillApply()
    {
        var commune = await app.NewCommune();

        var dossier = await procedure.Create(commune, qualify: false);

        Assert.Equal("commune-ntm", dossier.GetProperty("workflow").GetProperty("id").GetString());
        Assert.Equal(19, dossier.GetProperty("criteria").GetProperty("total").GetInt32());
    }

    private async Task<HttpResponseMessage> Create(TestUnit unit, string level, int year, string? workflow = null) =>
        await (await app.As(unit.Officer)).PostAsJsonAsync("/api/dossiers", new { unitCode = unit.Code, level, year, workflow });

    private async Task AssertNoDossier(TestUnit unit)
    {
        var list = await (await app.As(unit.Officer)).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/dossiers?unitCode={unit.Code}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }
}
