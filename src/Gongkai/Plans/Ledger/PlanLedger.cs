using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Ledger;

/// <summary>How a task stands for the public and the lists: done, on track, or overdue.</summary>
public enum TaskStanding
{
    OnTrack,
    Done,
    Overdue,
}

/// <summary>A row of the ledger: the task and its latest progress words (public ones only, for the public page).</summary>
public sealed record LedgerRow(PlanTask Task, TaskStanding Standing, string? LatestProgress, DateTimeOffset? ProgressAt);

public sealed record LedgerSummary(int Total, int Done, int OnTrack, int Overdue);

/// <summary>Reading a plan's tasks with their standing, filtered by organ and standing.</summary>
public sealed class PlanLedger(GongkaiDb db, TimeProvider clock)
{
    public const int DueSoonDays = 14;

    public DateOnly Today => ChineseDates.Today(clock);

    public static string StatusName(PlanTaskStatus s) => s switch
    {
        PlanTaskStatus.NotStarted => "未开始",
        PlanTaskStatus.InProgress => "推进中",
        PlanTaskStatus.Reported => "已报完成，待确认",
        _ => "已完成",
    };

    public static string StandingName(TaskStanding s) => s switch
    {
        TaskStanding.Done => "已完成",
        TaskStanding.Overdue => "已逾期",
        _ => "按期推进",
    };

    public static string DeadlineName(PlanTask t) =>
        t.Due is { } d ? ChineseDates.Long(d) + (t.Recurring ? "（并持续落实）" : "")
        : t.DeadlineText.Length > 0 ? t.DeadlineText
        : "未定";

    public TaskStanding Standing(PlanTask t) => t.IsDone ? TaskStanding.Done : t.IsOverdue(Today) ? TaskStanding.Overdue : TaskStanding.OnTrack;

    /// <summary>The rows of a plan, filtered; <paramref name="publicOnly"/> shows only progress the office made public.</summary>
    public async Task<List<LedgerRow>> RowsAsync(Guid planId, Guid? organId, TaskStanding? standing, bool publicOnly, OrganScope? scope = null, CancellationToken ct = default)
    {
        var query = db.PlanTasks.AsNoTracking().Include(t => t.Organs).Where(t => t.PlanId == planId);
        if (organId is { } o)
        {
            query = query.Where(t => t.Organs.Any(x => x.OrganId == o));
        }

        if (scope is { All: false })
        {
            var ids = scope.OrganIds.ToList();
            query = query.Where(t => t.Organs.Any(x => ids.Contains(x.OrganId)));
        }

        var today = Today;
        query = standing switch
        {
            TaskStanding.Done => query.Where(t => t.Status == PlanTaskStatus.Done),
            TaskStanding.Overdue => query.Where(t => t.Status != PlanTaskStatus.Done && t.Due != null && t.Due < today),
            TaskStanding.OnTrack => query.Where(t => t.Status != PlanTaskStatus.Done && (t.Due == null || t.Due >= today)),
            _ => query,
        };
        var tasks = await query.OrderBy(t => t.Sequence).ToListAsync(ct);
        var ids2 = tasks.Select(t => t.Id).ToList();
        var progress = db.PlanProgress.AsNoTracking().Where(p => ids2.Contains(p.TaskId));
        if (publicOnly)
        {
            progress = progress.Where(p => p.IsPublic);
        }

        var latest = (await progress.Select(p => new { p.TaskId, p.Text, p.ReportedAt }).ToListAsync(ct))
            .GroupBy(p => p.TaskId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.ReportedAt).First());
        return tasks.Select(t => latest.TryGetValue(t.Id, out var p)
            ? new LedgerRow(t, Standing(t), p.Text, p.ReportedAt)
            : new LedgerRow(t, Standing(t), null, null)).ToList();
    }

    public async Task<LedgerSummary> SummaryAsync(Guid planId, CancellationToken ct = default)
    {
        var today = Today;
        var tasks = db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId);
        var total = await tasks.CountAsync(ct);
        var done = await tasks.CountAsync(t => t.Status == PlanTaskStatus.Done, ct);
        var overdue = await tasks.CountAsync(t => t.Status != PlanTaskStatus.Done && t.Due != null && t.Due < today, ct);
        return new LedgerSummary(total, done, total - done - overdue, overdue);
    }

    /// <summary>Tasks not done whose due date is within the next two weeks, or already past, across plans.</summary>
    public async Task<(List<PlanTask> DueSoon, List<PlanTask> Overdue)> DueListsAsync(OrganScope scope, CancellationToken ct = default)
    {
        var today = Today;
        var soon = today.AddDays(DueSoonDays);
        var query = db.PlanTasks.AsNoTracking().Include(t => t.Organs).Where(t => t.Status != PlanTaskStatus.Done && t.Due != null && t.Due <= soon);
        if (!scope.All)
        {
            var ids = scope.OrganIds.ToList();
            query = query.Where(t => t.Organs.Any(x => ids.Contains(x.OrganId)));
        }

        var tasks = await query.OrderBy(t => t.Due).Take(500).ToListAsync(ct);
        return (tasks.Where(t => t.Due >= today).ToList(), tasks.Where(t => t.Due < today).ToList());
    }
}
