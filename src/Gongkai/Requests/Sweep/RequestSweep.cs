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
/// read in batches in id order (keyset over a partial index of open requests; on SQLite organ by organ), so memory stays
/// flat at any volume. A row a handler changed after
/// the pass began is left alone: the handler's own write already recomputed it.
/// </summary>
public sealed class RequestSweep(GongkaiDb db, CalendarStore calendars, AuditLog audit, TimeProvider clock)
{
    public const int BatchSize = 2000;
    private const int ClosingBatchSize = 200;

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
        await using var cache = db.Database.IsSqlite() ? await SqliteWrites.LargeCacheAsync(db, ct) : null;
        var lapsed = new List<(Guid Id, RequestOutcome Outcome)>();
        // PostgreSQL walks all open requests in id order (a batch reads neighbouring heap pages); SQLite walks them organ by
        // organ, so a batch's index writes stay in one organ's part of the organ-led indexes (1,000,000 open: first pass
        // 208 s instead of 399 s, next day 66 s instead of 93 s; on PostgreSQL the organ walk was the slower one).
        IEnumerable<Guid?> walks = db.Database.IsSqlite()
            ? (await db.Organs.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct)).Select(o => (Guid?)o)
            : [null];
        foreach (var organ in walks)
        {
            run.Changed += await RecomputeAsync(organ, onlyPending, calendar, today, startedAt, run, lapsed, ct);
        }

        foreach (var chunk in lapsed.Chunk(ClosingBatchSize))
        {
            run.Closed += await CloseLapsedAsync(chunk, today, startedAt, ct);
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

    /// <summary>
    /// The open requests (of one organ, or all), read in batches in id order (keyset over the partial index of open
    /// requests, or of the organ's open requests).
    /// </summary>
    private async Task<int> RecomputeAsync(Guid? organ, bool onlyPending, WorkingDayCalendar calendar, DateOnly today, DateTimeOffset startedAt, RequestSweepRun run,
        List<(Guid Id, RequestOutcome Outcome)> lapsed, CancellationToken ct)
    {
        var changed = 0;
        var last = Guid.Empty;
        while (true)
        {
            var query = db.DisclosureRequests.AsNoTracking().Where(r => r.Stage != RequestStage.Closed && r.Id.CompareTo(last) > 0);
            if (organ is { } one)
            {
                query = query.Where(r => r.OrganId == one);
            }

            if (onlyPending)
            {
                query = query.Where(r => r.DuePending);
            }

            var rows = await query.OrderBy(r => r.Id).Take(BatchSize)
                .Select(r => new Row(r.Id, r.TrackingNumber, r.OrganId, r.Channel, r.SubmittedOn, r.SignedForOn, r.ConfirmedOn, r.Stage, r.DueOn, r.DuePending,
                    r.Timeliness, r.RegisteredOn != null, r.AssignedToId != null, r.ProposedOutcome != null, r.ReviewedOn != null))
                .ToListAsync(ct);
            if (rows.Count == 0)
            {
                break;
            }

            last = rows[^1].Id;
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
                if (state is { Phase: ClockPhase.Lapsed, LapsedAs: { } outcome })
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
                else if (row is { DuePending: true, DueOn: { } provisional })
                {
                    // The year's schedule is loaded: the provisional (暂定) date becomes final, for each request on its record.
                    audit.Record(RequestAuditActions.DueFinal, "DisclosureRequest", row.Id.ToString(),
                        $"申请{row.TrackingNumber}：{provisional.Year}年节假日安排已载入，答复期限由暂定的{ChineseDates.Long(provisional)}确定为"
                        + (now.DueOn is { } final ? ChineseDates.Long(final) : "无"), row.OrganId);
                }

                if (now != new Stored(row.DueOn, row.DuePending, row.Timeliness, row.Stage))
                {
                    (changes.TryGetValue(now, out var group) ? group : changes[now] = []).Add(row.Id);
                }
            }

            changed += await WriteChangesAsync(changes, today, startedAt, ct);
        }

        return changed;
    }

    /// <summary>
    /// Writes the recomputed copies. PostgreSQL: one UPDATE … FROM unnest(…) per batch. SQLite (one local file): the batch's
    /// values through one prepared INSERT into a temporary table, then one UPDATE of the rows whose ids are in it. Either way a row a handler touched after the pass began is skipped, and a changed row's version counts up (a handler's
    /// form read before the sweep's change loses with 409 like any other concurrent edit).
    /// </summary>
    private async Task<int> WriteChangesAsync(Dictionary<Stored, List<Guid>> changes, DateOnly today, DateTimeOffset startedAt, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return 0;
        }

        if (db.Database.IsNpgsql())
        {
            var rows = changes.SelectMany(c => c.Value.Select(id => (Id: id, c.Key))).ToList();
            // Table and column names are EF's defaults for DisclosureRequest (see its configuration).
            return await db.Database.ExecuteSqlRawAsync("""
                UPDATE disclosure_requests AS r
                SET "DueOn" = v.due, "DuePending" = v.pending, "Timeliness" = v.timeliness, "Stage" = v.stage, "CheckedOn" = @today,
                    "RowVersion" = r."RowVersion" + 1
                FROM unnest(@ids, @due, @pending, @timeliness, @stage) AS v(id, due, pending, timeliness, stage)
                WHERE r."Id" = v.id AND r."UpdatedAt" <= @started AND r."Stage" <> 'Closed'
                """,
                [
                    new Npgsql.NpgsqlParameter("today", today),
                    new Npgsql.NpgsqlParameter("started", startedAt.ToUniversalTime()),
                    new Npgsql.NpgsqlParameter("ids", rows.Select(r => r.Id).ToArray()),
                    new Npgsql.NpgsqlParameter("due", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date) { Value = rows.Select(r => (object?)r.Key.DueOn ?? DBNull.Value).ToArray() },
                    new Npgsql.NpgsqlParameter("pending", rows.Select(r => r.Key.DuePending).ToArray()),
                    new Npgsql.NpgsqlParameter("timeliness", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(r => (object?)r.Key.Timeliness?.ToString() ?? DBNull.Value).ToArray() },
                    new Npgsql.NpgsqlParameter("stage", rows.Select(r => r.Key.Stage.ToString()).ToArray()),
                ], ct);
        }

        if (db.Database.IsSqlite())
        {
            return await SqliteWrites.UpdateChangedAsync(db, changes.SelectMany(c => c.Value.Select(id => (id, c.Key.DueOn, c.Key.DuePending, c.Key.Timeliness, c.Key.Stage))),
                today, startedAt, ct);
        }

        var changed = 0;
        foreach (var (values, group) in changes)
        {
            changed += await db.DisclosureRequests
                .Where(r => group.Contains(r.Id) && r.UpdatedAt <= startedAt && r.Stage != RequestStage.Closed)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.DueOn, values.DueOn)
                    .SetProperty(r => r.DuePending, values.DuePending)
                    .SetProperty(r => r.Timeliness, values.Timeliness)
                    .SetProperty(r => r.Stage, values.Stage)
                    .SetProperty(r => r.CheckedOn, today)
                    .SetProperty(r => r.RowVersion, r => r.RowVersion + 1), ct);
        }

        return changed;
    }

    /// <summary>
    /// Art. 30 / 国办函〔2020〕109号: the applicant is deemed to have given up; the requests close as the clock says, each with
    /// its closing event and audit record, a chunk per unit of work.
    /// </summary>
    private async Task<int> CloseLapsedAsync((Guid Id, RequestOutcome Outcome)[] lapsed, DateOnly today, DateTimeOffset startedAt, CancellationToken ct)
    {
        var ids = lapsed.Select(l => l.Id).ToList();
        var requests = await db.DisclosureRequests.Include(r => r.Events).Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var closed = 0;
        foreach (var request in requests)
        {
            if (request.Stage == RequestStage.Closed || request.UpdatedAt > startedAt)
            {
                continue;
            }

            var outcome = lapsed.First(l => l.Id == request.Id).Outcome;
            var last = request.Events.Max(e => e.On);
            var closedOn = today < last ? last : today;
            var recorded = new RequestClockEvent
            {
                Kind = ClockEventKind.Closed,
                On = closedOn,
                Outcome = outcome,
                Note = "每日巡检：期限届满，视为放弃申请",
                RecordedAt = clock.GetUtcNow(),
                RecordedByName = "每日巡检",
            };
            request.Close(recorded, new ClockNow(calendar, today, clock.GetUtcNow(), Explain: false));
            db.RequestClockEvents.Add(recorded);
            audit.Record(RequestAuditActions.CloseLapsed, "DisclosureRequest", request.Id.ToString(),
                $"申请{request.TrackingNumber}：{outcome.Label()}，{ChineseDates.Long(closedOn)}由每日巡检办结", request.OrganId);
            closed++;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return closed;
    }

    /// <summary>Today's due-soon and overdue lists, from the stored timeliness just brought up to date; each line once a day.</summary>
    private async Task<int> WriteRemindersAsync(DateOnly today, CancellationToken ct)
    {
        var written = 0;
        var reminders = db.RequestReminders;
        var now = clock.GetUtcNow();
        foreach (var (timeliness, kind) in new[] { (Timeliness.DueSoon, ReminderKind.DueSoon), (Timeliness.Overdue, ReminderKind.Overdue) })
        {
            if (db.Database.IsNpgsql())
            {
                // One statement per list: the rows never leave the database. Names are EF's defaults (see the configurations).
                written += await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO request_reminders ("Id", "RequestId", "OrganId", "Kind", "On", "DueOn", "CreatedAt")
                    SELECT gen_random_uuid(), r."Id", r."OrganId", @kind, @today, r."DueOn", @now
                    FROM disclosure_requests AS r
                    WHERE r."Stage" <> 'Closed' AND r."Timeliness" = @timeliness AND r."DueOn" IS NOT NULL
                    ON CONFLICT ("RequestId", "Kind", "On") DO NOTHING
                    """,
                    [
                        new Npgsql.NpgsqlParameter("kind", kind.ToString()),
                        new Npgsql.NpgsqlParameter("today", today),
                        new Npgsql.NpgsqlParameter("now", now.ToUniversalTime()),
                        new Npgsql.NpgsqlParameter("timeliness", timeliness.ToString()),
                    ], ct);
                continue;
            }

            if (db.Database.IsSqlite())
            {
                written += await SqliteWrites.InsertRemindersAsync(db, kind, timeliness, today, now, ct);
                continue;
            }

            var due = await db.DisclosureRequests.AsNoTracking()
                .Where(r => r.Stage != RequestStage.Closed && r.Timeliness == timeliness && r.DueOn != null
                    && !reminders.Any(m => m.RequestId == r.Id && m.Kind == kind && m.On == today))
                .Select(r => new { r.Id, r.OrganId, DueOn = r.DueOn!.Value })
                .ToListAsync(ct);
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
