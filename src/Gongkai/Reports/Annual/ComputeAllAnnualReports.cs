using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Annual;

/// <summary>
/// Every organ's report for a year computed together: each count is one query grouped by organ (requests through
/// <see cref="RequestStatisticsByOrgan"/>, documents, appeals, fees), for the year and the year before (R6, R7), then
/// filled and checked per organ exactly as <see cref="ComputeAnnualReport"/> does for one. Issue 5's performance target
/// for “all organs' reports for a year” (≤ 20 s at 1,000,000 requests and 1,000,000 documents) is met this way rather
/// than by N single-organ runs. Organs that receive no requests and hold no records still get a report (all zero).
/// </summary>
public sealed class ComputeAllAnnualReports(GongkaiDb db, ComputeAnnualReport single, RequestStatisticsByOrgan statistics)
{
    /// <param name="withInactive">Also abolished organs (the district report sums them while they have figures).</param>
    public async Task<IReadOnlyList<AnnualReportView>> ComputeAsync(int year, CancellationToken ct = default, bool withInactive = false)
    {
        if (year < ReportFormat.FirstYear || year > 9999)
        {
            throw new ValidationFailure(year < ReportFormat.FirstYear
                ? $"{year}年度适用2019年以前的《政府信息公开情况统计表》，不按年度报告格式由记录生成；请导入该年度已公布的统计表后查看。"
                : $"年度“{year}”无效。", "year");
        }

        var organs = await db.Organs.AsNoTracking().Where(o => withInactive || o.IsActive).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        var ids = organs.Select(o => o.Id).ToList();
        var format = ReportFormat.ForYear(year);
        var saved = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year || r.Year == year - 1).ToListAsync(ct);
        var now = await FiguresAsync(ids, year, saved, format, ct);
        Dictionary<Guid, (ReportFigures Figures, RequestFigures Requests)>? before = null;
        try
        {
            before = await FiguresAsync(ids, year - 1, saved, format, ct);
        }
        catch (ValidationFailure)
        {
            // The previous year is outside the calendar: the cross-year rules say so.
        }

        var fees = await FeesAsync(year, ct);
        return [.. organs.Select(o =>
        {
            var (figures, requests) = now[o.Id];
            var own = saved.FirstOrDefault(r => r.OrganId == o.Id && r.Year == year);
            if (Imports.ImportedReports.IsImported(own))
            {
                return new AnnualReportView(o, year, own, figures, requests, "", Imports.ImportedReports.Check(figures, before?[o.Id].Figures, format));
            }

            var rules = Reconciliation.Check(figures, before?[o.Id].Figures, computedFromRecords: true, requests.ClosedWithoutOutcome, format);
            var fee = fees.GetValueOrDefault(o.Id);
            return new AnnualReportView(o, year, own, figures, requests, ComputeAnnualReport.FeeLine(fee.Count, fee.Yuan), rules);
        })];
    }

    private async Task<Dictionary<Guid, (ReportFigures, RequestFigures)>> FiguresAsync(
        List<Guid> ids, int year, List<AnnualReport> saved, ReportFormat format, CancellationToken ct)
    {
        var requests = await statistics.ComputeAsync(ids, StatisticsPeriod.Year(year), ct);
        var documents = await single.DocumentCountsAsync(null, year, ct);
        var appeals = await single.AppealCountsAsync(null, year, ct);
        return ids.ToDictionary(id => id, id =>
        {
            var own = saved.FirstOrDefault(r => r.OrganId == id && r.Year == year);
            // An imported year counts as published; its requests are not in the platform.
            return Imports.ImportedReports.Figures(own) is { } imported
                ? (imported, RequestFigures.None(StatisticsPeriod.Year(year)))
                : (ComputeAnnualReport.Fill(format, own, requests[id], documents.GetValueOrDefault(id) ?? ComputeAnnualReport.DocumentCounts.None, appeals.GetValueOrDefault(id) ?? []), requests[id]);
        });
    }

    private async Task<Dictionary<Guid, (int Count, long Yuan)>> FeesAsync(int year, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await db.FeeAssessments.AsNoTracking().Where(f => f.PaidOn >= start && f.PaidOn <= end)
            .Join(db.DisclosureRequests, f => f.RequestId, r => r.Id, (f, r) => new { r.OrganId, f.Amount })
            .GroupBy(x => x.OrganId).Select(g => new { OrganId = g.Key, Count = g.Count(), Yuan = g.Sum(x => (long)x.Amount) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.OrganId, r => (r.Count, r.Yuan));
    }
}
