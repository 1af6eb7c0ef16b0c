using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Gongkai.Platform.Documents;

/// <summary>
/// Writes a <see cref="PrintedDocument"/> as an A4 PDF with the Chinese font embedded (Unicode encoding, so the text
/// can be searched and copied). Chinese has no spaces to break at, so lines are broken by measured width, character
/// by character, keeping closing punctuation off the start of a line (避头点).
/// </summary>
public sealed class PdfWriter(DocumentFonts fonts)
{
    private const double Margin = 72;
    private const double BodySize = 14;
    private const double TitleSize = 20;
    private const string NoLineStart = "，。、；：？！）》」』”’%";

    public byte[] Write(PrintedDocument document)
    {
        fonts.EnsureInstalled();
        using var pdf = new PdfDocument();
        var tags = PdfStructure.For(pdf, document.Title);
        pdf.Info.Creator = "Gongkai";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var body = new XFont(DocumentFonts.Family, BodySize, XFontStyleEx.Regular, options);
        var title = new XFont(DocumentFonts.Family, TitleSize, XFontStyleEx.Regular, options);
        var small = new XFont(DocumentFonts.Family, 11, XFontStyleEx.Regular, options);

        var page = new PdfPageCursor(pdf, Margin);
        tags.Follow(page);
        using (tags.Element(PdfBlockLevelElementTag.Heading1))
        {
            page.Line(document.Title, title, XStringFormats.TopCenter, TitleSize * 1.8);
        }

        if (document.Reference is { Length: > 0 } reference)
        {
            using (tags.Element(PdfBlockLevelElementTag.Paragraph))
            {
                page.Line(reference, small, XStringFormats.TopCenter, 11 * 2.2);
            }
        }

        page.Skip(BodySize);
        foreach (var paragraph in document.Paragraphs)
        {
            var lineHeight = BodySize * 1.75;
            using var element = paragraph.Style == ParagraphStyle.Blank ? tags.Artifact() : tags.Element(paragraph.Style == ParagraphStyle.Heading ? PdfBlockLevelElementTag.Heading2 : PdfBlockLevelElementTag.Paragraph);
            switch (paragraph.Style)
            {
                case ParagraphStyle.Blank:
                    page.Skip(lineHeight * 0.6);
                    break;
                case ParagraphStyle.Right:
                    foreach (var line in Wrap(page.Graphics, paragraph.Text, body, page.Width, 0))
                    {
                        page.Line(line, body, XStringFormats.TopRight, lineHeight);
                    }

                    break;
                case ParagraphStyle.Heading:
                    foreach (var line in Wrap(page.Graphics, paragraph.Text, body, page.Width, 0))
                    {
                        page.Line(line, body, XStringFormats.TopCenter, lineHeight);
                    }

                    break;
                default:
                    var indent = paragraph.Style == ParagraphStyle.Body ? BodySize * 2 : 0;
                    var first = true;
                    foreach (var line in Wrap(page.Graphics, paragraph.Text, body, page.Width, indent))
                    {
                        page.Line(line, body, XStringFormats.TopLeft, lineHeight, first ? indent : 0);
                        first = false;
                    }

                    break;
            }
        }

        page.Dispose();
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    internal static IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font, double width, double firstIndent)
    {
        var start = 0;
        var available = width - firstIndent;
        while (start < text.Length)
        {
            var end = start + 1;
            while (end < text.Length && graphics.MeasureString(text[start..(end + 1)], font).Width <= available)
            {
                end++;
            }

            if (end < text.Length && NoLineStart.Contains(text[end]) && end - start > 1)
            {
                end--;
            }

            yield return text[start..end];
            start = end;
            available = width;
        }
    }
}
