using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>“Why is this 17?”: the requests behind one figure of the statistics or of table 三, within the viewer's scope.</summary>
public sealed class StatisticsRecordsModel(GongkaiDb db, StaffAccess access, RequestStatistics statistics) : PageModel
{
    public const int PageSize = 500;

    [BindProperty(SupportsGet = true)]
    public Guid? Organ { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestSet Set { get; set; } = RequestSet.Received;

    [BindProperty(SupportsGet = true)]
    public RequestChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicantType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestOutcome? Outcome { get; set; }

    public sealed record Row(Guid Id, string TrackingNumber, string Organ, RequestChannel Channel, ApplicantType Type, DateOnly ReceivedOn, DateOnly? ClosedOn, RequestOutcome? Outcome);

    public int Total { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public StatisticsPeriod Period { get; private set; } = StatisticsPeriod.Year(2026);

    public static string LinkTo(Guid? organ, StatisticsPeriod period, RequestCell cell) =>
        $"/admin/requests/statistics/records?organ={organ}&from={ChineseDates.Iso(period.From)}&to={ChineseDates.Iso(period.To)}&set={cell.Set}" +
        $"&channel={cell.Channel}&type={cell.ApplicantType}&outcome={cell.Outcome}";

    public string Title => Set switch
    {
        RequestSet.Received => "本期新收",
        RequestSet.CarriedIn => "上期结转",
        RequestSet.Closed => "本期办结",
        RequestSet.CarriedOut => "结转下期",
        RequestSet.ClosedLate => "逾期办结",
        RequestSet.OverdueNow => "当前逾期未办结",
        _ => Set.ToString(),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(RequestAccess.Viewers);
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        if (Organ is { } organ && !scope.Covers(organ))
        {
            return NotFound();
        }

        if (!ChineseDates.TryParseIso(From, out var from) || !ChineseDates.TryParseIso(To, out var to))
        {
            return BadRequest();
        }

        Period = StatisticsPeriod.Checked(from, to);
        IReadOnlyCollection<Guid>? organs = Organ is { } one ? [one] : scope.All ? null : scope.OrganIds.ToList();
        var query = RequestStatistics.Records(statistics.Of(organs), Period, new RequestCell(Set, Channel, Type, Outcome));
        Total = await query.CountAsync(ct);
        var names = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        Rows = (await query.OrderBy(r => r.ReceivedOn).ThenBy(r => r.TrackingNumber).Take(PageSize)
                .Select(r => new { r.Id, r.TrackingNumber, r.OrganId, r.Channel, r.ApplicantType, r.ReceivedOn, r.ClosedOn, r.Outcome }).ToListAsync(ct))
            .Select(r => new Row(r.Id, r.TrackingNumber, names.GetValueOrDefault(r.OrganId, ""), r.Channel, r.ApplicantType, r.ReceivedOn, r.ClosedOn, r.Outcome)).ToList();
        return Page();
    }
}
