using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Sweep;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>
/// The handler's queues (新收、待登记、办理中、待审核、等待补正、征求意见、等待缴费、待送达、已办结) with counts, today's
/// due-soon and overdue lists, and the requests whose due date waits for the next year's calendar. Another organ's
/// requests are never listed.
/// </summary>
public sealed class IndexModel(GongkaiDb db, RequestCases cases, RequestQueue queue, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RequestStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Today's reminder list (DueSoon or Overdue).</summary>
    [BindProperty(SupportsGet = true)]
    public ReminderKind? List { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Pending { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    /// <summary>The page shown ("page" is also a route value in Razor Pages, so it is bound from the query only).</summary>
    public int PageNumber { get; private set; } = 1;

    public sealed record Row(Guid Id, string TrackingNumber, string Organ, Gongkai.Requests.Intake.RequestChannel Channel, Gongkai.Requests.Applicants.ApplicantType ApplicantType,
        string ApplicantName, DateOnly ReceivedOn, RequestStage Stage, DateOnly? DueOn, bool DuePending, Timeliness? Timeliness, string? AssignedTo);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; } = 1;
    public IReadOnlyDictionary<RequestStage, int> Queues { get; private set; } = new Dictionary<RequestStage, int>();
    public int DueSoonToday { get; private set; }
    public int OverdueToday { get; private set; }
    public int DuePendingCount { get; private set; }

    /// <summary>The same view on another page.</summary>
    public string PageLink(int page) => QueryHelpers.AddQueryString("/admin/requests", new Dictionary<string, string?>
    {
        ["stage"] = Stage?.ToString(),
        ["list"] = List?.ToString(),
        ["pending"] = Pending ? "true" : null,
        ["mine"] = Mine ? "true" : null,
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var scope = await cases.ScopeAsync();
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        var today = ChineseDates.Today(clock);
        var me = Mine ? User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "" : null;
        var found = await queue.PageAsync(scope, new QueueFilter(Stage, List, Pending, me, Q, Page: page ?? 1), today, ct);
        (Total, PageNumber, PageCount) = (found.Total, found.Page, found.PageCount);
        Queues = await cases.QueueCountsAsync(scope, ct);
        DueSoonToday = await cases.OnReminderList(scope, ReminderKind.DueSoon, today).CountAsync(ct);
        OverdueToday = await cases.OnReminderList(scope, ReminderKind.Overdue, today).CountAsync(ct);
        DuePendingCount = await cases.DuePending(scope).CountAsync(ct);
        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        Rows = found.Rows.Select(r => new Row(r.Id, r.TrackingNumber, organs.GetValueOrDefault(r.OrganId, ""), r.Channel, r.ApplicantType, r.ApplicantName, r.ReceivedOn,
            r.Stage, r.DueOn, r.DuePending, RequestCases.ListTimeliness(r), r.AssignedToName)).ToList();
        return Page();
    }
}
