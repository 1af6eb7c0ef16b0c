using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Pages.Admin.Requests;

/// <summary>
/// The case page: the request, the applicant masked (opening the details is audited), the clock with its explanation,
/// and the form to record the next clock event. Another organ's request is not found.
/// </summary>
public sealed class ShowModel(GongkaiDb db, StaffAccess access, RequestClock clocks, ViewApplicant applicant) : PageModel
{
    public DisclosureRequest Case { get; private set; } = null!;
    public string OrganName { get; private set; } = "";
    public ApplicantDetails Applicant { get; private set; } = null!;
    public bool Revealed { get; private set; }
    public ClockState? Clock { get; private set; }
    public string? ClockError { get; private set; }

    [BindProperty]
    public ClockEventInput Step { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Applicant = await applicant.HandleAsync(Case, ct);
        Revealed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, [FromServices] RecordClockEvent record, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await this.TryAsync(() => record.HandleAsync(Case, Step, ct), "Step"))
        {
            TempData["Message"] = "已记录。";
            return Redirect($"/admin/requests/{id}");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var request = await db.DisclosureRequests.Include(r => r.Events).Include(r => r.Attachments).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !(await access.ScopeAsync(RequestAccess.Handlers)).Covers(request.OrganId))
        {
            return false;
        }

        Case = request;
        OrganName = await db.Organs.Where(o => o.Id == request.OrganId).Select(o => o.FullName).SingleAsync(ct);
        Applicant = applicant.Masked(request);
        try
        {
            Clock = await clocks.StateAsync(request, ct);
        }
        catch (CalendarRangeException e)
        {
            ClockError = e.Message;
        }

        return true;
    }
}
