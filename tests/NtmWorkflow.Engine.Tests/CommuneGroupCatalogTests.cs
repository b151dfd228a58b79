using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>The commune groups file: the three groups of Decision 51/2025/QĐ-TTg, read as data, each problem with its line.</summary>
public sealed class CommuneGroupCatalogTests
{
    private const string Valid = """
        legal-basis: Quyết định 51/2025/QĐ-TTg
        status: official
        commune-groups:
          - { code: nhom-1, name: Xã nhóm 1 }
          - { code: nhom-2, name: Xã nhóm 2, definition: Các xã còn lại }
        """;

    [Fact]
    public void TheShippedFile_ListsTheThreeGroupsOfDecision51_AsProvisional()
    {
        var catalog = CommuneGroupCatalog.Load(Path.Combine(Shipped.Folder, "units", "commune-groups.yaml"));

        Assert.Equal(["nhom-1", "nhom-2", "nhom-3"], catalog.All.Select(g => g.Code));
        Assert.Equal(["Xã nhóm 1", "Xã nhóm 2", "Xã nhóm 3"], catalog.All.Select(g => g.Name));
        Assert.All(catalog.All, g => Assert.False(string.IsNullOrWhiteSpace(g.Definition)));
        Assert.StartsWith("Quyết định 51/2025/QĐ-TTg", catalog.LegalBasis);
        Assert.True(catalog.Provisional);
    }

    [Fact]
    public void Parse_WhenValid_FindsEachGroupByCode_AndNoOther()
    {
        var catalog = CommuneGroupCatalog.Parse(Valid, "g.yaml");

        Assert.False(catalog.Provisional);
        Assert.Equal("Các xã còn lại", catalog.Find("nhom-2")!.Definition);
        Assert.Null(catalog.Find("nhom-1")!.Definition);
        Assert.Null(catalog.Find("nhom-3"));
        Assert.Null(catalog.Find(null));
    }

    [Theory]
    [InlineData("- { code: nhom-2, name: Xã nhóm 2, definition: Các xã còn lại }", "- { code: nhom-1, name: Xã nhóm 2 }", 5, "hai lần")]
    [InlineData("- { code: nhom-1, name: Xã nhóm 1 }", "- { code: nhom-1 }", 4, "'name'")]
    [InlineData("- { code: nhom-1, name: Xã nhóm 1 }", "- { code: nhom-1, name: Xã nhóm 1, vung: x }", 4, "'vung'")]
    [InlineData("status: official", "status: chac-chan", 2, "'status'")]
    [InlineData("status: official\n", "", 1, "'status'")]
    [InlineData("commune-groups:", "nhom-xa:", 3, "'nhom-xa'")]
    [InlineData("  - { code: nhom-1, name: Xã nhóm 1 }\n  - { code: nhom-2, name: Xã nhóm 2, definition: Các xã còn lại }", "  []", 4, "ít nhất một")]
    [InlineData("- { code: nhom-1,", "- [ code: nhom-1,", 4, "YAML")]
    public void Parse_WhenBroken_NamesTheLineAndTheReason(string from, string to, int line, string reason)
    {
        Assert.Contains(from, Valid);

        var error = Assert.Throws<DefinitionException>(() => CommuneGroupCatalog.Parse(Valid.Replace(from, to), "g.yaml"));

        Assert.Contains(error.Errors, e => e.File == "g.yaml" && e.Line == line && e.Message.Contains(reason));
    }

    [Fact]
    public void Load_WhenTheFileIsMissing_SaysSo()
    {
        var error = Assert.Throws<DefinitionException>(() => CommuneGroupCatalog.Load(Path.Combine(Shipped.Folder, "khong-co.yaml")));

        Assert.Contains("Không đọc được tệp nhóm xã", Assert.Single(error.Errors).Message);
    }
}
