using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>A district's own recognition: province review, central appraisal and council, the Prime Minister's decision.</summary>
public sealed class DistrictProcedureTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task DistrictProcedure_EndToEnd_EndsRecognisedAndPublished()
    {
        var district = await app.NewDistrict();
        var dossier = await procedure.Create(district);
        Assert.Equal("district-ntm", dossier.GetProperty("workflow").GetProperty("id").GetString());
        Assert.Equal("district-ntm-2021", dossier.GetProperty("criteria").GetProperty("setId").GetString());
        Assert.Equal(9, dossier.GetProperty("criteria").GetProperty("met").GetInt32());

        dossier = await procedure.At(district, "recognised", Procedure.DistrictPath, existing: dossier);

        Assert.Equal("recognised", dossier.GetProperty("status").GetString());
        var roles = (await procedure.Timeline(Procedure.Central, dossier)).EnumerateArray()
            .Select(e => e.GetProperty("role").GetString()).Distinct().ToList();
        Assert.Equal(["district-reviewer", "province-appraiser", "central-appraiser"], roles);
        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/decisions?provinceCode=dong-thap&pageSize=100");
        Assert.Contains(registry.GetProperty("items").EnumerateArray(), i => i.GetProperty("unitCode").GetString() == district.Code);
    }

    [Fact]
    public async Task DistrictDossier_CanOnlyBeOpenedByTheDistrictsReviewer()
    {
        var district = await app.NewDistrict();
        var commune = await app.NewCommune();
        var byCommune = await (await app.As(commune.Officer)).PostAsJsonAsync("/api/dossiers", new { unitCode = district.Code, level = "ntm", year = 2025 });
        await ProblemAssert.Is(HttpStatusCode.Forbidden, byCommune);
        var byOtherDistrict = await (await app.As("huyen.tracu")).PostAsJsonAsync("/api/dossiers", new { unitCode = district.Code, level = "ntm", year = 2025 });
        await ProblemAssert.Is(HttpStatusCode.Forbidden, byOtherDistrict);
    }

    [Fact]
    public async Task CentralAppraisal_ReturnsToTheProvince_WhichResubmits()
    {
        var district = await app.NewDistrict();
        var dossier = await procedure.At(district, "central-appraisal", Procedure.DistrictPath);
        dossier = await procedure.MustAct(Procedure.Central, dossier, "request-supplement", new { comment = "Bổ sung báo cáo thẩm tra" });
        Assert.Equal("province-supplement", dossier.GetProperty("stage").GetString());
        dossier = await procedure.MustAct(Procedure.Appraiser, dossier, "resubmit");
        Assert.Equal("central-appraisal", dossier.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task OtherProvince_CannotReviewTheDistrict()
    {
        var district = await app.NewDistrict();
        var dossier = await procedure.At(district, "province-review", Procedure.DistrictPath);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await procedure.Act("tinh.travinh.thamdinh", dossier, "approve"));
    }
}
