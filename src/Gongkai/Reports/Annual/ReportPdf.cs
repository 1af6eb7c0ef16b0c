using Gongkai.Platform.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Gongkai.Reports.Annual;

/// <summary>
/// The report as an A4 PDF with the Chinese font embedded (the platform's <see cref="DocumentFonts"/>, Unicode encoding
/// so text can be searched and copied): title, the six sections, tables 二, 三, 四 drawn in the national layout with
/// their spanning header and row-label cells. A table never breaks across pages.
/// </summary>
public sealed class ReportPdf(DocumentFonts fonts)
{
    private const double Margin = 50;
    private const double CellFont = 8;
    private const double CellLine = 10.5;
    private const double Padding = 3;

    public byte[] Write(AnnualReportView v)
    {
        fonts.EnsureInstalled();
        using var pdf = new PdfDocument();
        var tags = PdfStructure.For(pdf, ReportDocument.Title(v));
        pdf.Info.Creator = "Gongkai";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(DocumentFonts.Family, 16, XFontStyleEx.Regular, options);
        var heading = new XFont(DocumentFonts.Family, 12, XFontStyleEx.Regular, options);
        var body = new XFont(DocumentFonts.Family, 10.5, XFontStyleEx.Regular, options);
        var cell = new XFont(DocumentFonts.Family, CellFont, XFontStyleEx.Regular, options);
        var page = new PdfPageCursor(pdf, Margin);
        tags.Follow(page);

        void Text(string text, XFont font, double lineHeight, double indent, XStringFormat format, PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
        {
            using var element = tags.Element(tag);
            var first = true;
            foreach (var line in PdfWriter.Wrap(page.Graphics, text, font, page.Width, indent))
            {
                page.Line(line, font, format, lineHeight, first ? indent : 0);
                first = false;
            }
        }

        void Paragraphs(string text)
        {
            foreach (var p in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Text(p, body, 18, 21, XStringFormats.TopLeft);
            }
        }

        Text(ReportDocument.Title(v), title, 28, 0, XStringFormats.TopCenter, PdfBlockLevelElementTag.Heading1);
        var s = v.Format.Sections;
        Text(s[0], heading, 22, 0, XStringFormats.TopLeft, PdfBlockLevelElementTag.Heading2);
        Paragraphs(ReportDocument.Overview(v));
        Text(s[1], heading, 22, 0, XStringFormats.TopLeft, PdfBlockLevelElementTag.Heading2);
        foreach (var g in v.Format.Table2)
        {
            Table(page, tags, ReportMatrix.Of(g, v.Figures), cell);
        }

        Text(s[2], heading, 22, 0, XStringFormats.TopLeft, PdfBlockLevelElementTag.Heading2);
        Table(page, tags, ReportMatrix.Of(v.Format.Table3, v.Figures), cell);
        Text(s[3], heading, 22, 0, XStringFormats.TopLeft, PdfBlockLevelElementTag.Heading2);
        Table(page, tags, ReportMatrix.Of(v.Format.Table4, v.Figures), cell);
        Text(s[4], heading, 22, 0, XStringFormats.TopLeft, PdfBlockLevelElementTag.Heading2);
        Paragraphs(ReportDocument.Problems(v));
        Text(s[5], heading, 22, 0, XStringFormats.TopLeft, PdfBlockLevelElementTag.Heading2);
        Paragraphs(ReportDocument.OtherMatters(v));
        page.Dispose();
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Label columns get fixed shares of the width by depth; value columns share the rest.</summary>
    private static double[] Widths(ReportMatrix m, double width)
    {
        double[] labels = m.LabelColumns switch
        {
            0 => [],
            1 => [110],
            2 => [60, 150],
            _ => [34, 62, 160],
        };
        var rest = (width - labels.Sum()) / (m.Columns - m.LabelColumns);
        return [.. labels, .. Enumerable.Repeat(rest, m.Columns - m.LabelColumns)];
    }

    private static void Table(PdfPageCursor page, PdfStructure tags, ReportMatrix m, XFont font)
    {
        var widths = Widths(m, page.Width);
        double SpanWidth(PlacedCell c) => widths.Skip(c.Column).Take(c.ColSpan).Sum();
        List<string> Lines(PlacedCell c) => [.. PdfWriter.Wrap(page.Graphics, c.Text.Length == 0 ? " " : c.Text, font, SpanWidth(c) - 2 * Padding, 0)];

        // Row heights from the cells spanning one row; a spanning cell that needs more grows its last row.
        var heights = Enumerable.Repeat(CellLine + 2 * Padding, m.Rows).ToArray();
        foreach (var c in m.Cells.Where(c => c.RowSpan == 1))
        {
            heights[c.Row] = Math.Max(heights[c.Row], Lines(c).Count * CellLine + 2 * Padding);
        }

        foreach (var c in m.Cells.Where(c => c.RowSpan > 1))
        {
            var need = Lines(c).Count * CellLine + 2 * Padding;
            var have = heights.Skip(c.Row).Take(c.RowSpan).Sum();
            if (need > have)
            {
                heights[c.Row + c.RowSpan - 1] += need - have;
            }
        }

        var caption = m.Grid.Heading;
        var total = heights.Sum() + (caption is null ? 0 : 16) + 8;
        page.Ensure(total);
        if (caption is not null)
        {
            using var captionTag = tags.Element(PdfBlockLevelElementTag.Paragraph);
            page.Graphics.DrawString(caption, font, XBrushes.Black, new XRect(Margin, page.Y, page.Width, 14), XStringFormats.TopLeft);
            page.Y += 16;
        }

        var top = page.Y;
        var pen = new XPen(XColors.Black, 0.5);
        XRect Box(PlacedCell c) => new(Margin + widths.Take(c.Column).Sum(), top + heights.Take(c.Row).Sum(), SpanWidth(c),
            heights.Skip(c.Row).Take(c.RowSpan).Sum());
        using (tags.Artifact())
        {
            foreach (var c in m.Cells)
            {
                page.Graphics.DrawRectangle(pen, Box(c));
            }
        }

        // The structure: a table of rows, header cells (the column heads and row labels) and data cells with their spans.
        using var table = tags.Element(PdfBlockLevelElementTag.Table);
        for (var r = 0; r < m.Rows; r++)
        {
            using var row = tags.Element(PdfBlockLevelElementTag.TableRow);
            foreach (var c in m.Cells.Where(c => c.Row == r).OrderBy(c => c.Column))
            {
                using var cellTag = tags.Cell(c.Header, c.RowSpan, c.ColSpan);
                var box = Box(c);
                var lines = Lines(c);
                var ty = box.Y + (box.Height - lines.Count * CellLine) / 2;
                var format = c.Header ? (c.Column < m.LabelColumns && c.Row >= m.HeaderRows ? XStringFormats.TopLeft : XStringFormats.TopCenter) : XStringFormats.TopCenter;
                foreach (var line in lines)
                {
                    page.Graphics.DrawString(line, font, XBrushes.Black, new XRect(box.X + Padding, ty, box.Width - 2 * Padding, CellLine), format);
                    ty += CellLine;
                }
            }
        }

        page.Y = top + heights.Sum() + 8;
    }
}
