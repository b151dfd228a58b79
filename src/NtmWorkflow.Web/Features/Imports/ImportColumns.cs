namespace NtmWorkflow.Web.Features.Imports;

/// <summary>A column of the import spreadsheet: its key in the stored rows, its Vietnamese header, whether the file must have it.</summary>
public sealed record ImportColumn(string Key, string Header, bool Required, string Example);

/// <summary>The columns of the recognition import file, in the template's order (docs/recognition-import.md).</summary>
public static class ImportColumns
{
    public static readonly ImportColumn UnitCode = new("unitCode", "Mã đơn vị", true, "dong-thap.hong-ngu.tan-hoi");
    public static readonly ImportColumn UnitName = new("unitName", "Tên đơn vị", false, "Xã Tân Hội");
    public static readonly ImportColumn Level = new("level", "Mức công nhận", true, "ntm");
    public static readonly ImportColumn Year = new("year", "Năm", true, "2019");
    public static readonly ImportColumn Period = new("period", "Giai đoạn", false, "2016–2020");
    public static readonly ImportColumn DecisionNumber = new("decisionNumber", "Số quyết định", true, "1234/QĐ-UBND");
    public static readonly ImportColumn DecisionDate = new("decisionDate", "Ngày ký", true, "20/12/2019");
    public static readonly ImportColumn Signer = new("signer", "Người ký", true, "Phó Chủ tịch UBND tỉnh Nguyễn Văn A");
    public static readonly ImportColumn CeremonyDate = new("ceremonyDate", "Ngày lễ công bố", false, "15/01/2020");
    public static readonly ImportColumn CeremonyPlace = new("ceremonyPlace", "Địa điểm lễ công bố", false, "UBND xã Tân Hội");
    public static readonly ImportColumn RevocationNumber = new("revocationNumber", "Số quyết định thu hồi", false, "");
    public static readonly ImportColumn RevocationDate = new("revocationDate", "Ngày thu hồi", false, "");
    public static readonly ImportColumn RevocationSigner = new("revocationSigner", "Người ký thu hồi", false, "");

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        UnitCode, UnitName, Level, Year, Period, DecisionNumber, DecisionDate, Signer, CeremonyDate, CeremonyPlace,
        RevocationNumber, RevocationDate, RevocationSigner,
    ];

    /// <summary>The column a header cell names, whatever its case, spacing or Unicode form; null for none.</summary>
    public static ImportColumn? ByHeader(string header) =>
        All.FirstOrDefault(c => string.Equals(Comparable(c.Header), Comparable(header), StringComparison.Ordinal));

    /// <summary>Text as compared: Unicode composed, lower case, inner runs of spaces as one (diacritics kept: Tân ≠ Tấn).</summary>
    public static string Comparable(string text) =>
        string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
