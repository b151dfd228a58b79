using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>Who may upload each paper type: named in the definition, else the actors of the steps that require it.</summary>
public sealed class UploadRightsTests
{
    public static TheoryData<string, string, string, bool> ShippedRights => new()
    {
        { "commune-ntm", "quyet-dinh", Roles.ProvinceLeader, true },
        { "commune-ntm", "quyet-dinh", Roles.CommuneOfficer, false },
        { "commune-ntm", "bao-cao-tham-dinh", Roles.ProvinceAppraiser, true },
        { "commune-ntm", "bao-cao-tham-dinh", Roles.CommuneOfficer, false },
        { "commune-ntm", "bien-ban-hoi-dong", Roles.CommuneOfficer, false },
        { "commune-ntm", "bao-cao-tham-tra", Roles.DistrictReviewer, true },
        { "commune-ntm", "bao-cao-ket-qua", Roles.CommuneOfficer, true },
        { "commune-ntm", "anh-minh-hoa", Roles.CommuneOfficer, true },
        { "commune-ntm", "anh-minh-hoa", Roles.ProvinceAppraiser, true },
        { "commune-ntm-two-tier", "quyet-dinh", Roles.CommuneOfficer, false },
        { "commune-ntm-two-tier", "bien-ban-le-cong-bo", Roles.CommuneOfficer, true },
        { "commune-ntm", "khong-co", Roles.CommuneOfficer, false },
    };

    [Theory]
    [MemberData(nameof(ShippedRights))]
    public void MayUpload_InTheShippedDefinitions_FollowsTheStepsThatRequireThePaper(string definition, string type, string role, bool may) =>
        Assert.Equal(may, Shipped.Definition(definition).MayUpload(type, role));

    [Fact]
    public void EveryRequiredPaper_OfEveryShippedDefinition_IsUploadableByTheActorWhoNeedsIt()
    {
        foreach (var definition in Shipped.Definitions.All)
        {
            foreach (var stage in definition.Stages.Values)
            {
                foreach (var type in stage.Actions.Values.SelectMany(a => a.Documents))
                {
                    Assert.True(definition.MayUpload(type, stage.Actor), $"{definition.Id}: {stage.Actor} needs {type}");
                }
            }
        }
    }

    [Fact]
    public void UploadedBy_NamesTheRoles_AndOverridesTheDerivedRule()
    {
        var definition = DefinitionParser.Parse(Tiny("uploaded-by: [province-appraiser]"), "tiny.yaml");

        Assert.True(definition.MayUpload("bien-ban", Roles.ProvinceAppraiser));
        Assert.False(definition.MayUpload("bien-ban", Roles.DistrictReviewer));
    }

    [Fact]
    public void UploadedBy_WithAnUnknownRole_IsRefused()
    {
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(Tiny("uploaded-by: [chief]"), "tiny.yaml"));

        Assert.Contains(error.Errors, e => e.Message.Contains("chief"));
    }

    private static string Tiny(string uploadedBy) => $$"""
        id: tiny
        version: 1
        title: Thử
        subject: commune
        levels: [ntm]
        criteria: { ntm: commune-ntm-2021 }
        documents:
          bien-ban: { title: Biên bản, {{uploadedBy}} }
        start: review
        stages:
          review:
            title: Thẩm tra
            actor: district-reviewer
            actions:
              approve: { title: Đạt, to: recognised, documents: [bien-ban] }
        ends:
          recognised: { title: Xong }
        """;
}
