using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Rollup;

/// <summary>One organ's part in the district report: its figures, rule failures and where its own report stands.</summary>
public sealed record OrganContribution(Organ Organ, ReportFigures Figures, int HardFailures, ReportStatus? Status);

/// <summary>The district report with the contribution of every organ it adds up.</summary>
public sealed record DistrictReportView(AnnualReportView Report, IReadOnlyList<OrganContribution> Organs);

/// <summary>
/// 区人民政府政府信息公开工作年度报告 (Art. 49–50; china-rules §4.1): published by the district government by 31 March,
/// for the whole district — as the 2016 西城 report says, “在各委、办、局及街道办事处的年度报告的基础上编制”. Its tables
/// are the sum, cell by cell, of every organ of the district (an abolished one while it has figures for the year) (the district government itself, its departments,
/// street offices and other bodies), each computed from the records as in its own report, with the figures each organ
/// entered (规章, 许可, 处罚, 强制, 收费) summed; the fee line of 六 counts the fees of all of them; the narrative sections
/// are the district government's own (edited on its report). Rules R1–R8 are checked on the sums, R6/R7 against the
/// previous year's sums. Every other organ's report stays its own figures only.
/// </summary>
public sealed class DistrictReport(GongkaiDb db, ComputeAnnualReport compute, RequestStatistics statistics)
{
    public async Task<Organ?> DistrictGovernmentAsync(CancellationToken ct = default) =>
        await db.Organs.AsNoTracking().Where(o => o.Kind == OrganKind.DistrictGovernment && o.IsActive).OrderBy(o => o.SortOrder).FirstOrDefaultAsync(ct);

    public async Task<DistrictReportView> ComputeAsync(int year, CancellationToken ct = default)
    {
        var district = await DistrictGovernmentAsync(ct) ?? throw new ValidationFailure("组织机构中没有区人民政府，无法编制全区年度报告。", "organ");
        var own = await compute.ComputeAsync(district.Id, year, ct); // refuses a year without calendar data
        // Every organ, including those abolished since (their records of earlier years count); an inactive organ without
        // any figure for the year is left out of the list.
        var organs = await db.Organs.AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        var parts = new List<OrganContribution>();
        var previous = new List<ReportFigures>();
        var previousComplete = year > ComputeAnnualReport.FirstYear;
        foreach (var organ in organs)
        {
            var view = organ.Id == district.Id ? own : await compute.ComputeAsync(organ.Id, year, ct);
            if (!organ.IsActive && view.Figures.Cells.Values.All(v => v == 0))
            {
                continue;
            }

            parts.Add(new(organ, view.Figures, view.Rules.Count(r => r.Hard && r.Outcome == RuleOutcome.Failed), view.Saved?.Status));
            if (previousComplete)
            {
                try
                {
                    previous.Add((await compute.ComputeAsync(organ.Id, year - 1, ct)).Figures);
                }
                catch (ValidationFailure)
                {
                    previousComplete = false; // the previous year is outside the calendar: R6/R7 not applicable
                }
            }
        }

        var ids = parts.Select(p => p.Organ.Id).ToList();
        var requests = await statistics.ComputeAsync(ids, StatisticsPeriod.Year(year), ct);
        var sum = Sum(parts.Select(p => p.Figures));
        var rules = Reconciliation.Check(sum, previousComplete ? Sum(previous) : null, computedFromRecords: true, requests.ClosedWithoutOutcome);
        var report = new AnnualReportView(district, year, own.Saved, sum, requests, await FeeLineAsync(ids, year, ct), rules);
        return new DistrictReportView(report, parts);
    }

    public static ReportFigures Sum(IEnumerable<ReportFigures> all)
    {
        var cells = new Dictionary<string, decimal>();
        foreach (var f in all)
        {
            foreach (var (id, value) in f.Cells)
            {
                cells[id] = cells.GetValueOrDefault(id) + value;
            }
        }

        return new ReportFigures(cells);
    }

    private async Task<string> FeeLineAsync(List<Guid> organs, int year, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var requests = db.DisclosureRequests;
        var paid = await db.FeeAssessments.AsNoTracking()
            .Where(f => f.PaidOn >= start && f.PaidOn <= end && requests.Any(r => r.Id == f.RequestId && organs.Contains(r.OrganId)))
            .Select(f => f.Amount).ToListAsync(ct);
        return paid.Count == 0
            ? "本年度全区各机关均未收取信息处理费。"
            : $"本年度全区共对{paid.Count}件政府信息公开申请收取信息处理费{paid.Sum()}元。";
    }
}

/// <summary>The report an organ publishes: the district government's is the district report, every other organ's its own.</summary>
public sealed class AnnualReports(GongkaiDb db, ComputeAnnualReport compute, DistrictReport district)
{
    public async Task<AnnualReportView> ViewAsync(Guid organId, int year, CancellationToken ct = default)
    {
        var kind = await db.Organs.AsNoTracking().Where(o => o.Id == organId).Select(o => (OrganKind?)o.Kind).FirstOrDefaultAsync(ct);
        return kind == OrganKind.DistrictGovernment
            ? (await district.ComputeAsync(year, ct)).Report
            : await compute.ComputeAsync(organId, year, ct);
    }
}
