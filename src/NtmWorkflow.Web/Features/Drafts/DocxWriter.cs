using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NtmWorkflow.Web.Features.Drafts;

/// <summary>
/// Writes a composed <see cref="DraftDocument"/> as DOCX: A4 with the format's margins and font, the Decree 30
/// header and footer as borderless two-column tables, criteria as a bordered table, provisional wording highlighted.
/// The only class that touches OpenXML.
/// </summary>
public static class DocxWriter
{
    private const int A4WidthTwips = 11906;
    private const int A4HeightTwips = 16838;

    public static byte[] Write(DraftDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(document);
            var format = document.Format;
            var width = A4WidthTwips - Twips(format.Margins.Left) - Twips(format.Margins.Right);
            var body = new Body();
            body.Append(Header(document, width));
            foreach (var part in document.Content)
            {
                body.Append(part switch
                {
                    DraftLine line => Line(line),
                    DraftTable table => Table(table, width),
                    _ => throw new ArgumentOutOfRangeException(nameof(document), part, "Unknown part of a draft."),
                });
            }
            body.Append(Footer(document, width));
            body.Append(new SectionProperties(
                new PageSize { Width = A4WidthTwips, Height = A4HeightTwips },
                new PageMargin
                {
                    Top = Twips(format.Margins.Top),
                    Bottom = Twips(format.Margins.Bottom),
                    Left = (uint)Twips(format.Margins.Left),
                    Right = (uint)Twips(format.Margins.Right),
                    Header = 720,
                    Footer = 720,
                    Gutter = 0,
                }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static int Twips(int millimetres) => (int)Math.Round(millimetres * 1440 / 25.4);

    private static Styles Styles(DraftDocument document) => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = document.Format.Font, HighAnsi = document.Format.Font, ComplexScript = document.Format.Font, EastAsia = document.Format.Font },
            new FontSize { Val = HalfPoints(document.Format.FontSize) },
            new FontSizeComplexScript { Val = HalfPoints(document.Format.FontSize) },
            new Languages { Val = "vi-VN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));

    private static string HalfPoints(int points) => (points * 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>Issuing body and number at the left; national name, motto and the place and date at the right.</summary>
    private static Table Header(DraftDocument document, int width)
    {
        var format = document.Format;
        var left = document.Issuer.Select(line => Centred(line, bold: true, size: format.SmallFontSize)).ToList();
        left.Add(Centred(document.NumberLine, size: format.SmallFontSize, before: 120));
        var right = new List<Paragraph>
        {
            Centred(format.NationalName, bold: true, size: format.SmallFontSize),
            Centred(format.Motto, bold: true),
            Centred(document.DateLine, italic: true, before: 120),
        };
        return TwoColumns(width, width * 2 / 5, left, right);
    }

    /// <summary>"Nơi nhận:" and the recipients at the left; the signature block and the signer at the right.</summary>
    private static Table Footer(DraftDocument document, int width)
    {
        var left = new List<Paragraph> { Paragraph(document.Format.RecipientsHeading, JustificationValues.Left, bold: true, italic: true, size: 12) };
        left.AddRange(document.Recipients.Select(r => Paragraph("- " + r, JustificationValues.Left, size: 11)));
        var right = document.Signature.Select(line => Centred(line, bold: true)).ToList();
        right.AddRange(Enumerable.Range(0, 4).Select(_ => Centred("")));
        if (document.SignerName is { } signer)
        {
            right.Add(Centred(signer, bold: true));
        }
        return TwoColumns(width, width / 2, left, right, before: 240);
    }

    private static Table TwoColumns(int width, int leftWidth, IEnumerable<Paragraph> left, IEnumerable<Paragraph> right, int before = 0)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        table.Append(new TableGrid(new GridColumn { Width = leftWidth.ToString(CultureInfo.InvariantCulture) },
            new GridColumn { Width = (width - leftWidth).ToString(CultureInfo.InvariantCulture) }));
        var row = new TableRow(Cell(leftWidth, left), Cell(width - leftWidth, right));
        if (before > 0)
        {
            row.PrependChild(new TableRowProperties(new TableRowHeight { Val = (uint)before, HeightType = HeightRuleValues.AtLeast }));
        }
        table.Append(row);
        return table;
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        var any = false;
        foreach (var paragraph in paragraphs)
        {
            cell.Append(paragraph);
            any = true;
        }
        if (!any)
        {
            cell.Append(new Paragraph());
        }
        return cell;
    }

    private static Table Table(DraftTable source, int width)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var widths = ColumnWidths(source.Headers.Count, width);
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(new TableRow([new TableRowProperties(new TableHeader()),
            .. source.Headers.Select((h, i) => Cell(widths[i], [Centred(h, bold: true, size: 13)]))]));
        foreach (var row in source.Rows)
        {
            table.Append(new TableRow([new TableRowProperties(new CantSplit()), .. row.Select((text, i) =>
                Cell(widths[i], [i == 1 ? Paragraph(text, JustificationValues.Left, size: 13) : Centred(text, size: 13)]))]));
        }
        return table;
    }

    /// <summary>A narrow number column, the criterion's name wide, the verdict columns in between.</summary>
    private static int[] ColumnWidths(int columns, int width)
    {
        var number = width / 12;
        var verdict = width / 5;
        var name = width - number - verdict * (columns - 2);
        return [number, name, .. Enumerable.Repeat(verdict, columns - 2)];
    }

    private static Paragraph Line(DraftLine line) => line.Style switch
    {
        DraftLineStyle.Title => Centred(line.Text, bold: true, before: 360, highlight: line.Provisional),
        DraftLineStyle.Subject => Centred(line.Text, bold: true, highlight: line.Provisional),
        DraftLineStyle.Addressee => Centred(line.Text, before: 240, highlight: line.Provisional),
        DraftLineStyle.Heading => Centred(line.Text, bold: true, before: 240, highlight: line.Provisional),
        DraftLineStyle.Basis => Paragraph(line.Text, JustificationValues.Both, italic: true, indent: true, highlight: line.Provisional, before: 120),
        DraftLineStyle.Section => Paragraph(line.Text, JustificationValues.Left, bold: true, highlight: line.Provisional, before: 120),
        _ => Paragraph(line.Text, JustificationValues.Both, indent: true, highlight: line.Provisional, before: 120),
    };

    private static Paragraph Centred(string text, bool bold = false, bool italic = false, int? size = null, int before = 0, bool highlight = false) =>
        Paragraph(text, JustificationValues.Center, bold, italic, size, before: before, highlight: highlight);

    private static Paragraph Paragraph(
        string text, JustificationValues justification, bool bold = false, bool italic = false, int? size = null, bool indent = false,
        bool highlight = false, int before = 0)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "0" },
            new Justification { Val = justification });
        if (indent)
        {
            properties.Append(new Indentation { FirstLine = "720" });
        }
        var run = new RunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }
        if (italic)
        {
            run.Append(new Italic());
        }
        if (highlight)
        {
            run.Append(new Highlight { Val = HighlightColorValues.Yellow });
        }
        if (size is { } points)
        {
            run.Append(new FontSize { Val = HalfPoints(points) }, new FontSizeComplexScript { Val = HalfPoints(points) });
        }
        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
