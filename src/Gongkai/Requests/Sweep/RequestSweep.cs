using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Sweep;

/// <summary>
/// One pass over the open requests (每日巡检): recomputes each due date, pending flag, timeliness and stage from its events
/// with the pure clock (no explanation sentences), writes only what changed, set-based per group of equal values, closes
/// requests whose 补正 or fee period lapsed (其他处理-1/-2) and writes the day's due-soon and overdue lists. Requests are
/// read in batches in tracking-number order (keyset), so memory stays flat at any volume. A row a handler changed after
/// the pass began is left alone: the handler's own write already recomputed it.
/// </summary>
public sealed class RequestSweep(GongkaiDb db, CalendarStore calendars, AuditLog audit, TimeProvider clock)
{
    public const int BatchSize = 2000;

    /// <summary>What the sweep reads of a request: the receipt, the handling flags and the stored copies.</summary>
    private sealed record Row(Guid Id, string TrackingNumber, Guid OrganId, RequestChannel Channel, DateOnly SubmittedOn, DateOnly? SignedForOn,
        DateOnly? ConfirmedOn, RequestStage Stage, DateOnly? DueOn, bool DuePending, Timeliness? Timeliness, bool Registered, bool Assigned,
        bool Proposed, bool Reviewed);

    private sealed record Stored(DateOnly? DueOn, bool DuePending, Timeliness? Timeliness, RequestStage Stage);

    public async Task<RequestSweepRun> RunAsync(string trigger, bool onlyPending, CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow();
        var today = ChineseDates.Today(clock);
        var calendar = await calendars.GetAsync(ct);
        var run = new RequestSweepRun { Day = today, Trigger = trigger, StartedAt = startedAt };
        var lapsed = new List<(Guid Id, RequestOutcome Outcome)>();
        var last = "";
        while (true)
        {
            var query = db.DisclosureRequests.AsNoTracking().Where(r => r.Stage != RequestStage.Closed && string.Compare(r.TrackingNumber, last) > 0);
            if (onlyPending)
            {
                query = query.Where(r => r.DuePending);
            }

            var rows = await query.OrderBy(r => r.TrackingNumber).Take(BatchSize)
                .Select(r => new Row(r.Id, r.TrackingNumber, r.OrganId, r.Channel, r.SubmittedOn, r.SignedForOn, r.ConfirmedOn, r.Stage, r.DueOn, r.DuePending,
                    r.Timeliness, r.RegisteredOn != null, r.AssignedToId != null, r.ProposedOutcome != null, r.ReviewedOn != null))
                .ToListAsync(ct);
            if (rows.Count == 0)
            {
                break;
            }

            last = rows[^1].TrackingNumber;
            var ids = rows.Select(r => r.Id).ToList();
            var events = (await db.RequestClockEvents.AsNoTracking().Where(e => ids.Contains(e.RequestId))
                    .Select(e => new { e.RequestId, Entry = new ClockEntry(e.Kind, e.On, e.Until, e.WorkingDays, e.Party, e.ApprovedBy) })
                    .ToListAsync(ct))
                .ToLookup(e => e.RequestId, e => e.Entry);

            var changes = new Dictionary<Stored, List<Guid>>();
            foreach (var row in rows)
            {
                var entries = events[row.Id].ToList();
                var state = ReplyDeadline.Compute(calendar, ReceiptDate.Determine(row.Channel, row.SubmittedOn, row.SignedForOn, row.ConfirmedOn), entries, today,
                    explain: false);
                run.Checked++;
                if (state.LapsedAs is { } outcome)
                {
                    lapsed.Add((row.Id, outcome));
                    continue;
                }

                var now = new Stored(state.DueOn, state.DuePending, state.DueOn is null ? null : state.Timeliness,
                    RequestStages.Derive(state.Phase, row.Proposed, row.Reviewed, row.Assigned || entries.Count > 0, row.Registered));
                if (now.DuePending)
                {
                    run.StillPending++;
                }

                if (now != new Stored(row.DueOn, row.DuePending, row.Timeliness, row.Stage))
                {
                    (changes.TryGetValue(now, out var group) ? group : changes[now] = []).Add(row.Id);
                }
            }

            foreach (var (values, group) in changes)
            {
                run.Changed += await db.DisclosureRequests
                    .Where(r => group.Contains(r.Id) && r.UpdatedAt <= startedAt && r.Stage != RequestStage.Closed)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.DueOn, values.DueOn)
                        .SetProperty(r => r.DuePending, values.DuePending)
                        .SetProperty(r => r.Timeliness, values.Timeliness)
                        .SetProperty(r => r.Stage, values.Stage)
                        .SetProperty(r => r.CheckedOn, today), ct);
            }
        }

        foreach (var (id, outcome) in lapsed)
        {
            run.Closed += await CloseLapsedAsync(id, outcome, today, startedAt, ct) ? 1 : 0;
        }

        if (!onlyPending)
        {
            run.Reminders = await WriteRemindersAsync(today, ct);
        }

        run.FinishedAt = clock.GetUtcNow();
        db.RequestSweepRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return run;
    }

    /// <summary>Art. 30 / 国办函〔2020〕109号: the applicant is deemed to have given up; the request closes as the clock says.</summary>
    private async Task<bool> CloseLapsedAsync(Guid id, RequestOutcome outcome, DateOnly today, DateTimeOffset startedAt, CancellationToken ct)
    {
        var request = await db.DisclosureRequests.Include(r => r.Events).SingleAsync(r => r.Id == id, ct);
        if (request.Stage == RequestStage.Closed || request.UpdatedAt > startedAt)
        {
            return false;
        }

        var closedOn = today < request.Events.Max(e => e.On) ? request.Events.Max(e => e.On) : today;
        var recorded = new RequestClockEvent
        {
            RequestId = request.Id,
            Sequence = request.Events.Max(e => e.Sequence) + 1,
            Kind = ClockEventKind.Closed,
            On = closedOn,
            Outcome = outcome,
            Note = "每日巡检：期限届满，视为放弃申请",
            RecordedAt = clock.GetUtcNow(),
            RecordedByName = "每日巡检",
        };
        db.RequestClockEvents.Add(recorded);
        request.Events.Add(recorded);
        var state = ReplyDeadline.Compute(await calendars.GetAsync(ct), request.Receipt(), request.ClockEntries(), today, explain: false);
        RequestClock.Apply(request, state, today);
        request.Outcome = outcome;
        request.ClosedOn = closedOn;
        request.UpdatedAt = clock.GetUtcNow();
        audit.Record("request.close.lapsed", "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：{outcome.Label()}，{ChineseDates.Long(closedOn)}由每日巡检办结", request.OrganId);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Today's due-soon and overdue lists, from the stored timeliness just brought up to date; each line once a day.</summary>
    private async Task<int> WriteRemindersAsync(DateOnly today, CancellationToken ct)
    {
        var written = 0;
        var reminders = db.RequestReminders;
        foreach (var (timeliness, kind) in new[] { (Timeliness.DueSoon, ReminderKind.DueSoon), (Timeliness.Overdue, ReminderKind.Overdue) })
        {
            var due = await db.DisclosureRequests.AsNoTracking()
                .Where(r => r.Stage != RequestStage.Closed && r.Timeliness == timeliness && r.DueOn != null
                    && !reminders.Any(m => m.RequestId == r.Id && m.Kind == kind && m.On == today))
                .Select(r => new { r.Id, r.OrganId, DueOn = r.DueOn!.Value })
                .ToListAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var chunk in due.Chunk(BatchSize))
            {
                db.RequestReminders.AddRange(chunk.Select(r => new RequestReminder { RequestId = r.Id, OrganId = r.OrganId, Kind = kind, On = today, DueOn = r.DueOn, CreatedAt = now }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                written += chunk.Length;
            }
        }

        return written;
    }
}
