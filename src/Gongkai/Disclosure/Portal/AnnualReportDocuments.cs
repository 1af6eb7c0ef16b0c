using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Disclosure.Catalogue;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Portal;

/// <summary>
/// 政府信息公开工作年度报告 as the public finds them: every published 主动公开 document of 信息类别 年度报告 — what the annual
/// report module publishes (its tables as the body, the PDF and the Excel file as attachments, served by the public
/// attachment route) and reports published by hand. The report's year is the one its title names
/// (“…2025年政府信息公开工作年度报告”); without one, the year before its 成文日期 in the first quarter, else that year.
/// </summary>
public sealed partial class AnnualReportDocuments(GongkaiDb db)
{
    public sealed record Report(Guid DocumentId, Guid OrganId, int Year, string Title, DateTimeOffset PublishedAt, Validity Validity, Attachment? Pdf, Attachment? Spreadsheet)
    {
        public string Url => DocumentSearch.Url(DocumentId);
    }

    public sealed record Attachment(Guid Id, string FileName, long Size, string Url);

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年度?\s*(?:政府信息公开|政务公开)")]
    private static partial Regex YearInTitle();

    public static int YearOf(string title, DateOnly writtenOn) =>
        YearInTitle().Match(title) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
        : writtenOn.Month <= 3 ? writtenOn.Year - 1 : writtenOn.Year;

    /// <summary>Every published report, optionally of one organ; newest year first, then in the organs' order.</summary>
    public async Task<IReadOnlyList<Report>> AllAsync(Guid? organId = null, CancellationToken ct = default)
    {
        var query = DocumentCatalogue.Public(db).Where(d => d.InformationType == InformationType.AnnualReport);
        if (organId is { } organ)
        {
            query = query.Where(d => d.OrganId == organ);
        }

        var docs = await query.Select(d => new { d.Id, d.OrganId, d.Title, d.WrittenOn, d.PublishedAt, d.Validity }).ToListAsync(ct);
        var ids = docs.Select(d => d.Id).ToList();
        var files = ids.Count == 0 ? [] : await db.DocumentAttachments.AsNoTracking().Where(a => ids.Contains(a.DocumentId))
            .OrderBy(a => a.SortOrder).Select(a => new { a.Id, a.DocumentId, a.FileName, a.ContentType, a.Size }).ToListAsync(ct);
        Attachment? First(Guid doc, Func<string, bool> kind) => files.Where(f => f.DocumentId == doc && kind(f.ContentType))
            .Select(f => new Attachment(f.Id, f.FileName, f.Size, $"/documents/{doc}/attachments/{f.Id}")).FirstOrDefault();
        return docs
            .Select(d => new Report(d.Id, d.OrganId, YearOf(d.Title, d.WrittenOn), d.Title, d.PublishedAt!.Value, d.Validity,
                First(d.Id, t => t == "application/pdf"), First(d.Id, t => t.Contains("spreadsheet", StringComparison.Ordinal) || t == "application/vnd.ms-excel")))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.PublishedAt)
            .ToList();
    }
}
