using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Plans.Ledger;

/// <summary>The weights of an organ's yearly score (configuration section <c>Plans:Scoring</c>); a weight of 0 leaves the part out.</summary>
public sealed class ScoreWeights
{
    /// <summary>任务完成率: share of the organ's tasks confirmed done.</summary>
    public double Completion { get; set; } = 40;
    /// <summary>任务按期率: share of tasks not overdue (done, or not yet due).</summary>
    public double Timeliness { get; set; } = 30;
    /// <summary>主动公开及时率: documents due in the year published within the 20 working days (Art. 26).</summary>
    public double Disclosure { get; set; } = 15;
    /// <summary>依申请公开按期办结率: requests closed in the year within their reply period.</summary>
    public double Requests { get; set; } = 15;
}

/// <summary>What an organ's score is computed from, for a year.</summary>
public sealed record ScoreCounts(int Tasks, int Done, int Overdue, int DocumentsDue, int DocumentsOnTime, int RequestsClosed, int RequestsOnTime)
{
    public static readonly ScoreCounts None = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>One organ's score for a year: its counts, each rate (null when the organ had nothing to count) and the score.</summary>
public sealed record OrganScore(Guid OrganId, string Code, string Name, ScoreCounts Counts, double? Completion, double? Timeliness, double? Disclosure, double? Requests, double? Score)
{
    public int Tasks => Counts.Tasks;
    public int Done => Counts.Done;
    public int Overdue => Counts.Overdue;
}

/// <summary>
/// The arithmetic of the score, without the database: each part is a rate in [0, 1]; a part whose count is zero (no tasks,
/// no document due, no request closed) is left out and its weight with it, so an organ is not rewarded or punished for
/// what it did not have to do:
/// 得分 = Σ(权重 × 比率) ÷ Σ(计入部分的权重) × 100, rounded to one decimal.
/// </summary>
public static class ScoreFormula
{
    public static double? Rate(int part, int whole) => whole <= 0 ? null : (double)part / whole;

    public static (double? Completion, double? Timeliness, double? Disclosure, double? Requests, double? Score) Compute(ScoreWeights w, ScoreCounts c)
    {
        var completion = Rate(c.Done, c.Tasks);
        var timeliness = Rate(c.Tasks - c.Overdue, c.Tasks);
        var disclosure = Rate(c.DocumentsOnTime, c.DocumentsDue);
        var requests = Rate(c.RequestsOnTime, c.RequestsClosed);
        double sum = 0, weight = 0;
        foreach (var (rate, wt) in new[] { (completion, w.Completion), (timeliness, w.Timeliness), (disclosure, w.Disclosure), (requests, w.Requests) })
        {
            if (rate is { } r && wt > 0)
            {
                sum += wt * r;
                weight += wt;
            }
        }

        return (completion, timeliness, disclosure, requests, weight <= 0 ? null : Math.Round(sum / weight * 100, 1, MidpointRounding.AwayFromZero));
    }

    public static string Text(ScoreWeights w) =>
        $"得分 = （{w.Completion:0.##} × 任务完成率 + {w.Timeliness:0.##} × 任务按期率 + {w.Disclosure:0.##} × 主动公开及时率 + {w.Requests:0.##} × 依申请公开按期办结率）÷ 计入部分的权重之和 × 100";
}

/// <summary>
/// Per-organ scores for a year: the tasks an organ leads or is responsible for in the year's plans, its proactive
/// disclosure due in the year (published within 20 working days of being formed, Art. 26) and its requests closed in the
/// year on time (the statistics' 本期办结 and 逾期办结 sets, <see cref="RequestStatistics"/>).
/// </summary>
public sealed class PlanScores(GongkaiDb db, PlanLedger ledger, IOptions<ScoreWeights> weights)
{
    public ScoreWeights Weights => weights.Value;

    public string Formula => ScoreFormula.Text(Weights);

    public async Task<List<OrganScore>> ForYearAsync(int year, CancellationToken ct = default)
    {
        var today = ledger.Today;
        var tasks = (await (from link in db.PlanTaskOrgans.AsNoTracking()
                            join task in db.PlanTasks.AsNoTracking() on link.TaskId equals task.Id
                            join plan in db.WorkPlans.AsNoTracking() on task.PlanId equals plan.Id
                            where plan.Year == year
                            select new { link.OrganId, task.Id, Done = task.Status == PlanTaskStatus.Done, Late = task.Status != PlanTaskStatus.Done && task.Due != null && task.Due < today })
                .Distinct().ToListAsync(ct))
            .GroupBy(r => r.OrganId).ToDictionary(g => g.Key, g => g.DistinctBy(r => r.Id).ToList());

        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.PublishDueOn != null && d.PublishDueOn >= from && d.PublishDueOn <= to
                && (d.PublishedAt != null || (d.Status != DocumentStatus.Withdrawn && d.PublishDueOn < today)))
            .GroupBy(d => d.OrganId)
            .Select(g => new { g.Key, Due = g.Count(), OnTime = g.Count(d => d.PublishedAt != null && !d.PublishedLate) })
            .ToDictionaryAsync(g => g.Key, ct);

        var period = StatisticsPeriod.Year(year);
        var requests = db.DisclosureRequests.AsNoTracking();
        var closed = await RequestStatistics.In(requests, period, RequestSet.Closed).GroupBy(r => r.OrganId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var late = await RequestStatistics.In(requests, period, RequestSet.ClosedLate).GroupBy(r => r.OrganId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        return tasks.Keys.Concat(documents.Keys).Concat(closed.Keys).Distinct().Where(organs.ContainsKey).Select(id =>
        {
            var t = tasks.GetValueOrDefault(id) ?? [];
            var d = documents.GetValueOrDefault(id);
            var c = closed.GetValueOrDefault(id);
            var counts = new ScoreCounts(t.Count, t.Count(x => x.Done), t.Count(x => x.Late), d?.Due ?? 0, d?.OnTime ?? 0, c, c - late.GetValueOrDefault(id));
            var (completion, timeliness, disclosure, onTime, score) = ScoreFormula.Compute(Weights, counts);
            var organ = organs[id];
            return new OrganScore(id, organ.Code, organ.ShortName, counts, completion, timeliness, disclosure, onTime, score);
        }).OrderByDescending(s => s.Score ?? -1).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
    }
}
