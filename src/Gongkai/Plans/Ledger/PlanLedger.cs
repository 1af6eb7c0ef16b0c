using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Ledger;

/// <summary>How a task stands for the public and the lists: done, on track, or overdue (due soon is on track, within two weeks).</summary>
public enum TaskStanding
{
    OnTrack,
    Done,
    Overdue,
    /// <summary>A filter only: on track, due within <see cref="PlanLedger.DueSoonDays"/> days.</summary>
    DueSoon,
}

/// <summary>A row of the ledger: the task and its latest progress words (public ones only, for the public page).</summary>
public sealed record LedgerRow(PlanTask Task, TaskStanding Standing, string? LatestProgress, DateTimeOffset? ProgressAt);

public sealed record LedgerSummary(int Total, int Done, int OnTrack, int Overdue);

/// <summary>What the reader narrowed the ledger to: an organ, a standing, words in the task or its units.</summary>
public sealed record LedgerFilter(Guid? OrganId = null, TaskStanding? Standing = null, string? Search = null)
{
    public const int MaxSearch = 100;
    public string? Words => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim()[..Math.Min(Search.Trim().Length, MaxSearch)];
}

/// <summary>One page of the ledger and how many rows the filter matches in all.</summary>
public sealed record LedgerPage(List<LedgerRow> Rows, int Matching, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Matching + PageSize - 1) / PageSize);
}

/// <summary>Reading a plan's tasks with their standing: filtered, a page at a time, the counts computed in the database.</summary>
public sealed class PlanLedger(GongkaiDb db, TimeProvider clock)
{
    public const int DueSoonDays = 14;
    public const int PageSize = 100;

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
        TaskStanding.DueSoon => "即将到期",
        _ => "按期推进",
    };

    public static string DeadlineName(PlanTask t) =>
        t.Due is { } d ? ChineseDates.Long(d) + (t.Recurring ? "（并持续落实）" : "")
        : t.DeadlineText.Length > 0 ? t.DeadlineText
        : "未定";

    public TaskStanding Standing(PlanTask t) => t.IsDone ? TaskStanding.Done : t.IsOverdue(Today) ? TaskStanding.Overdue : TaskStanding.OnTrack;

    /// <summary>The plan's tasks the filter and the user's organs allow, in plan order (not yet read).</summary>
    private IQueryable<PlanTask> Query(Guid planId, LedgerFilter filter, OrganScope? scope)
    {
        var query = db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId);
        if (filter.OrganId is { } o)
        {
            query = query.Where(t => t.Organs.Any(x => x.OrganId == o));
        }

        if (scope is { All: false })
        {
            var ids = scope.OrganIds.ToList();
            query = query.Where(t => t.Organs.Any(x => ids.Contains(x.OrganId)));
        }

        var today = Today;
        var soon = today.AddDays(DueSoonDays);
        query = filter.Standing switch
        {
            TaskStanding.Done => query.Where(t => t.Status == PlanTaskStatus.Done),
            TaskStanding.Overdue => query.Where(t => t.Status != PlanTaskStatus.Done && t.Due != null && t.Due < today),
            TaskStanding.OnTrack => query.Where(t => t.Status != PlanTaskStatus.Done && (t.Due == null || t.Due >= today)),
            TaskStanding.DueSoon => query.Where(t => t.Status != PlanTaskStatus.Done && t.Due != null && t.Due >= today && t.Due <= soon),
            _ => query,
        };
        if (filter.Words is { } words)
        {
            query = query.Where(t => t.Text.Contains(words) || t.LeadUnits.Contains(words) || t.ResponsibleUnits.Contains(words) || t.Number == words);
        }

        return query;
    }

    /// <summary>One page of rows (1-based; a page past the end gives the last); <paramref name="publicOnly"/> shows only progress the office made public.</summary>
    public async Task<LedgerPage> PageAsync(Guid planId, LedgerFilter filter, bool publicOnly, int page, OrganScope? scope = null, int pageSize = PageSize, CancellationToken ct = default)
    {
        var query = Query(planId, filter, scope);
        var matching = await query.CountAsync(ct);
        var pages = Math.Max(1, (matching + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var tasks = await query.OrderBy(t => t.Sequence).Skip(Gongkai.Platform.Web.Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(ct);
        return new LedgerPage(await WithProgressAsync(tasks, publicOnly, ct), matching, page, pageSize);
    }

    /// <summary>Every row the filter matches (the Excel export), read in batches of tasks.</summary>
    public async Task<List<LedgerRow>> RowsAsync(Guid planId, LedgerFilter filter, bool publicOnly, OrganScope? scope = null, CancellationToken ct = default)
    {
        var tasks = await Query(planId, filter, scope).OrderBy(t => t.Sequence).ToListAsync(ct);
        var rows = new List<LedgerRow>(tasks.Count);
        foreach (var chunk in tasks.Chunk(1000))
        {
            rows.AddRange(await WithProgressAsync(chunk, publicOnly, ct));
        }

        return rows;
    }

    private async Task<List<LedgerRow>> WithProgressAsync(IReadOnlyList<PlanTask> tasks, bool publicOnly, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var progress = db.PlanProgress.AsNoTracking().Where(p => ids.Contains(p.TaskId));
        if (publicOnly)
        {
            progress = progress.Where(p => p.IsPublic);
        }

        var latest = (await progress.Select(p => new { p.TaskId, p.Text, p.ReportedAt }).ToListAsync(ct))
            .GroupBy(p => p.TaskId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.ReportedAt)!);
        return tasks.Select(t => latest.TryGetValue(t.Id, out var p)
            ? new LedgerRow(t, Standing(t), p.Text, p.ReportedAt)
            : new LedgerRow(t, Standing(t), null, null)).ToList();
    }

    /// <summary>Done, on track and overdue counts of the plan (of one organ's tasks, and of the user's organs), one grouped query.</summary>
    public async Task<LedgerSummary> SummaryAsync(Guid planId, Guid? organId = null, OrganScope? scope = null, CancellationToken ct = default)
    {
        var today = Today;
        var groups = await Query(planId, new LedgerFilter(organId), scope)
            .GroupBy(t => new { Done = t.Status == PlanTaskStatus.Done, Late = t.Due != null && t.Due < today })
            .Select(g => new { g.Key.Done, g.Key.Late, Count = g.Count() })
            .ToListAsync(ct);
        var total = groups.Sum(g => g.Count);
        var done = groups.Where(g => g.Done).Sum(g => g.Count);
        var overdue = groups.Where(g => !g.Done && g.Late).Sum(g => g.Count);
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
