using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Statistics;

/// <summary>
/// The figures of <see cref="RequestStatistics"/> for every organ at once: the same sets (<see cref="RequestStatistics.In"/>),
/// each counted by one query grouped by organ as well, so all organs' reports cost a handful of scans instead of a
/// handful per organ. An organ without requests gets empty figures.
/// </summary>
public sealed class RequestStatisticsByOrgan(GongkaiDb db, CalendarStore calendars)
{
    public async Task<IReadOnlyDictionary<Guid, RequestFigures>> ComputeAsync(IReadOnlyCollection<Guid> organIds, StatisticsPeriod period, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        if (!calendar.Covers(period.From) || !calendar.Covers(period.To))
        {
            throw new ValidationFailure(
                $"{period.Label}超出已载入的节假日安排（{calendar.FirstDate.Year}—{calendar.LastDate.Year}年），无法计算工作日，请先载入该年度的节假日安排。");
        }

        var all = db.DisclosureRequests.AsNoTracking();
        var received = await RequestStatistics.In(all, period, RequestSet.Received)
            .GroupBy(r => new { r.OrganId, r.Channel, r.ApplicantType }).Select(g => new { g.Key.OrganId, g.Key.Channel, g.Key.ApplicantType, Count = g.Count() }).ToListAsync(ct);
        var carriedIn = await RequestStatistics.In(all, period, RequestSet.CarriedIn)
            .GroupBy(r => new { r.OrganId, r.ApplicantType }).Select(g => new { g.Key.OrganId, g.Key.ApplicantType, Count = g.Count() }).ToListAsync(ct);
        var closed = await RequestStatistics.In(all, period, RequestSet.Closed)
            .GroupBy(r => new { r.OrganId, r.Outcome, r.ApplicantType, Late = r.Timeliness == Timeliness.Overdue })
            .Select(g => new { g.Key.OrganId, g.Key.Outcome, g.Key.ApplicantType, g.Key.Late, Count = g.Count() }).ToListAsync(ct);
        var carriedOut = await RequestStatistics.In(all, period, RequestSet.CarriedOut)
            .GroupBy(r => new { r.OrganId, r.ApplicantType }).Select(g => new { g.Key.OrganId, g.Key.ApplicantType, Count = g.Count() }).ToListAsync(ct);
        var overdueNow = await RequestStatistics.In(all, period, RequestSet.OverdueNow)
            .GroupBy(r => r.OrganId).Select(g => new { OrganId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var spans = await RequestStatistics.In(all, period, RequestSet.Closed)
            .GroupBy(r => new { r.OrganId, r.ReceivedOn, r.ClosedOn }).Select(g => new { g.Key.OrganId, g.Key.ReceivedOn, g.Key.ClosedOn, Count = g.Count() }).ToListAsync(ct);

        // Working days per distinct (received, closed) pair, counted once for all organs.
        var days = new Dictionary<(DateOnly, DateOnly), int>();
        var taken = new Dictionary<Guid, (long Days, int Measured)>();
        foreach (var s in spans)
        {
            if (s.ClosedOn is { } closedOn && calendar.Covers(s.ReceivedOn) && calendar.Covers(closedOn) && closedOn >= s.ReceivedOn)
            {
                if (!days.TryGetValue((s.ReceivedOn, closedOn), out var d))
                {
                    days[(s.ReceivedOn, closedOn)] = d = calendar.WorkingDaysBetween(s.ReceivedOn, closedOn);
                }

                var t = taken.GetValueOrDefault(s.OrganId);
                taken[s.OrganId] = (t.Days + (long)d * s.Count, t.Measured + s.Count);
            }
        }

        var result = new Dictionary<Guid, RequestFigures>();
        foreach (var organ in organIds)
        {
            var c = closed.Where(x => x.OrganId == organ).ToList();
            var t = taken.GetValueOrDefault(organ);
            result[organ] = new RequestFigures(
                period,
                received.Where(x => x.OrganId == organ).ToDictionary(x => (x.Channel, x.ApplicantType), x => x.Count),
                carriedIn.Where(x => x.OrganId == organ).ToDictionary(x => x.ApplicantType, x => x.Count),
                c.Where(x => x.Outcome is not null).GroupBy(x => (x.Outcome!.Value, x.ApplicantType)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
                carriedOut.Where(x => x.OrganId == organ).ToDictionary(x => x.ApplicantType, x => x.Count),
                c.Where(x => x.Late).Sum(x => x.Count),
                c.Where(x => x.Outcome is null).GroupBy(x => x.ApplicantType).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
                overdueNow.Where(x => x.OrganId == organ).Sum(x => x.Count),
                t.Days,
                t.Measured);
        }

        return result;
    }
}
