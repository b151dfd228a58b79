using NtmWorkflow.Engine.Drafts;

namespace NtmWorkflow.Web.Features.Drafts;

/// <summary>
/// A paper composed and ready to write: the header of Decree 30/2020/NĐ-CP (issuing body and number at the left,
/// national name, motto and date at the right), the content in order, the recipients and the signature block.
/// </summary>
/// <param name="SignerName">Printed under the signature block once the signer is recorded.</param>
/// <param name="FileStem">The download's name without extension, Vietnamese letters kept.</param>
public sealed record DraftDocument(
    DraftFormat Format,
    IReadOnlyList<string> Issuer,
    string NumberLine,
    string DateLine,
    IReadOnlyList<DraftPart> Content,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Signature,
    string? SignerName,
    string FileStem);

public abstract record DraftPart;

public enum DraftLineStyle
{
    /// <summary>The kind of paper ("QUYẾT ĐỊNH"): bold, centred.</summary>
    Title,

    /// <summary>Its subject ("Về việc …"): bold, centred.</summary>
    Subject,

    /// <summary>"Kính gửi: …": centred.</summary>
    Addressee,

    /// <summary>The authority a decision speaks with, and headings such as "QUYẾT ĐỊNH:": bold, centred.</summary>
    Heading,

    /// <summary>A legal basis: italic, justified.</summary>
    Basis,

    /// <summary>A body paragraph: justified, first line indented.</summary>
    Paragraph,

    /// <summary>A section title: bold, at the left.</summary>
    Section,
}

/// <param name="Provisional">Wording not yet confirmed against its legal text: highlighted for the official to check.</param>
public sealed record DraftLine(string Text, DraftLineStyle Style, bool Provisional = false) : DraftPart;

public sealed record DraftTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : DraftPart;
