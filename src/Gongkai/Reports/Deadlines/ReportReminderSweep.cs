using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Reports.Annual;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Deadlines;

/// <summary>What one run wrote: the reporting year and how many organs were reminded (due) or found late.</summary>
public sealed record ReminderRun(DateOnly Day, int Year, int Due, int Overdue, bool AlreadyDone);

/// <summary>
/// The daily annual-report reminders (Art. 49): on each district day, for the year just ended, every active organ whose
/// report is not yet published gets a line on that day's list — 待发布 until its deadline (31 January; the district
/// government 31 March), 已逾期 after it, until it is published. Reminders start on 1 January. Idempotent per day (a
/// second run, or a second node, writes nothing); the run is audited when it writes. <see cref="RunAsync"/> takes the day,
/// so tests drive it with a fake clock.
/// </summary>
public sealed class ReportReminderSweep(GongkaiDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<ReminderRun> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        var year = today.Year - 1;
        if (await db.Set<ReportReminder>().AnyAsync(r => r.On == today && r.Year == year, ct))
        {
            return new ReminderRun(today, year, 0, 0, AlreadyDone: true);
        }

        var published = db.AnnualReports.Where(r => r.Year == year && r.Status == ReportStatus.Published).Select(r => r.OrganId);
        var organs = await db.Organs.AsNoTracking().Where(o => o.IsActive && !published.Contains(o.Id))
            .Select(o => new { o.Id, o.Kind }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var lines = organs.Select(o =>
        {
            var due = ReportDeadlines.For(o.Kind, year);
            return new ReportReminder { OrganId = o.Id, Year = year, On = today, DueOn = due, Kind = today > due ? ReportReminderKind.Overdue : ReportReminderKind.Due, CreatedAt = now };
        }).ToList();
        if (lines.Count == 0)
        {
            return new ReminderRun(today, year, 0, 0, AlreadyDone: false);
        }

        db.Set<ReportReminder>().AddRange(lines);
        var (dueCount, lateCount) = (lines.Count(l => l.Kind == ReportReminderKind.Due), lines.Count(l => l.Kind == ReportReminderKind.Overdue));
        audit.Record(ReportAuditActions.Reminders, "AnnualReport", $"{year}", $"{ChineseDates.Long(today)}年度报告提醒：{year}年度报告待发布{dueCount}个机关，逾期未发布{lateCount}个机关");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node wrote the day's list first (unique index): nothing more to do; anything else is an error.
            db.ChangeTracker.Clear();
            if (await db.Set<ReportReminder>().AnyAsync(r => r.On == today && r.Year == year, ct))
            {
                return new ReminderRun(today, year, 0, 0, AlreadyDone: true);
            }

            throw;
        }

        return new ReminderRun(today, year, dueCount, lateCount, AlreadyDone: false);
    }
}
