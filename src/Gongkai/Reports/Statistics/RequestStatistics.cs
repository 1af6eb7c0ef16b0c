using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Statistics;

/// <summary>Which requests a figure counts; the statistics page and the annual report's table 三 link each cell to them.</summary>
public enum RequestSet
{
    /// <summary>本期新收: received in the period.</summary>
    Received = 1,
    /// <summary>上期结转: received before the period and not closed before it began.</summary>
    CarriedIn = 2,
    /// <summary>本期办结: closed in the period (its outcome row).</summary>
    Closed = 3,
    /// <summary>结转下期: received by the end of the period and not closed by then.</summary>
    CarriedOut = 4,
    /// <summary>本期办结中逾期办结的.</summary>
    ClosedLate = 5,
    /// <summary>当前已逾期 (open and overdue at the last check, whatever the period).</summary>
    OverdueNow = 6,
}

/// <summary>A cell of the statistics: the set and, when the cell is narrower, the channel, applicant type and outcome.</summary>
public sealed record RequestCell(RequestSet Set, RequestChannel? Channel = null, ApplicantType? ApplicantType = null, RequestOutcome? Outcome = null);

/// <summary>
/// The one count of request records behind both the staff statistics page (issue 4 item 7) and table 三 of the annual
/// report: for organs and a period, received by channel × applicant type, carried in and out by applicant type, closed by
/// table-三 outcome × applicant type, on time and late, working days taken, overdue now. Every request of the organs is in
/// exactly one of 上期结转+本期新收 = 本期办结+结转下期 (rule R1), by construction of the sets below.
/// </summary>
public sealed class RequestStatistics(GongkaiDb db, CalendarStore calendars)
{
    /// <summary>The requests of a cell, for “why is this 17?”.</summary>
    public static IQueryable<DisclosureRequest> Records(IQueryable<DisclosureRequest> requests, StatisticsPeriod p, RequestCell cell)
    {
        var q = In(requests, p, cell.Set);
        if (cell.Channel is { } channel)
        {
            q = q.Where(r => r.Channel == channel);
        }

        if (cell.ApplicantType is { } type)
        {
            q = q.Where(r => r.ApplicantType == type);
        }

        if (cell.Outcome is { } outcome)
        {
            q = q.Where(r => r.Outcome == outcome);
        }

        return q;
    }

    public static IQueryable<DisclosureRequest> In(IQueryable<DisclosureRequest> q, StatisticsPeriod p, RequestSet set)
    {
        var (from, to) = (p.From, p.To);
        return set switch
        {
            RequestSet.Received => q.Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to),
            RequestSet.CarriedIn => q.Where(r => r.ReceivedOn < from && (r.ClosedOn == null || r.ClosedOn >= from)),
            RequestSet.Closed => q.Where(r => r.ClosedOn != null && r.ClosedOn >= from && r.ClosedOn <= to && r.ReceivedOn <= to),
            RequestSet.CarriedOut => q.Where(r => r.ReceivedOn <= to && (r.ClosedOn == null || r.ClosedOn > to)),
            RequestSet.ClosedLate => q.Where(r => r.ClosedOn != null && r.ClosedOn >= from && r.ClosedOn <= to && r.ReceivedOn <= to && r.Timeliness == Timeliness.Overdue),
            RequestSet.OverdueNow => q.Where(r => r.Stage != RequestStage.Closed && r.Timeliness == Timeliness.Overdue),
            _ => throw new ArgumentOutOfRangeException(nameof(set)),
        };
    }

    /// <summary>The requests of the given organs (all organs when null).</summary>
    public IQueryable<DisclosureRequest> Of(IReadOnlyCollection<Guid>? organIds)
    {
        var q = db.DisclosureRequests.AsNoTracking();
        if (organIds is null)
        {
            return q;
        }

        var ids = organIds.ToList();
        return ids.Count == 1 ? q.Where(r => r.OrganId == ids[0]) : q.Where(r => ids.Contains(r.OrganId));
    }

    /// <summary>The figures for the organs (null: all) and the period. Refuses a period the loaded calendar does not cover.</summary>
    public async Task<RequestFigures> ComputeAsync(IReadOnlyCollection<Guid>? organIds, StatisticsPeriod period, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        if (!calendar.Covers(period.From) || !calendar.Covers(period.To))
        {
            throw new ValidationFailure(
                $"{period.Label}超出已载入的节假日安排（{calendar.FirstDate.Year}—{calendar.LastDate.Year}年），无法计算工作日，请先载入该年度的节假日安排。");
        }

        var all = Of(organIds);
        var received = await In(all, period, RequestSet.Received)
            .GroupBy(r => new { r.Channel, r.ApplicantType }).Select(g => new { g.Key.Channel, g.Key.ApplicantType, Count = g.Count() }).ToListAsync(ct);
        var carriedIn = await In(all, period, RequestSet.CarriedIn)
            .GroupBy(r => r.ApplicantType).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(ct);
        var closed = await In(all, period, RequestSet.Closed)
            .GroupBy(r => new { r.Outcome, r.ApplicantType, Late = r.Timeliness == Timeliness.Overdue })
            .Select(g => new { g.Key.Outcome, g.Key.ApplicantType, g.Key.Late, Count = g.Count() }).ToListAsync(ct);
        var carriedOut = await In(all, period, RequestSet.CarriedOut)
            .GroupBy(r => r.ApplicantType).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdueNow = await In(all, period, RequestSet.OverdueNow).CountAsync(ct);
        // Working days taken: one row per (received, closed) pair, counted on the calendar in memory.
        var spans = await In(all, period, RequestSet.Closed)
            .GroupBy(r => new { r.ReceivedOn, r.ClosedOn }).Select(g => new { g.Key.ReceivedOn, g.Key.ClosedOn, Count = g.Count() }).ToListAsync(ct);

        long workingDays = 0;
        var measured = 0;
        foreach (var s in spans)
        {
            if (s.ClosedOn is { } closedOn && calendar.Covers(s.ReceivedOn) && calendar.Covers(closedOn) && closedOn >= s.ReceivedOn)
            {
                workingDays += (long)calendar.WorkingDaysBetween(s.ReceivedOn, closedOn) * s.Count;
                measured += s.Count;
            }
        }

        return new RequestFigures(
            period,
            received.ToDictionary(r => (r.Channel, r.ApplicantType), r => r.Count),
            carriedIn.ToDictionary(r => r.Type, r => r.Count),
            closed.Where(c => c.Outcome is not null).GroupBy(c => (c.Outcome!.Value, c.ApplicantType)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            carriedOut.ToDictionary(r => r.Type, r => r.Count),
            closed.Where(c => c.Late).Sum(c => c.Count),
            closed.Where(c => c.Outcome is null).GroupBy(c => c.ApplicantType).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            overdueNow,
            workingDays,
            measured);
    }
}
