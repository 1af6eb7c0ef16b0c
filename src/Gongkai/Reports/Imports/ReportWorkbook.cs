using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Platform;
using Gongkai.Reports.Annual;

namespace Gongkai.Reports.Imports;

/// <summary>
/// The Excel import template of a report format and the reading of a filled one. The template is the platform's own
/// Excel layout of the format (<see cref="ReportXlsx"/>: sheets 表二, 表三, 表四, the verbatim labels in merged header and
/// row-label cells) with the figures left empty, so a workbook the platform produced imports too. Reading checks every
/// label cell against the format (a moved or renamed row is refused with the cell named), takes an empty figure cell
/// as 0, and refuses a figure that is not a number with the cell and the row it belongs to.
/// </summary>
public static class ReportWorkbook
{
    public static string TemplateTitle(ReportFormat format) => $"政府信息公开工作年度报告（{format.Name}格式）导入模板";

    public static byte[] Template(ReportFormat format) => ReportXlsx.Write(format, new ReportFigures(new Dictionary<string, decimal>()), TemplateTitle(format));

    public static Dictionary<string, decimal> Read(byte[] file, ReportFormat format)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(new MemoryStream(file), false);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new ValidationFailure("文件不是有效的Excel（.xlsx）文件，请使用系统提供的模板。", "file");
        }

        using (doc)
        {
            var book = doc.WorkbookPart ?? throw new ValidationFailure("Excel文件中没有工作表。", "file");
            var strings = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            string Text(Cell c) => c.DataType?.Value == CellValues.SharedString && int.TryParse(c.CellValue?.Text, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i]
                : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "";
            var cells = new Dictionary<string, decimal>();
            var filled = 0;
            foreach (var (name, placed) in ReportXlsx.Sheets(format, new ReportFigures(new Dictionary<string, decimal>()), TemplateTitle(format)))
            {
                var sheet = book.Workbook.Descendants<Sheet>().FirstOrDefault(s => s.Name?.Value == name)
                    ?? throw new ValidationFailure($"Excel文件中没有工作表“{name}”。请使用{format.Name}格式的导入模板（该年度适用此格式）。", "file");
                var values = ((WorksheetPart)book.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Cell>()
                    .Where(c => c.CellReference?.Value is not null)
                    .GroupBy(c => c.CellReference!.Value!).ToDictionary(g => g.Key, g => Text(g.First()).Trim());
                foreach (var (_, row, column, cell) in placed)
                {
                    var reference = ReportXlsx.Reference(row, column);
                    var text = values.GetValueOrDefault(reference, "");
                    if (cell.Header)
                    {
                        // The title row may carry the organ's own title (a workbook the platform produced).
                        if (!(name == "表二" && row == 0) && cell.Text.Length > 0 && PublishedReportText.Normalise(text) != PublishedReportText.Normalise(cell.Text))
                        {
                            throw new ValidationFailure($"工作表“{name}”的{reference}单元格应为“{cell.Text}”，实为“{text}”。请使用{format.Name}格式的导入模板，不要移动或修改表头和行名。", "file");
                        }

                        continue;
                    }

                    if (text.Length == 0)
                    {
                        cells[cell.CellId!] = 0;
                        continue;
                    }

                    if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        throw new ValidationFailure($"工作表“{name}”的{reference}单元格（{Reconciliation.Describe(cell.CellId!)}）的“{text}”不是数字。", "file");
                    }

                    cells[cell.CellId!] = value;
                    filled++;
                }
            }

            return filled == 0 ? throw new ValidationFailure("模板中没有填写任何数量。", "file") : cells;
        }
    }
}
