using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Platform.Documents;

/// <summary>
/// Writes a <see cref="PrintedDocument"/> as a Word document (A4, 仿宋 body, 宋体 title), so staff can adjust a letter
/// before printing it on letterhead. Word substitutes a font the reader's machine lacks; the text stays the same.
/// </summary>
public static class DocxWriter
{
    private const string BodyFont = "仿宋";
    private const string TitleFont = "宋体";

    public static byte[] Write(PrintedDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Creator = "Gongkai";
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(document.Title, JustificationValues.Center, TitleFont, 44, false, bold: true));
            if (document.Reference is { Length: > 0 } reference)
            {
                body.Append(Paragraph(reference, JustificationValues.Center, BodyFont, 24, false));
            }

            foreach (var p in document.Paragraphs)
            {
                body.Append(p.Style switch
                {
                    ParagraphStyle.Blank => Paragraph("", JustificationValues.Left, BodyFont, 32, false),
                    ParagraphStyle.Right => Paragraph(p.Text, JustificationValues.Right, BodyFont, 32, false),
                    ParagraphStyle.Heading => Paragraph(p.Text, JustificationValues.Center, BodyFont, 32, false, bold: true),
                    ParagraphStyle.Plain => Paragraph(p.Text, JustificationValues.Left, BodyFont, 32, false),
                    _ => Paragraph(p.Text, JustificationValues.Both, BodyFont, 32, true),
                });
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The text of a DOCX, one paragraph a line (for tests and checks).</summary>
    public static IReadOnlyList<string> ReadParagraphs(Stream docx)
    {
        using var word = WordprocessingDocument.Open(docx, false);
        return word.MainDocumentPart?.Document?.Body?.Elements<Paragraph>().Select(p => p.InnerText).ToList() ?? [];
    }

    private static Paragraph Paragraph(string text, JustificationValues justification, string font, int halfPoints, bool indent, bool bold = false)
    {
        // Child order is fixed by the schema: spacing, then indentation, then justification.
        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        properties.Append(new Justification { Val = justification });

        var runProperties = new RunProperties(new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
