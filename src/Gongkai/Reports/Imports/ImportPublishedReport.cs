using System.IO.Compression;
using System.Text.Json;
using Gongkai.Plans.Parsing;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Reports.Annual;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Imports;

/// <summary>What an imported report was read from.</summary>
public enum ImportSource
{
    Excel,
    Pdf,
    Word,
    Text,
}

/// <summary>A published report read and checked: its format, where it came from, its cells, rules R1–R8 (failures are warnings).</summary>
public sealed record PublishedReport(ReportFormat Format, ImportSource Source, IReadOnlyDictionary<string, decimal> Cells, IReadOnlyList<RuleResult> Checks)
{
    public IEnumerable<RuleResult> Warnings => Checks.Where(c => c.Outcome == RuleOutcome.Failed);
}

/// <summary>
/// Import of an organ's report for 2019 or later as published elsewhere (before the organ used the platform): from the
/// Excel template of the year's format (<see cref="ReportWorkbook"/>) or from the published report itself — a PDF with
/// a text layer, a Word .docx or a UTF-8 text file (<see cref="PublishedReportText"/>). The format is the year's
/// (2019 and 2020 the trial format, 2021 on the 2021 format). The figures are stored as the organ's published report of
/// that year (an earlier import of the year is replaced; a report made on the platform is never overwritten), rules
/// R1–R8 run on them as warnings (R6/R7 against the previous year, computed or imported), and the next year's R6/R7
/// compare with them. Audited in the same unit of work.
/// </summary>
public sealed class ImportPublishedReport(GongkaiDb db, AuditLog audit, TimeProvider clock, ComputeAnnualReport compute)
{
    /// <summary>Reads a file of the format: Excel template, PDF, Word or text (told apart by content, not by name).</summary>
    public static (ImportSource Source, Dictionary<string, decimal> Cells) Read(byte[] file, ReportFormat format)
    {
        var source = SourceOf(file);
        if (source == ImportSource.Excel)
        {
            return (source, ReportWorkbook.Read(file, format));
        }

        string text;
        try
        {
            text = PlanDocumentReader.Read(file, keepLayout: true);
        }
        catch (PlanParseException e)
        {
            throw new ValidationFailure(e.Message.Replace("识别任务", "识别表格", StringComparison.Ordinal), "file");
        }

        return (source, PublishedReportText.Read(text, format));
    }

    private static ImportSource SourceOf(byte[] file)
    {
        if (file.AsSpan().StartsWith("%PDF"u8))
        {
            return ImportSource.Pdf;
        }

        if (!file.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return ImportSource.Text;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
            return zip.GetEntry("xl/workbook.xml") is not null ? ImportSource.Excel
                : zip.GetEntry("word/document.xml") is not null ? ImportSource.Word
                : throw new ValidationFailure("文件既不是Excel（.xlsx）也不是Word（.docx）文件。请上传导入模板、年度报告的PDF、Word或文本文件。", "file");
        }
        catch (InvalidDataException)
        {
            throw new ValidationFailure("文件已损坏，无法打开。请上传导入模板、年度报告的PDF、Word或文本文件。", "file");
        }
    }

    public async Task<(AnnualReport Report, PublishedReport Published)> HandleAsync(string organCode, int year, byte[] file, CancellationToken ct = default)
    {
        var organ = await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Code == organCode, ct)
            ?? throw new ValidationFailure($"机关代码“{organCode}”不存在，请核对组织机构中的机关代码。", "organ");
        var thisYear = ChineseDates.Today(clock).Year;
        if (year < ReportFormat.FirstYear || year >= thisYear)
        {
            throw new ValidationFailure(year < ReportFormat.FirstYear
                ? $"{year}年度适用2019年以前的《政府信息公开情况统计表》，请使用该统计表的导入模板。"
                : $"{year}年度的年度报告尚未到公布的时候，只能导入{thisYear - 1}年度及以前已公布的报告。", "year");
        }

        var format = ReportFormat.ForYear(year);
        var (source, cells) = Read(file, format);
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.OrganId == organ.Id && r.Year == year, ct);
        if (report is not null && !ImportedReports.IsImported(report))
        {
            throw new ValidationFailure(
                $"{organ.FullName}{year}年度的年度报告已在平台上编制（{(report.Status switch { ReportStatus.Published => "已发布", ReportStatus.Checked => "已核对", _ => "草稿" })}），不能用导入的报告覆盖。", "year");
        }

        var figures = new ReportFigures(cells);
        var checks = ImportedReports.Check(figures, await compute.PreviousAsync(organ.Id, year, format, ct), format);
        var now = clock.GetUtcNow();
        if (report is null)
        {
            report = new AnnualReport { OrganId = organ.Id, Year = year, CreatedAt = now };
            db.AnnualReports.Add(report);
        }

        report.FormatId = ImportedReports.FormatId(format);
        report.Status = ReportStatus.Published;
        report.PublishedFigures = JsonSerializer.Serialize(cells);
        report.UpdatedAt = now;
        var warnings = checks.Where(c => c.Outcome == RuleOutcome.Failed).ToList();
        audit.Record(ReportAuditActions.Imported, "AnnualReport", report.Id.ToString(),
            $"导入{year}年度已公布的年度报告（{format.Name}格式，{SourceName(source)}）{cells.Count}项" +
            (warnings.Count == 0 ? "，核对一致" : $"，{warnings.Count}处核对未通过：" + string.Join("；", warnings.Select(w => $"{w.Rule} {w.Message}"))), organ.Id);
        await db.SaveChangesAsync(ct);
        return (report, new PublishedReport(format, source, cells, checks));
    }

    public static string SourceName(ImportSource source) => source switch
    {
        ImportSource.Excel => "Excel模板",
        ImportSource.Pdf => "PDF",
        ImportSource.Word => "Word文件",
        _ => "文本文件",
    };
}
