using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Gongkai.Requests.Appeals;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Annual;

/// <summary>An organ's report for a year as computed now: figures, the fee line of 六, the rule checks, the saved inputs.</summary>
public sealed record AnnualReportView(
    Organ Organ,
    int Year,
    AnnualReport? Saved,
    ReportFigures Figures,
    RequestFigures Requests,
    string FeeLine,
    IReadOnlyList<RuleResult> Rules)
{
    public bool HardRuleFails => Rules.Any(r => r.Hard && r.Outcome == RuleOutcome.Failed);
}

/// <summary>
/// Fills the 2021 format for an organ and a year from the records: table 二 from documents (行政规范性文件 issued,
/// repealed, valid at year end) and the organ's entered figures, table 三 from <see cref="RequestStatistics"/>, table 四
/// from appeals filed in the year with their result as at 31 December; then checks rules R1–R8 (R6, R7 against the
/// previous year computed the same way).
/// </summary>
public sealed class ComputeAnnualReport(GongkaiDb db, RequestStatistics statistics)
{
    public const int FirstYear = 2008;

    public async Task<Organ> OrganAsync(string code, CancellationToken ct = default) =>
        await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct)
        ?? throw new ValidationFailure($"机关代码“{code}”不存在，请核对组织机构中的机关代码。", "organ");

    public async Task<AnnualReportView> ComputeAsync(Guid organId, int year, CancellationToken ct = default)
    {
        var organ = await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organId, ct)
            ?? throw new ValidationFailure("该机关不存在。", "organ");
        if (year < FirstYear || year > 9999)
        {
            throw new ValidationFailure($"年度“{year}”无效。", "year");
        }

        var saved = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.OrganId == organId && r.Year == year, ct);
        var (figures, requests) = await FiguresAsync(organId, year, saved, ct);
        ReportFigures? previous = null;
        if (year > FirstYear)
        {
            try
            {
                var savedBefore = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.OrganId == organId && r.Year == year - 1, ct);
                previous = (await FiguresAsync(organId, year - 1, savedBefore, ct)).Figures;
            }
            catch (ValidationFailure)
            {
                // The previous year is outside the calendar: the cross-year rules say so.
            }
        }

        var rules = Reconciliation.Check(figures, previous, computedFromRecords: true, requests.ClosedWithoutOutcome);
        return new AnnualReportView(organ, year, saved, figures, requests, await FeeLineAsync(organId, year, ct), rules);
    }

    private async Task<(ReportFigures Figures, RequestFigures Requests)> FiguresAsync(Guid organId, int year, AnnualReport? saved, CancellationToken ct)
    {
        var requests = await statistics.ComputeAsync([organId], StatisticsPeriod.Year(year), ct);
        var cells = new Dictionary<string, decimal>();

        // 二 第二十条第（一）项
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var normative = db.Documents.AsNoTracking()
            .Where(d => d.OrganId == organId && d.InformationType == InformationType.NormativeDocument && d.Status == DocumentStatus.Published);
        var grid = NationalFormat2021.Item1;
        cells[grid.CellId("normative", "issued")] = await normative.CountAsync(d => d.WrittenOn >= start && d.WrittenOn <= end, ct);
        cells[grid.CellId("normative", "repealed")] = await normative.CountAsync(d =>
            (d.Validity == Validity.Repealed || d.Validity == Validity.Expired) && d.ValidityChangedOn >= start && d.ValidityChangedOn <= end, ct);
        cells[grid.CellId("normative", "valid")] = await normative.CountAsync(d => d.WrittenOn <= end &&
            !((d.Validity == Validity.Repealed || d.Validity == Validity.Expired) && d.ValidityChangedOn <= end), ct);
        cells[grid.CellId("rules", "issued")] = saved?.RulesIssued ?? 0;
        cells[grid.CellId("rules", "repealed")] = saved?.RulesRepealed ?? 0;
        cells[grid.CellId("rules", "valid")] = saved?.RulesValid ?? 0;
        cells[NationalFormat2021.Item5.CellId("licensing", "decisions")] = saved?.Licensing ?? 0;
        cells[NationalFormat2021.Item6.CellId("penalty", "decisions")] = saved?.Penalties ?? 0;
        cells[NationalFormat2021.Item6.CellId("coercion", "decisions")] = saved?.Coercions ?? 0;
        cells[NationalFormat2021.Item8.CellId("fees", "amount")] = saved?.FeeAmount ?? 0m;

        // 三
        var t3 = NationalFormat2021.Table3;
        foreach (var type in NationalFormat2021.ApplicantColumns)
        {
            var c = NationalFormat2021.ColumnKey(type);
            cells[t3.CellId("new", c)] = requests.Received(type: type);
            cells[t3.CellId("carried", c)] = requests.CarriedIn(type);
            foreach (var o in OutcomeRows.All)
            {
                cells[t3.CellId(o.Key, c)] = requests.Closed(o.Outcome, type);
            }

            cells[t3.CellId("closed", c)] = requests.Closed(type: type);
            cells[t3.CellId("out", c)] = requests.CarriedOut(type);
        }

        foreach (var row in t3.Rows)
        {
            cells[t3.CellId(row.Key, NationalFormat2021.TotalColumn)] = row.Key switch
            {
                "new" => requests.Received(),
                "carried" => requests.CarriedIn(),
                "closed" => requests.Closed(),
                "out" => requests.CarriedOut(),
                _ => requests.Closed(OutcomeRows.All.Single(o => o.Key == row.Key).Outcome),
            };
        }

        // 四: appeals filed in the year, with their result as at 31 December.
        var appeals = await db.Set<AppealCase>().AsNoTracking().Where(a => a.OrganId == organId && a.FiledOn >= start && a.FiledOn <= end)
            .GroupBy(a => new { a.Kind, Result = a.DecidedOn != null && a.DecidedOn <= end ? a.Result : AppealResult.Pending })
            .Select(g => new { g.Key.Kind, g.Key.Result, Count = g.Count() }).ToListAsync(ct);
        var t4 = NationalFormat2021.Table4;
        foreach (var (kind, key) in new[] { (AppealKind.Reconsideration, "reconsideration"), (AppealKind.LitigationDirect, "direct"), (AppealKind.LitigationAfterReconsideration, "after") })
        {
            int Count(AppealResult r) => appeals.Where(a => a.Kind == kind && a.Result == r).Sum(a => a.Count);
            cells[t4.CellId("all", $"{key}-upheld")] = Count(AppealResult.Upheld);
            cells[t4.CellId("all", $"{key}-corrected")] = Count(AppealResult.Corrected);
            cells[t4.CellId("all", $"{key}-other")] = Count(AppealResult.Other);
            cells[t4.CellId("all", $"{key}-pending")] = Count(AppealResult.Pending);
            cells[t4.CellId("all", $"{key}-total")] = appeals.Where(a => a.Kind == kind).Sum(a => a.Count);
        }

        return (new ReportFigures(cells), requests);
    }

    /// <summary>The fee line of section 六 from the fees paid in the year (信息处理费, whole yuan).</summary>
    public async Task<string> FeeLineAsync(Guid organId, int year, CancellationToken ct = default)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var requests = db.DisclosureRequests;
        var paid = await db.FeeAssessments.AsNoTracking()
            .Where(f => f.PaidOn >= start && f.PaidOn <= end && requests.Any(r => r.Id == f.RequestId && r.OrganId == organId))
            .Select(f => f.Amount).ToListAsync(ct);
        return paid.Count == 0
            ? "本年度未收取信息处理费。"
            : $"本年度共对{paid.Count}件政府信息公开申请收取信息处理费{paid.Sum()}元。";
    }
}
