using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Gongkai.Reports.Annual;
using Gongkai.Requests;
using Gongkai.Requests.Appeals;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Records;

/// <summary>A 行政规范性文件 behind a table 二 figure.</summary>
public sealed record DocumentRecord(Guid Id, Guid OrganId, string? IndexNumber, string Title, string? DocumentNumber, DateOnly WrittenOn, Validity Validity, DateOnly? ValidityChangedOn);

/// <summary>An appeal behind a table 四 figure, with its result as at 31 December.</summary>
public sealed record AppealRecord(Guid Id, Guid OrganId, Guid RequestId, string TrackingNumber, AppealKind Kind, string Body, string? CaseNumber, DateOnly FiledOn,
    AppealResult ResultAtYearEnd, DateOnly? DecidedOn);

/// <summary>
/// “Why is this 5?” for tables 二 and 四: the records a cell counts, with the same conditions as the report
/// (<see cref="ComputeAnnualReport"/>): 行政规范性文件 published, issued in the year by 成文日期, repealed or expired in
/// the year, or valid at 31 December; appeals filed in the year by kind, with their result as at 31 December (decided
/// later: 尚未审结). The figures the organ enters (规章, 许可, 处罚, 强制, 收费) have no records. Table 三 cells use the
/// request statistics' records list.
/// </summary>
public sealed class TableRecords(GongkaiDb db)
{
    public const int PageSize = 500;

    /// <summary>Whether a cell of table 二 or 四 has a records list here.</summary>
    public static bool HasRecords(string cellId)
    {
        var parts = cellId.Split('|');
        return parts.Length == 3 && (
            (parts[0] == NationalFormat2021.Item1.Key && parts[1] == "normative" && parts[2] is "issued" or "repealed" or "valid") ||
            (parts[0] == NationalFormat2021.Table4.Key && parts[1] == "all" && Appeal(parts[2]) is not null));
    }

    public static bool IsDocumentCell(string cellId) => cellId.StartsWith(NationalFormat2021.Item1.Key + "|", StringComparison.Ordinal);

    public IQueryable<GovDocument> Documents(IReadOnlyCollection<Guid> organs, int year, string cellId)
    {
        var column = cellId.Split('|')[^1];
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var normative = db.Documents.AsNoTracking()
            .Where(d => organs.Contains(d.OrganId) && d.InformationType == InformationType.NormativeDocument && d.Status == DocumentStatus.Published);
        return column switch
        {
            "issued" => normative.Where(d => d.WrittenOn >= start && d.WrittenOn <= end),
            "repealed" => normative.Where(d => (d.Validity == Validity.Repealed || d.Validity == Validity.Expired) && d.ValidityChangedOn >= start && d.ValidityChangedOn <= end),
            "valid" => normative.Where(d => d.WrittenOn <= end && !((d.Validity == Validity.Repealed || d.Validity == Validity.Expired) && d.ValidityChangedOn <= end)),
            _ => normative.Where(d => false),
        };
    }

    public async Task<(int Total, List<DocumentRecord> Rows)> DocumentsAsync(IReadOnlyCollection<Guid> organs, int year, string cellId, CancellationToken ct)
    {
        var query = Documents(organs, year, cellId);
        var rows = await query.OrderBy(d => d.WrittenOn).ThenBy(d => d.IndexNumber).Take(PageSize)
            .Select(d => new DocumentRecord(d.Id, d.OrganId, d.IndexNumber, d.Title, d.DocumentNumber, d.WrittenOn, d.Validity, d.ValidityChangedOn)).ToListAsync(ct);
        return (await query.CountAsync(ct), rows);
    }

    public async Task<(int Total, List<AppealRecord> Rows)> AppealsAsync(IReadOnlyCollection<Guid> organs, int year, string cellId, CancellationToken ct)
    {
        var (kind, result) = Appeal(cellId.Split('|')[^1]) ?? throw new Platform.ValidationFailure("该单元格没有对应的复议、诉讼记录。", "cell");
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var appeals = db.Set<AppealCase>().AsNoTracking().Where(a => organs.Contains(a.OrganId) && a.Kind == kind && a.FiledOn >= start && a.FiledOn <= end);
        if (result is { } r)
        {
            appeals = r == AppealResult.Pending
                ? appeals.Where(a => a.DecidedOn == null || a.DecidedOn > end || a.Result == AppealResult.Pending)
                : appeals.Where(a => a.DecidedOn != null && a.DecidedOn <= end && a.Result == r);
        }

        var requests = db.DisclosureRequests;
        var rows = await appeals.OrderBy(a => a.FiledOn).ThenBy(a => a.Id).Take(PageSize)
            .Select(a => new
            {
                a.Id,
                a.OrganId,
                a.RequestId,
                Tracking = requests.Where(q => q.Id == a.RequestId).Select(q => q.TrackingNumber).FirstOrDefault(),
                a.Kind,
                a.Body,
                a.CaseNumber,
                a.FiledOn,
                a.Result,
                a.DecidedOn,
            }).ToListAsync(ct);
        return (await appeals.CountAsync(ct), rows.Select(a => new AppealRecord(a.Id, a.OrganId, a.RequestId, a.Tracking ?? "", a.Kind, a.Body, a.CaseNumber, a.FiledOn,
            a.DecidedOn is { } d && d <= end ? a.Result : AppealResult.Pending, a.DecidedOn)).ToList());
    }

    /// <summary>The appeal kind and result (null: 总计) of a table 四 column key such as <c>direct-corrected</c>.</summary>
    public static (AppealKind Kind, AppealResult? Result)? Appeal(string column)
    {
        var dash = column.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        AppealKind? kind = column[..dash] switch
        {
            "reconsideration" => AppealKind.Reconsideration,
            "direct" => AppealKind.LitigationDirect,
            "after" => AppealKind.LitigationAfterReconsideration,
            _ => null,
        };
        (bool Ok, AppealResult? Result) result = column[(dash + 1)..] switch
        {
            "upheld" => (true, AppealResult.Upheld),
            "corrected" => (true, AppealResult.Corrected),
            "other" => (true, AppealResult.Other),
            "pending" => (true, AppealResult.Pending),
            "total" => (true, null),
            _ => (false, null),
        };
        return kind is { } k && result.Ok ? (k, result.Result) : null;
    }
}
