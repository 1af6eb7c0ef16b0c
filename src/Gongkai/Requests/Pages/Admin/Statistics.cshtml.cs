using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>
/// 办理统计: for the organs the staff member sees (or one of them) and a period, requests received by channel and
/// applicant type, carried in and out, outcomes as table 三 rows, on-time rate, average working days and overdue now —
/// the same query as the annual report's table 三. Every figure links to its records.
/// </summary>
public sealed class StatisticsModel(GongkaiDb db, StaffAccess access, RequestStatistics statistics, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Organ { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Organs { get; private set; } = [];
    public RequestFigures? Figures { get; private set; }
    public string? Error { get; private set; }
    public StatisticsPeriod Period { get; private set; } = StatisticsPeriod.Year(2026);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(RequestAccess.Viewers);
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        var ids = scope.OrganIds.ToList();
        Organs = (await db.Organs.AsNoTracking().Where(o => o.ReceivesRequests).Within(scope, o => o.Id)
                .OrderBy(o => o.SortOrder).ThenBy(o => o.Code).Select(o => new { o.Id, o.ShortName }).ToListAsync(ct))
            .Select(o => (o.Id, o.ShortName)).ToList();
        if (Organ is { } organ && !scope.Covers(organ))
        {
            return NotFound();
        }

        var today = ChineseDates.Today(clock);
        var from = ChineseDates.TryParseIso(From, out var f) ? f : new DateOnly(today.Year, 1, 1);
        var to = ChineseDates.TryParseIso(To, out var t) ? t : today;
        From = ChineseDates.Iso(from);
        To = ChineseDates.Iso(to);
        try
        {
            Period = StatisticsPeriod.Checked(from, to);
            IReadOnlyCollection<Guid>? organs = Organ is { } one ? [one] : scope.All ? null : ids;
            Figures = await statistics.ComputeAsync(organs, Period, ct);
        }
        catch (ValidationFailure e)
        {
            Error = e.Message;
        }

        return Page();
    }

    /// <summary>The records behind a figure.</summary>
    public string Link(RequestCell cell) => StatisticsRecordsModel.LinkTo(Organ, Period, cell);
}
