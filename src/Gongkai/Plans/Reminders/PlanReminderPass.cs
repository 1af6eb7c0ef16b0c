using Gongkai.Plans.Ledger;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Reminders;

/// <summary>What one reminder pass wrote.</summary>
public sealed record PlanReminderRun(DateOnly Day, int DueSoon, int Overdue, int Organs);

/// <summary>
/// The day's reminders (催办提醒) for 工作要点 tasks: every task not confirmed done whose due date is within
/// <see cref="PlanLedger.DueSoonDays"/> days or past puts a line on the list of each organ it names, once a day; a second
/// pass the same day writes nothing. Each organ reminded gets one audit record with its counts, in the same SaveChanges.
/// </summary>
public sealed class PlanReminderPass(GongkaiDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<PlanReminderRun> RunAsync(CancellationToken ct = default)
    {
        var today = ChineseDates.Today(clock);
        var soon = today.AddDays(PlanLedger.DueSoonDays);
        var due = await (from link in db.PlanTaskOrgans.AsNoTracking()
                         join task in db.PlanTasks.AsNoTracking() on link.TaskId equals task.Id
                         where task.Status != PlanTaskStatus.Done && task.Due != null && task.Due <= soon
                         select new { task.Id, link.OrganId, Due = task.Due!.Value }).ToListAsync(ct);
        var already = (await db.PlanReminders.AsNoTracking().Where(r => r.On == today)
                .Select(r => new { r.TaskId, r.OrganId, r.Kind }).ToListAsync(ct))
            .Select(r => (r.TaskId, r.OrganId, r.Kind)).ToHashSet();
        var now = clock.GetUtcNow();
        var written = due
            .DistinctBy(d => (d.Id, d.OrganId))
            .Select(d => new PlanReminder
            {
                TaskId = d.Id,
                OrganId = d.OrganId,
                Kind = d.Due < today ? PlanReminderKind.Overdue : PlanReminderKind.DueSoon,
                On = today,
                DueOn = d.Due,
                CreatedAt = now,
            })
            .Where(r => !already.Contains((r.TaskId, r.OrganId, r.Kind)))
            .ToList();
        if (written.Count == 0)
        {
            return new PlanReminderRun(today, 0, 0, 0);
        }

        db.PlanReminders.AddRange(written);
        var byOrgan = written.GroupBy(r => r.OrganId).ToList();
        foreach (var organ in byOrgan)
        {
            var soonCount = organ.Count(r => r.Kind == PlanReminderKind.DueSoon);
            var lateCount = organ.Count(r => r.Kind == PlanReminderKind.Overdue);
            audit.Record(PlanAuditActions.Remind, "Organ", organ.Key.ToString(),
                $"{ChineseDates.Long(today)}工作要点任务提醒：即将到期{soonCount}项，已逾期{lateCount}项", organ.Key);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new PlanReminderRun(today, written.Count(r => r.Kind == PlanReminderKind.DueSoon), written.Count(r => r.Kind == PlanReminderKind.Overdue), byOrgan.Count);
    }
}
