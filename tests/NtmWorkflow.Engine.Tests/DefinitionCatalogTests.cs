using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

public sealed class DefinitionCatalogTests
{
    [Fact]
    public void LoadFolder_WhenShipped_FindsBothCommuneDefinitions()
    {
        Assert.NotNull(Shipped.Definitions.Find("commune-ntm"));
        Assert.NotNull(Shipped.Definitions.Find("commune-ntm-two-tier"));
        Assert.Null(Shipped.Definitions.Find("khong-co"));
    }

    [Fact]
    public void LoadFolder_WhenTwoFilesShareAnId_ReportsTheSecondFile()
    {
        var folder = Directory.CreateTempSubdirectory("ntm-catalog").FullName;
        var text = File.ReadAllText(Path.Combine(Shipped.Folder, "commune-ntm.yaml"));
        File.WriteAllText(Path.Combine(folder, "a.yaml"), text);
        File.WriteAllText(Path.Combine(folder, "b.yaml"), text);

        var error = Assert.Throws<DefinitionException>(() => DefinitionCatalog.LoadFolder(folder, Shipped.Criteria));

        var duplicate = Assert.Single(error.Errors);
        Assert.Equal("b.yaml", duplicate.File);
        Assert.Contains("a.yaml", duplicate.Message);
    }

    [Fact]
    public void LoadFolder_WhenSeveralFilesAreBroken_ReportsEveryFile()
    {
        var folder = Directory.CreateTempSubdirectory("ntm-catalog").FullName;
        File.WriteAllText(Path.Combine(folder, "a.yaml"), "id: a\n");
        File.WriteAllText(Path.Combine(folder, "b.yaml"), "id: [\n");

        var error = Assert.Throws<DefinitionException>(() => DefinitionCatalog.LoadFolder(folder, Shipped.Criteria));

        Assert.Contains(error.Errors, e => e.File == "a.yaml");
        Assert.Contains(error.Errors, e => e.File == "b.yaml");
    }

    [Fact]
    public void LoadFolder_WhenTheFolderIsMissing_SaysWhich()
    {
        var error = Assert.Throws<DefinitionException>(() => DefinitionCatalog.LoadFolder("/khong/co/thu-muc", Shipped.Criteria));
        Assert.Equal("/khong/co/thu-muc", Assert.Single(error.Errors).File);
    }
}
