using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Plans.Ledger;

/// <summary>The weights of an organ's yearly score (configuration section <c>Plans:Scoring</c>).</summary>
public sealed class ScoreWeights
{
    /// <summary>Share of tasks confirmed done.</summary>
    public double Completion { get; set; } = 60;
    /// <summary>Share of tasks not overdue (done, or not yet due).</summary>
    public double Timeliness { get; set; } = 40;
}

/// <summary>One organ's score for a year, with the counts it was computed from.</summary>
public sealed record OrganScore(Guid OrganId, string Code, string Name, int Tasks, int Done, int Overdue, double Completion, double Timeliness, double Score);

/// <summary>
/// Per-organ scores from the tasks an organ leads or is responsible for in a year's plans:
/// score = (完成权重 × 已完成数 + 及时权重 × 未逾期数) ÷ 任务数 ÷ (完成权重 + 及时权重) × 100.
/// </summary>
public sealed class PlanScores(GongkaiDb db, PlanLedger ledger, IOptions<ScoreWeights> weights)
{
    public ScoreWeights Weights => weights.Value;

    public string Formula =>
        $"得分 = （{Weights.Completion:0.##} × 已完成任务数 + {Weights.Timeliness:0.##} × 未逾期任务数）÷ 任务数 ÷ {Weights.Completion + Weights.Timeliness:0.##} × 100";

    public async Task<List<OrganScore>> ForYearAsync(int year, CancellationToken ct = default)
    {
        var today = ledger.Today;
        var rows = await (from link in db.PlanTaskOrgans.AsNoTracking()
                          join task in db.PlanTasks.AsNoTracking() on link.TaskId equals task.Id
                          join plan in db.WorkPlans.AsNoTracking() on task.PlanId equals plan.Id
                          where plan.Year == year
                          select new { link.OrganId, task.Id, task.Status, task.Due }).ToListAsync(ct);
        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var total = Weights.Completion + Weights.Timeliness;
        return rows.GroupBy(r => r.OrganId).Select(g =>
        {
            var tasks = g.DistinctBy(r => r.Id).ToList();
            var done = tasks.Count(t => t.Status == PlanTaskStatus.Done);
            var overdue = tasks.Count(t => t.Status != PlanTaskStatus.Done && t.Due is { } d && d < today);
            var completion = (double)done / tasks.Count;
            var timeliness = (double)(tasks.Count - overdue) / tasks.Count;
            var score = total <= 0 ? 0 : (Weights.Completion * completion + Weights.Timeliness * timeliness) / total * 100;
            var organ = organs[g.Key];
            return new OrganScore(g.Key, organ.Code, organ.ShortName, tasks.Count, done, overdue, completion, timeliness, Math.Round(score, 1));
        }).OrderByDescending(s => s.Score).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
    }
}
