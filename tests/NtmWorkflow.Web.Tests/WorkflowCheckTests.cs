using NtmWorkflow.Web.Tests.Support;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Tests;

/// <summary><c>check-workflows</c> reads every data file as start-up would and names each problem with its file and line.</summary>
public sealed class WorkflowCheckTests
{
    [Fact]
    public void TheShippedFiles_AreValid()
    {
        var (code, output) = Check(AppOnFolder.CopyOfShippedWorkflows());

        Assert.Equal(0, code);
        Assert.Contains("5 quy trình: hợp lệ.", output);
        Assert.Contains("Hợp lệ:", output);
    }

    [Fact]
    public void ABrokenFileOfEachKind_IsNamed_AndTheOtherKindsAreStillChecked()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        Replace(folder, "commune-ntm.yaml", "to: district-public-notice", "to: district-notice");
        Replace(folder, "calendars/2026.yaml", "status: official", "status: chac-chan");
        Replace(folder, "units/units.yaml", "code: dong-thap.hong-ngu.binh-thanh", "code: dong-thap.hong-ngu.tan-hoi");
        Replace(folder, "criteria/commune-ntm-2021.yaml", "kind: yes-no }", "kind: co-khong }");

        var (code, output) = Check(folder);

        Assert.Equal(1, code);
        Assert.Matches(@"commune-ntm-2021\.yaml:\d+:\d+: .*co-khong", output);
        Assert.Contains("2026.yaml: 'status' phải là 'official' hoặc 'provisional'.", output);
        Assert.Matches(@"units\.yaml:\d+:\d+: mã đơn vị 'dong-thap.hong-ngu.tan-hoi' xuất hiện 2 lần", output);
        Assert.Contains("lỗi trong", output);
    }

    [Fact]
    public void EveryBadReorganisation_IsNamedWithItsLine()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        File.AppendAllText(Path.Combine(folder, "units", "units.yaml"), """
              - id: loi-sap-xep
                effective: 2025-08-01
                steps:
                  - { merge: khong-co, into: vinh-long }
                  - { merge: vinh-long.dai-an, into: vinh-long.dai-an }
                  - { merge: vinh-long.dai-an, into: vinh-long }
                  - { move: vinh-long, under: vinh-long.dai-an }
                  - { merge: vinh-long.long-hiep, under: vn }
              - id: loi-sap-xep
                effective: 2025-08-01
                steps:
                  - { dissolve: vinh-long.tap-son }

            """);
        var lines = File.ReadAllLines(Path.Combine(folder, "units", "units.yaml"));
        int Line(string text) => Array.FindLastIndex(lines, l => l.Contains(text)) + 1;

        var (code, output) = Check(folder);

        Assert.Equal(1, code);
        Assert.Contains($"units.yaml:{Line("merge: khong-co")}:", output);
        Assert.Matches($@"units\.yaml:{Line("merge: vinh-long.dai-an, into: vinh-long.dai-an")}:\d+: .*chính nó", output);
        Assert.Matches($@"units\.yaml:{Line("merge: vinh-long.dai-an, into: vinh-long }")}:\d+: .*khác cấp", output);
        Assert.Matches($@"units\.yaml:{Line("move: vinh-long,")}:\d+: .*trực thuộc", output);
        Assert.Contains($"units.yaml:{Line("under: vn")}:", output);
        Assert.Matches($@"units\.yaml:{Line("id: loi-sap-xep")}:\d+: .*'loi-sap-xep' đã dùng", output);
        Assert.Contains("Có 6 lỗi", output);
    }

    [Fact]
    public void ABrokenDefinition_IsNamedWithItsLine()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        Replace(folder, "commune-ntm.yaml", "to: district-public-notice", "to: district-notice");

        var (code, output) = Check(folder);

        Assert.Equal(1, code);
        Assert.Matches(@"commune-ntm\.yaml:\d+:\d+: .*district-notice", output);
        Assert.Contains("4 bộ tiêu chí: hợp lệ.", output);
    }

    [Fact]
    public void AMissingFolder_IsReported_NotThrown()
    {
        var (code, output) = Check(Path.Combine(Path.GetTempPath(), "ntm-tests", "khong-co-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(1, code);
        Assert.Contains("Không tìm thấy", output);
    }

    private static (int Code, string Output) Check(string folder)
    {
        using var output = new StringWriter();
        var code = WorkflowCheck.Run(folder, output);
        return (code, output.ToString());
    }

    private static void Replace(string folder, string file, string from, string to)
    {
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }
}
