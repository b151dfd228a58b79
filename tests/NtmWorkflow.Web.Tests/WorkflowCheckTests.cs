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
        Assert.Contains("7 quy trình: hợp lệ.", output);
        Assert.Contains("3 giai đoạn: hợp lệ.", output);
        Assert.Contains("3 nhóm xã: hợp lệ.", output);
        Assert.Contains("2 lời văn bản thảo: hợp lệ.", output);
        Assert.Contains("Hợp lệ:", output);
    }

    [Fact]
    public void ABrokenDraftWordingFile_IsNamedWithTheLineAndTheReason()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        Replace(folder, "drafts/giai-doan-2021-2025.yaml", "    symbol: TTr-UBND\n", "    symbol: TTr-UBND\n    so-hieu: TTr\n");

        var (code, output) = Check(folder);

        Assert.Equal(1, code);
        Assert.Matches(@"drafts/giai-doan-2021-2025\.yaml:\d+:\d+: Khóa 'so-hieu' không được hỗ trợ ở đây", output);
        Assert.Contains("3 giai đoạn: hợp lệ.", output);
    }

    [Theory]
    [InlineData("code: nhom-2", "code: nhom-1", 14, "Mã nhóm xã 'nhom-1' được khai báo hai lần.")]
    [InlineData("    name: Xã nhóm 3\n", "", 17, "Thiếu khóa bắt buộc 'name'.")]
    [InlineData("code: nhom-3", "code: Nhom 3", 17, "'code' phải viết thường, nối bằng gạch ngang, không phải 'Nhom 3'.")]
    [InlineData("status: provisional", "status: tam-tinh", 7, "'status' không nhận giá trị 'tam-tinh'")]
    [InlineData("    definition: Các xã", "    dinh-nghia: Các xã", 16, "Khóa 'dinh-nghia' không được hỗ trợ ở đây")]
    public void ABrokenCommuneGroupsFile_IsNamedWithTheLineAndTheReason(string from, string to, int line, string reason)
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        Replace(folder, "units/commune-groups.yaml", from, to);

        var (code, output) = Check(folder);

        Assert.Equal(1, code);
        Assert.Contains($"commune-groups.yaml:{line}:", output);
        Assert.Contains(reason, output);
        Assert.Contains("7 quy trình: hợp lệ.", output);
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
        Assert.Contains("6 bộ tiêu chí: hợp lệ.", output);
    }

    [Theory]
    [InlineData("thresholds-by: group", "thresholds-by: nhom", "commune-ntm-2026-2030.yaml:24:16: 'thresholds-by' không nhận giá trị 'nhom'")]
    [InlineData("groups: [nhom-1, nhom-2, nhom-3]", "groups: [nhom-1, nhom-2]", "commune-ntm-2026-2030.yaml:90:44: Chỉ tiêu 6.2: nhóm 'nhom-3' không có trong 'groups'.")]
    [InlineData("groups: [nhom-1, nhom-2, nhom-3]", "regions: [nhom-1, nhom-2, nhom-3]", "commune-ntm-2026-2030.yaml:25:10: 'regions' không dùng với 'thresholds-by: group'")]
    [InlineData("            2027: { default: 4,", "            2025: { default: 4,", "commune-ntm-2026-2030.yaml:91:13: Chỉ tiêu 6.2: các năm trong 'by-year' phải tăng dần (2025 đứng sau 2026).")]
    [InlineData("            2027: { default: 4,", "            2026: { default: 4,", "commune-ntm-2026-2030.yaml:91:13: Lỗi cú pháp YAML: khóa '2026' được khai báo hai lần")]
    [InlineData("            2027: { default: 4,", "            nam-2027: { default: 4,", "commune-ntm-2026-2030.yaml:91:13: Chỉ tiêu 6.2: năm 'nam-2027' trong 'by-year' phải là một năm")]
    [InlineData("          2027: \"Chuẩn", "          2025: \"Chuẩn", "commune-ntm-2026-2030.yaml:96:11: Chỉ tiêu 6.2: các năm trong 'standard' phải tăng dần")]
    public void ACriteriaSetsNewKeys_AreCheckedWithTheirLine(string from, string to, string expected)
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        Replace(folder, "criteria/commune-ntm-2026-2030.yaml", from, to);

        var (code, output) = Check(folder);

        Assert.Equal(1, code);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("bộ tiêu chí: hợp lệ", output);
    }

    [Fact]
    public void ABrokenPeriodsFile_IsNamedWithTheLineOfEachProblem()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        Replace(folder, "programme/periods.yaml", "procedure: commune-ntm-2026", "procedure: commune-ntm-2025");
        Replace(folder, "programme/periods.yaml", "from: 2021", "from: hai-muoi-mot");

        var (code, output) = Check(folder);

        Assert.Equal(1, code);
        Assert.Matches(@"programme/periods\.yaml:\d+:\d+: 'from' .*hai-muoi-mot", output);
        Assert.DoesNotContain("không có quy trình 'commune-ntm-2025'", output);

        Replace(folder, "programme/periods.yaml", "from: hai-muoi-mot", "from: 2021");
        (code, output) = Check(folder);

        Assert.Equal(1, code);
        // Reported at the subject whose procedure is missing: the line above the procedure's.
        var subjectLine = Array.FindIndex(File.ReadAllLines(Path.Combine(folder, "programme/periods.yaml")), l => l.Contains("procedure: commune-ntm-2025"));
        Assert.Contains($"programme/periods.yaml:{subjectLine}:1: Giai đoạn giai-doan-2026-2030, cấp xã: không có quy trình 'commune-ntm-2025'", output);
    }

    [Fact]
    public void ACommuneGroupsFileLackingAGroupTheCriteriaUse_IsRefused_NamingTheSetAndTheGroup()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var groups = Path.Combine(folder, "units/commune-groups.yaml");
        var text = File.ReadAllText(groups);
        File.WriteAllText(groups, text[..text.IndexOf("  - code: nhom-3", StringComparison.Ordinal)]);

        var (code, output) = Check(folder);

        Assert.Equal(1, code);
        Assert.Contains("criteria/commune-ntm-2026-2030.yaml:1:1: Bộ tiêu chí 'commune-ntm-2026-2030' đặt ngưỡng theo nhóm nhom-3 mà tệp nhóm xã không có.", output);
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
