using Gongkai.Plans.Ledger;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Reminders;

/// <summary>A line of today's reminder list as staff see it.</summary>
public sealed record PlanReminderLine(Guid TaskId, string Number, string Text, string PlanTitle, string Organ, PlanReminderKind Kind, DateOnly DueOn);

/// <summary>Today's reminders within the user's organs: the work-list figures and the list page.</summary>
public sealed class PlanReminderList(GongkaiDb db, PlanWork work, TimeProvider clock)
{
    public DateOnly Today => ChineseDates.Today(clock);

    private IQueryable<PlanReminder> Visible(OrganScope scope, PlanReminderKind kind)
    {
        var today = Today;
        return db.PlanReminders.AsNoTracking().Where(r => r.On == today && r.Kind == kind).Within(scope, r => r.OrganId);
    }

    /// <summary>How many tasks are on today's list for the user's organs (null: the user follows no tasks).</summary>
    public async Task<int?> CountAsync(PlanReminderKind kind, CancellationToken ct = default)
    {
        var scope = await work.ScopeAsync();
        return scope.IsEmpty ? null : await Visible(scope, kind).Select(r => r.TaskId).Distinct().CountAsync(ct);
    }

    public async Task<List<PlanReminderLine>?> LinesAsync(PlanReminderKind kind, CancellationToken ct = default)
    {
        var scope = await work.ScopeAsync();
        if (scope.IsEmpty)
        {
            return null;
        }

        return await (from r in Visible(scope, kind)
                      join t in db.PlanTasks on r.TaskId equals t.Id
                      join p in db.WorkPlans on t.PlanId equals p.Id
                      join o in db.Organs on r.OrganId equals o.Id
                      orderby r.DueOn, p.Title, t.Sequence, o.SortOrder
                      select new PlanReminderLine(t.Id, t.Number, t.Text, p.Title, o.ShortName, r.Kind, r.DueOn))
            .Take(1000).ToListAsync(ct);
    }

    public static IServiceCollection AddPlanWorkList(IServiceCollection services) => services
        .AddWorkListItem(new("即将到期的工作要点任务（今日提醒）", "/admin/plans/reminders?kind=DueSoon", 80, (sp, ct) =>
            sp.GetRequiredService<PlanReminderList>().CountAsync(PlanReminderKind.DueSoon, ct)))
        .AddWorkListItem(new("逾期的工作要点任务（今日提醒）", "/admin/plans/reminders?kind=Overdue", 81, (sp, ct) =>
            sp.GetRequiredService<PlanReminderList>().CountAsync(PlanReminderKind.Overdue, ct)));
}
