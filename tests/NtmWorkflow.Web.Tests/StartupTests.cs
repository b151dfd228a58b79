using System.Net;
using System.Net.Http.Json;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Start-up refuses broken or silently edited definitions; running dossiers keep the rules they began under.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task BrokenDefinition_StopsStartUp_WithFileLineAndReason()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var file = Path.Combine(folder, "commune-ntm.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("to: district-public-notice", "to: district-notice"));
        await using var app = new AppOnFolder(folder, Guid.NewGuid().ToString("N"), keepDatabase: false);

        var error = Assert.Throws<DefinitionException>(() => app.CreateClient());

        var problem = Assert.Single(error.Errors);
        Assert.Equal("commune-ntm.yaml", problem.File);
        Assert.Contains("district-notice", problem.Message);
        Assert.True(problem.Line > 1);
        Assert.Contains("commune-ntm.yaml:" + problem.Line, error.Message);
    }

    [Theory]
    [InlineData("reminders: [{ before: 3 }, { on-due: true }, { overdue-every: 1 }]", "reminders: [{ before: -2 }]", "nhắc sau thời hạn")]
    [InlineData("escalate: { after-overdue: 5, to: province-appraiser }", "escalate: { after-overdue: 5, to: province-boss }", "province-boss")]
    [InlineData("limit: { working-days: 20 }\n    # Như", "limit: { working-days: 0 }\n    # Như", "số nguyên dương")]
    public async Task BrokenReminderPolicy_StopsStartUp_WithFileAndReason(string from, string to, string mentions)
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var file = Path.Combine(folder, "commune-ntm.yaml");
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains(from, text);
        await File.WriteAllTextAsync(file, text.Replace(from, to));
        await using var app = new AppOnFolder(folder, Guid.NewGuid().ToString("N"), keepDatabase: false);

        var error = Assert.Throws<DefinitionException>(() => app.CreateClient());

        Assert.Contains(error.Errors, e => e.File == "commune-ntm.yaml" && e.Line > 1 && e.Message.Contains(mentions));
    }

    [Fact]
    public async Task BrokenCriteriaSet_StopsStartUp_WithFileLineAndReason()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var file = Path.Combine(folder, "criteria", "district-ntm-2021.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("kind: at-least, threshold: 60", "kind: at-least"));
        await using var app = new AppOnFolder(folder, Guid.NewGuid().ToString("N"), keepDatabase: false);

        var error = Assert.Throws<DefinitionException>(() => app.CreateClient());

        var problem = Assert.Single(error.Errors);
        Assert.Equal("district-ntm-2021.yaml", problem.File);
        Assert.Contains("threshold", problem.Message);
    }

    [Fact]
    public async Task PublishedVersion_EditedWithoutBumpingTheVersion_StopsStartUp()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var key = await AppOnFolder.RunOnce(folder);
        var file = Path.Combine(folder, "commune-ntm.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("limit: { working-days: 20 }", "limit: { working-days: 30 }"));
        await using var second = new AppOnFolder(folder, key, keepDatabase: false);

        var error = Assert.Throws<DefinitionException>(() => second.CreateClient());

        Assert.Contains("tăng 'version'", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task NewVersion_RunningDossiersFinishOnTheVersionTheyBeganUnder()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var key = Guid.NewGuid().ToString("N");
        System.Text.Json.JsonElement running;
        await using (var first = new AppOnFolder(folder, key, keepDatabase: true))
        {
            running = await new Procedure(first).At(await first.NewCommune(), "district-review");
        }
        var file = Path.Combine(folder, "commune-ntm.yaml");
        var text = (await File.ReadAllTextAsync(file))
            .Replace("version: 1", "version: 2")
            .Replace("      approve:\n        title: Đạt yêu cầu thẩm tra\n        to: district-public-notice",
                "      approve:\n        title: Đạt yêu cầu thẩm tra\n        to: district-public-notice\n        requires: [comment]");
        await File.WriteAllTextAsync(file, text);
        await using var second = new AppOnFolder(folder, key, keepDatabase: false);
        var procedure = new Procedure(second);

        var pinned = await procedure.Get(Procedure.District, running);
        Assert.Equal(1, pinned.GetProperty("workflow").GetProperty("version").GetInt32());
        var moved = await procedure.MustAct(Procedure.District, running, "approve");
        Assert.Equal("district-public-notice", moved.GetProperty("stage").GetString());

        var fresh = await procedure.At(await second.NewCommune(), "district-review");
        Assert.Equal(2, fresh.GetProperty("workflow").GetProperty("version").GetInt32());
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await procedure.Act(Procedure.District, fresh, "approve"));
    }

    [Fact]
    public async Task NewCriteriaSetVersion_RunningDossiersKeepTheCriteriaTheyWereOpenedWith()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var key = Guid.NewGuid().ToString("N");
        System.Text.Json.JsonElement running;
        await using (var first = new AppOnFolder(folder, key, keepDatabase: true))
        {
            running = await new Procedure(first).Create(await first.NewCommune(), qualify: false);
        }
        var file = Path.Combine(folder, "criteria", "commune-ntm-2021.yaml");
        var text = (await File.ReadAllTextAsync(file))
            .Replace("version: 2", "version: 3")
            .Replace("kind: at-least, threshold: { default: 80, trung-du-mien-nui-phia-bac: 70, tay-nguyen: 70 } }\n  - number: 6",
                "kind: at-least, threshold: { default: 85, trung-du-mien-nui-phia-bac: 70, tay-nguyen: 70 } }\n  - number: 6");
        await File.WriteAllTextAsync(file, text);
        await using var second = new AppOnFolder(folder, key, keepDatabase: false);
        var procedure = new Procedure(second);
        var client = await second.As(Procedure.District);

        var old = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/dossiers/{Procedure.Id(running)}/criteria");
        Assert.Equal(2, old.GetProperty("criteriaSet").GetProperty("version").GetInt32());
        Assert.Equal(80, old.GetProperty("criteria")[4].GetProperty("indicators")[0].GetProperty("threshold").GetDecimal());

        var fresh = await procedure.Create(await second.NewCommune(), qualify: false);
        var renewed = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/dossiers/{Procedure.Id(fresh)}/criteria");
        Assert.Equal(3, renewed.GetProperty("criteriaSet").GetProperty("version").GetInt32());
        Assert.Equal(85, renewed.GetProperty("criteria")[4].GetProperty("indicators")[0].GetProperty("threshold").GetDecimal());
    }
}
