using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Sweep;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Pages.Admin.Requests;

/// <summary>
/// The handler's queues (新收、待登记、办理中、待审核、等待补正、征求意见、等待缴费、待送达、已办结) with counts, today's
/// due-soon and overdue lists, and the requests whose due date waits for the next year's calendar. Another organ's
/// requests are never listed.
/// </summary>
public sealed class IndexModel(GongkaiDb db, RequestCases cases, TimeProvider clock) : PageModel
{
    public const int PageSize = 200;

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

    public sealed record Row(Guid Id, string TrackingNumber, string Organ, Gongkai.Requests.Intake.RequestChannel Channel, Gongkai.Requests.Applicants.ApplicantType ApplicantType,
        string ApplicantName, DateOnly ReceivedOn, RequestStage Stage, DateOnly? DueOn, bool DuePending, Timeliness? Timeliness, string? AssignedTo);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyDictionary<RequestStage, int> Queues { get; private set; } = new Dictionary<RequestStage, int>();
    public int DueSoonToday { get; private set; }
    public int OverdueToday { get; private set; }
    public int DuePendingCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await cases.ScopeAsync();
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        var today = ChineseDates.Today(clock);
        var query = List is { } kind ? cases.OnReminderList(scope, kind, today) : Pending ? cases.DuePending(scope) : cases.Visible(scope);
        if (Stage is { } stage)
        {
            query = query.Where(r => r.Stage == stage);
        }

        if (Mine)
        {
            var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            query = query.Where(r => r.AssignedToId == me);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(r => r.TrackingNumber == q.ToUpper() || r.ApplicantName.Contains(q) || r.InformationWanted.Contains(q));
        }

        Total = await query.CountAsync(ct);
        Queues = await cases.QueueCountsAsync(scope, ct);
        DueSoonToday = await cases.OnReminderList(scope, ReminderKind.DueSoon, today).CountAsync(ct);
        OverdueToday = await cases.OnReminderList(scope, ReminderKind.Overdue, today).CountAsync(ct);
        DuePendingCount = await cases.DuePending(scope).CountAsync(ct);
        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var rows = await query.OrderBy(r => r.Stage == RequestStage.Closed).ThenBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenBy(r => r.ReceivedOn)
            .Take(PageSize)
            .Select(r => new { r.Id, r.TrackingNumber, r.OrganId, r.Channel, r.ApplicantType, r.ApplicantName, r.ReceivedOn, r.Stage, r.DueOn, r.DuePending, r.Timeliness, r.AssignedToName })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.TrackingNumber, organs.GetValueOrDefault(r.OrganId, ""), r.Channel, r.ApplicantType, r.ApplicantName, r.ReceivedOn,
            r.Stage, r.DueOn, r.DuePending, r.Stage == RequestStage.Closed ? null : r.Timeliness, r.AssignedToName)).ToList();
        return Page();
    }
}
