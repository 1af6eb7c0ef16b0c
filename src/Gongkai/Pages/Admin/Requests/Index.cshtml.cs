using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Pages.Admin.Requests;

/// <summary>The requests of the organs the handler may see (another organ's requests are not listed), open ones by due date.</summary>
public sealed class IndexModel(GongkaiDb db, StaffAccess access, CalendarStore calendars, TimeProvider clock) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public RequestStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public sealed record Row(Guid Id, string TrackingNumber, string Organ, string Channel, string ApplicantType, string ApplicantName,
        DateOnly ReceivedOn, RequestStage Stage, DateOnly? DueOn, Timeliness? Timeliness);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(RequestAccess.Handlers);
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        var ids = scope.OrganIds.ToList();
        var query = db.DisclosureRequests.AsNoTracking().Where(r => scope.All || ids.Contains(r.OrganId));
        if (Stage is { } stage)
        {
            query = query.Where(r => r.Stage == stage);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(r => r.TrackingNumber == q.ToUpper() || r.ApplicantName.Contains(q) || r.InformationWanted.Contains(q));
        }

        Total = await query.CountAsync(ct);
        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var rows = await query.OrderBy(r => r.Stage == RequestStage.Closed).ThenBy(r => r.DueOn).ThenBy(r => r.ReceivedOn).Take(PageSize).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var today = ChineseDates.Today(clock);
        Rows = rows.Select(r => new Row(r.Id, r.TrackingNumber, organs.GetValueOrDefault(r.OrganId, ""), r.Channel.ToString(), r.ApplicantType.ToString(),
            r.ApplicantName, r.ReceivedOn, r.Stage, r.DueOn, TimelinessOf(calendar, r, today))).ToList();
        return Page();
    }

    /// <summary>From the stored due date, for the list; the case page recomputes it from the events.</summary>
    private static Timeliness? TimelinessOf(WorkingDayCalendar calendar, DisclosureRequest r, DateOnly today)
    {
        if (r.DueOn is not { } due || r.Stage == RequestStage.Closed || !calendar.Covers(today) || !calendar.Covers(due))
        {
            return null;
        }

        return today > due ? Timeliness.Overdue
            : calendar.WorkingDaysBetween(today, due) <= ReplyDeadline.DueSoonWorkingDays ? Timeliness.DueSoon : Timeliness.OnTime;
    }
}
