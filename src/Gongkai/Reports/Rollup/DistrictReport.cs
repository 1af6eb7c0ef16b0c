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
/// are the district government's own (edited on its report). Rules R1–R5 and R8 are checked on the sums; R6/R7 (warnings)
/// are each organ's own check against its previous year, a failure named with its organ. Every other organ's report stays its own figures only.
/// </summary>
public sealed class DistrictReport(GongkaiDb db, ComputeAllAnnualReports computeAll, RequestStatistics statistics)
{
    public async Task<Organ?> DistrictGovernmentAsync(CancellationToken ct = default) =>
        await db.Organs.AsNoTracking().Where(o => o.Kind == OrganKind.DistrictGovernment && o.IsActive).OrderBy(o => o.SortOrder).FirstOrDefaultAsync(ct);

    public async Task<DistrictReportView> ComputeAsync(int year, CancellationToken ct = default)
    {
        var district = await DistrictGovernmentAsync(ct) ?? throw new ValidationFailure("组织机构中没有区人民政府，无法编制全区年度报告。", "organ");
        // Every organ's report from the same grouped queries (ComputeAllAnnualReports), abolished organs included (their
        // records of the year count); an inactive organ without any figure for the year is left out of the list.
        var views = await computeAll.ComputeAsync(year, ct, withInactive: true); // refuses a year without calendar data
        var own = views.Single(v => v.Organ.Id == district.Id);
        var parts = new List<OrganContribution>();
        var crossYear = new List<(string Organ, RuleResult Rule)>();
        foreach (var view in views)
        {
            var organ = view.Organ;
            if (!organ.IsActive && view.Figures.Cells.Values.All(v => v == 0))
            {
                continue;
            }

            parts.Add(new(organ, view.Figures, view.Rules.Count(r => r.Hard && r.Outcome == RuleOutcome.Failed), view.Saved?.Status));
            crossYear.AddRange(view.Rules.Where(r => r.Rule is "R6" or "R7").Select(r => (organ.ShortName, r)));
        }

        var ids = parts.Select(p => p.Organ.Id).ToList();
        var requests = await statistics.ComputeAsync(ids, StatisticsPeriod.Year(year), ct);
        var sum = Sum(parts.Select(p => p.Figures));
        var rules = Reconciliation.Check(sum, null, computedFromRecords: true, requests.ClosedWithoutOutcome).Where(r => r.Rule is not ("R6" or "R7")).ToList();
        rules.AddRange(CrossYear(crossYear, parts));
        var report = new AnnualReportView(district, year, own.Saved, sum, requests, await FeeLineAsync(ids, year, ct), rules);
        return new DistrictReportView(report, parts);
    }

    /// <summary>
    /// R6/R7 of the district report from each organ's own check against its previous year (a sum passes when every part
    /// does; computing every organ's previous year again would double the cost): a failure names its organ.
    /// </summary>
    private static IEnumerable<RuleResult> CrossYear(List<(string Organ, RuleResult Rule)> organRules, List<OrganContribution> parts)
    {
        foreach (var rule in new[] { "R6", "R7" })
        {
            var mine = organRules.Where(r => r.Rule.Rule == rule).ToList();
            var failed = mine.Where(r => r.Rule.Outcome == RuleOutcome.Failed).ToList();
            if (failed.Count > 0)
            {
                foreach (var f in failed)
                {
                    yield return f.Rule with { Message = $"{f.Organ}：{f.Rule.Message}" };
                }
            }
            else if (mine.Count > 0 && mine.All(r => r.Rule.Outcome == RuleOutcome.NotApplicable))
            {
                yield return new RuleResult(rule, false, RuleOutcome.NotApplicable, "没有上一年度的数据可供核对", []);
            }
            else
            {
                yield return new RuleResult(rule, false, RuleOutcome.Passed, Reconciliation.Descriptions[rule] + $"（{parts.Count}个机关均一致）", []);
            }
        }
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
