using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Reports.Annual;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Legacy;

/// <summary>An imported table: the figures by row key and the checks (failures are warnings: the figures are as published).</summary>
public sealed record ImportedFigures(IReadOnlyDictionary<string, decimal> Values, IReadOnlyList<RuleResult> Checks)
{
    public IEnumerable<RuleResult> Warnings => Checks.Where(c => c.Outcome == RuleOutcome.Failed);
}

/// <summary>
/// Import of a published pre-2019 report's figures from the Excel template the app offers (<see cref="Template"/>):
/// column A the row label as printed, column B the figure. Unknown labels, negative or non-integer counts are refused
/// with the row named; the sums of the table (L1 收到申请数, L2 回应关注, L3 申请答复数) and the “其中” rows (L4) are
/// checked and a mismatch is kept as a warning with the numbers, since published figures are history.
/// </summary>
public sealed class ImportReport(GongkaiDb db, AuditLog audit, TimeProvider clock)
{
    public static byte[] Template()
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            Row Line(uint index, params string[] texts)
            {
                var row = new Row { RowIndex = index };
                for (var i = 0; i < texts.Length; i++)
                {
                    row.Append(new Cell { CellReference = ReportXlsx.Reference((int)index - 1, i), DataType = CellValues.InlineString, InlineString = new InlineString(new Text(texts[i])) });
                }

                return row;
            }

            data.Append(Line(1, "项目", "数量", "单位", "栏目"));
            uint n = 2;
            foreach (var r in Pre2019Format.Rows)
            {
                data.Append(Line(n++, r.Label, "", r.Unit, r.Block));
            }

            part.Worksheet = new Worksheet(data);
            book.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = 1, Name = "统计表" });
            book.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Reads the filled template; refuses the file with the first bad row named.</summary>
    public static ImportedFigures Parse(byte[] file)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(new MemoryStream(file), false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new ValidationFailure("文件不是有效的Excel（.xlsx）文件，请使用系统提供的模板。", "file");
        }

        using (doc)
        {
            var book = doc.WorkbookPart ?? throw new ValidationFailure("Excel文件中没有工作表。", "file");
            var sheet = book.Workbook.Descendants<Sheet>().FirstOrDefault() ?? throw new ValidationFailure("Excel文件中没有工作表。", "file");
            var strings = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
                : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "";
            var values = new Dictionary<string, decimal>();
            foreach (var row in ((WorksheetPart)book.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().ToDictionary(c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]), Text);
                var label = cells.GetValueOrDefault("A", "").Trim();
                var raw = cells.GetValueOrDefault("B", "").Trim().Replace(",", "", StringComparison.Ordinal);
                if (row.RowIndex?.Value == 1 || (label.Length == 0 && raw.Length == 0))
                {
                    continue;
                }

                var line = row.RowIndex?.Value ?? 0;
                var known = Pre2019Format.Find(label) ?? throw new ValidationFailure($"第{line}行的项目“{label}”不是统计表中的项目，请使用系统提供的模板，不要修改项目名称。", "file");
                if (raw.Length == 0)
                {
                    continue;
                }

                if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
                {
                    throw new ValidationFailure($"第{line}行“{label}”的数量“{raw}”不是数字。", "file");
                }

                if (value < 0)
                {
                    throw new ValidationFailure($"第{line}行“{label}”的数量{raw}为负数，数量不能为负。", "file");
                }

                if (!known.Decimal && value != decimal.Truncate(value))
                {
                    throw new ValidationFailure($"第{line}行“{label}”的数量{raw}不是整数（单位：{known.Unit}）。", "file");
                }

                if (!values.TryAdd(known.Key, value))
                {
                    throw new ValidationFailure($"第{line}行的项目“{label}”重复填写。", "file");
                }
            }

            if (values.Count == 0)
            {
                throw new ValidationFailure("模板中没有填写任何数量。", "file");
            }

            return new ImportedFigures(values, Check(values));
        }
    }

    public static IReadOnlyList<RuleResult> Check(IReadOnlyDictionary<string, decimal> v)
    {
        string L(string key) => Pre2019Format.Rows.Single(r => r.Key == key).Label;
        string N(decimal d) => ReportLayout.Number(d);
        var results = new List<RuleResult>();
        foreach (var (rule, total, parts) in Pre2019Format.Sums)
        {
            var present = parts.Where(v.ContainsKey).ToList();
            if (!v.TryGetValue(total, out var t) || present.Count == 0)
            {
                results.Add(new(rule, false, RuleOutcome.NotApplicable, $"{L(total)}或其分项未填写", []));
                continue;
            }

            var sum = present.Sum(p => v[p]);
            results.Add(sum == t
                ? new(rule, false, RuleOutcome.Passed, $"{L(total)}{N(t)}等于各分项之和", [total])
                : new(rule, false, RuleOutcome.Failed, $"{L(total)}为{N(t)}，而{string.Join("＋", present.Select(p => $"{L(p)}{N(v[p])}"))}＝{N(sum)}", [total, .. present]));
        }

        foreach (var (rule, whole, part) in Pre2019Format.Parts)
        {
            if (v.TryGetValue(whole, out var w) && v.TryGetValue(part, out var p) && p > w)
            {
                results.Add(new(rule, false, RuleOutcome.Failed, $"{L(part)}{N(p)}大于{L(whole)}{N(w)}", [whole, part]));
            }
        }

        return results;
    }

    /// <summary>Stores the imported figures as the organ's published report of that year (an earlier import is replaced).</summary>
    public async Task<(AnnualReport Report, ImportedFigures Figures)> HandleAsync(string organCode, int year, byte[] file, CancellationToken ct = default)
    {
        var organ = await db.Organs.FirstOrDefaultAsync(o => o.Code == organCode, ct)
            ?? throw new ValidationFailure($"机关代码“{organCode}”不存在，请核对组织机构中的机关代码。", "organ");
        if (year < 2008 || year > 2018)
        {
            throw new ValidationFailure($"2019年以前的统计表只适用于2008—2018年度，不能导入{year}年度。", "year");
        }

        var figures = Parse(file);
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.OrganId == organ.Id && r.Year == year, ct);
        if (report is null)
        {
            report = new AnnualReport { OrganId = organ.Id, Year = year, CreatedAt = clock.GetUtcNow() };
            db.AnnualReports.Add(report);
        }

        report.FormatId = Pre2019Format.Id;
        report.Status = ReportStatus.Published;
        report.PublishedFigures = JsonSerializer.Serialize(figures.Values);
        report.UpdatedAt = clock.GetUtcNow();
        var warnings = figures.Warnings.ToList();
        audit.Record(ReportAuditActions.Imported, "AnnualReport", report.Id.ToString(),
            $"导入{year}年度统计表{figures.Values.Count}项{(warnings.Count == 0 ? "" : $"，{warnings.Count}处不一致：" + string.Join("；", warnings.Select(w => w.Message)))}", organ.Id);
        await db.SaveChangesAsync(ct);
        return (report, figures);
    }
}
