using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Plans.Ledger;

/// <summary>The ledger as the spreadsheet offices keep: 序号, 任务, 牵头单位, 责任单位, 完成时限, 进展, 状态.</summary>
public static class PlanExport
{
    public static readonly string[] Headers = ["序号", "任务", "牵头单位", "责任单位", "完成时限", "进展", "状态"];

    public static byte[] Write(string title, IReadOnlyList<LedgerRow> rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(
                new Columns(
                    new Column { Min = 1, Max = 1, Width = 8, CustomWidth = true },
                    new Column { Min = 2, Max = 2, Width = 60, CustomWidth = true },
                    new Column { Min = 3, Max = 4, Width = 24, CustomWidth = true },
                    new Column { Min = 5, Max = 5, Width = 18, CustomWidth = true },
                    new Column { Min = 6, Max = 6, Width = 40, CustomWidth = true },
                    new Column { Min = 7, Max = 7, Width = 14, CustomWidth = true }),
                data);
            data.Append(Row(1, Headers));
            var r = 2u;
            foreach (var row in rows)
            {
                var t = row.Task;
                data.Append(Row(r++, [
                    t.Number,
                    t.Text,
                    t.LeadUnits,
                    t.ResponsibleUnits,
                    PlanLedger.DeadlineName(t),
                    row.LatestProgress is null ? "" : $"{row.LatestProgress}（{t.Percent}%）",
                    row.Standing == TaskStanding.Overdue ? "已逾期" : PlanLedger.StatusName(t.Status),
                ]));
            }

            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(title) });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<string> values)
    {
        var row = new Row { RowIndex = index };
        var col = 0;
        foreach (var v in values)
        {
            row.Append(new Cell
            {
                CellReference = $"{(char)('A' + col++)}{index}",
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(Clean(v)) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        return row;
    }

    // Spreadsheet cells cannot hold control characters.
    private static string Clean(string s) => new(s.Where(c => c >= ' ' || c is '\n' or '\t').ToArray());

    private static string SheetName(string title)
    {
        var name = new string(title.Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':')).ToArray());
        return name.Length == 0 ? "任务台账" : name.Length > 31 ? name[..31] : name;
    }
}
