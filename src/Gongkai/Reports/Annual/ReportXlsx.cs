using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Reports.Annual;

/// <summary>
/// The report's tables as an Excel workbook: sheets 表二, 表三, 表四 in the national layout (merged header and row-label
/// cells), figures as numbers. Written with the OpenXML SDK the platform already uses for DOCX.
/// </summary>
public static class ReportXlsx
{
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    public static string Reference(int row, int column) => ColumnName(column) + (row + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A cell of the workbook: its sheet, row and column (0-based) and the placed cell of the national layout.</summary>
    public sealed record SheetCell(string Sheet, int Row, int Column, PlacedCell Cell);

    /// <summary>The sheets and where each cell of the layout goes (the title, block headings, the tables' cells).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<SheetCell> Cells)> Sheets(ReportFormat format, ReportFigures figures, string title)
    {
        static IReadOnlyList<SheetCell> Place(string name, IEnumerable<ReportMatrix> blocks, string? title)
        {
            var cells = new List<SheetCell>();
            var offset = 0;
            if (title is not null)
            {
                cells.Add(new(name, 0, 0, new PlacedCell(0, 0, 1, 1, title, null, true)));
                offset = 2;
            }

            foreach (var m in blocks)
            {
                if (m.Grid.Heading is { } heading)
                {
                    cells.Add(new(name, offset, 0, new PlacedCell(offset, 0, 1, 1, heading, null, true)));
                    offset++;
                }

                cells.AddRange(m.Cells.Select(c => new SheetCell(name, offset + c.Row, c.Column, c)));
                offset += m.Rows + 1;
            }

            return cells;
        }

        return
        [
            ("表二", Place("表二", format.Table2.Select(g => ReportMatrix.Of(g, figures)), title)),
            ("表三", Place("表三", [ReportMatrix.Of(format.Table3, figures)], null)),
            ("表四", Place("表四", [ReportMatrix.Of(format.Table4, figures)], null)),
        ];
    }

    public static byte[] Write(AnnualReportView v) => Write(v.Format, v.Figures, ReportDocument.Title(v));

    /// <summary>The workbook of a format's tables with the given figures (empty figures: the import template).</summary>
    public static byte[] Write(ReportFormat format, ReportFigures figures, string title)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheets = book.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, placed) in Sheets(format, figures, title))
            {
                var part = book.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var merges = new MergeCells();
                var rows = new SortedDictionary<int, SortedDictionary<int, Cell>>();
                foreach (var (_, r, c, p) in placed)
                {
                    var cell = new Cell { CellReference = Reference(r, c) };
                    if (!p.Header && p.Text.Length > 0)
                    {
                        cell.DataType = CellValues.Number;
                        cell.CellValue = new CellValue(p.Text);
                    }
                    else
                    {
                        cell.DataType = CellValues.InlineString;
                        cell.InlineString = new InlineString(new Text(p.Text));
                    }

                    if (!rows.TryGetValue(r, out var row))
                    {
                        rows[r] = row = [];
                    }

                    row[c] = cell;
                    if (p.RowSpan > 1 || p.ColSpan > 1)
                    {
                        merges.Append(new MergeCell { Reference = $"{Reference(r, c)}:{Reference(r + p.RowSpan - 1, c + p.ColSpan - 1)}" });
                    }
                }

                foreach (var (r, cells) in rows)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    row.Append(cells.Values);
                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                if (merges.HasChildren)
                {
                    part.Worksheet.Append(merges);
                }

                sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            book.Workbook.Save();
        }

        return stream.ToArray();
    }
}
