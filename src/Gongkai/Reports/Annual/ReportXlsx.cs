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

    public static byte[] Write(AnnualReportView v)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheets = book.Workbook.AppendChild(new Sheets());
            uint id = 1;
            void Sheet(string name, IEnumerable<ReportMatrix> blocks, string? title)
            {
                var part = book.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var merges = new MergeCells();
                var rows = new SortedDictionary<int, SortedDictionary<int, Cell>>();
                void Put(int r, int c, string text, bool number)
                {
                    var cell = new Cell { CellReference = Reference(r, c) };
                    if (number && text.Length > 0)
                    {
                        cell.DataType = CellValues.Number;
                        cell.CellValue = new CellValue(text);
                    }
                    else
                    {
                        cell.DataType = CellValues.InlineString;
                        cell.InlineString = new InlineString(new Text(text));
                    }

                    if (!rows.TryGetValue(r, out var row))
                    {
                        rows[r] = row = [];
                    }

                    row[c] = cell;
                }

                var offset = 0;
                if (title is not null)
                {
                    Put(0, 0, title, false);
                    offset = 2;
                }

                foreach (var m in blocks)
                {
                    if (m.Grid.Heading is { } heading)
                    {
                        Put(offset, 0, heading, false);
                        offset++;
                    }

                    foreach (var c in m.Cells)
                    {
                        Put(offset + c.Row, c.Column, c.Text, !c.Header);
                        if (c.RowSpan > 1 || c.ColSpan > 1)
                        {
                            merges.Append(new MergeCell { Reference = $"{Reference(offset + c.Row, c.Column)}:{Reference(offset + c.Row + c.RowSpan - 1, c.Column + c.ColSpan - 1)}" });
                        }
                    }

                    offset += m.Rows + 1;
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

            Sheet("表二", v.Format.Table2.Select(g => ReportMatrix.Of(g, v.Figures)), ReportDocument.Title(v));
            Sheet("表三", [ReportMatrix.Of(v.Format.Table3, v.Figures)], null);
            Sheet("表四", [ReportMatrix.Of(v.Format.Table4, v.Figures)], null);
            book.Workbook.Save();
        }

        return stream.ToArray();
    }
}
