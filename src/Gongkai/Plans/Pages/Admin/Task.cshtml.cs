using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gongkai.Plans.Pages.Admin;

/// <summary>What an organ reports on a task.</summary>
public sealed class ProgressInput
{
    public Guid OrganId { get; set; }
    public string Text { get; set; } = "";
    public int Percent { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>One task: progress reports, the lead organ's confirmation, the office's comments and public marking.</summary>
public sealed class TaskModel(GongkaiDb db, PlanWork work, StaffAccess access, IStringLocalizer<SharedResource> L) : PageModel
{
    public PlanTask Task { get; private set; } = null!;
    public WorkPlan Plan { get; private set; } = null!;
    public List<PlanProgress> Progress { get; private set; } = [];
    public List<PlanComment> Comments { get; private set; } = [];
    public Dictionary<Guid, Organ> Organs { get; private set; } = [];
    public List<Organ> ReportingOrgans { get; private set; } = [];
    public bool IsOffice { get; private set; }

    [BindProperty]
    public ProgressInput Input { get; set; } = new();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var task = await work.FindAsync(id, ct);
        if (task is null)
        {
            return false;
        }

        Task = task;
        Plan = await db.WorkPlans.AsNoTracking().SingleAsync(p => p.Id == task.PlanId, ct);
        Progress = await db.PlanProgress.AsNoTracking().Where(p => p.TaskId == id).OrderByDescending(p => p.ReportedAt).ToListAsync(ct);
        Comments = await db.PlanComments.AsNoTracking().Where(c => c.TaskId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        var ids = task.Organs.Select(o => o.OrganId).Concat(Progress.Select(p => p.OrganId)).Distinct().ToList();
        Organs = await db.Organs.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var scope = await access.ScopeAsync(StaffRole.DepartmentAdministrator, StaffRole.Editor, StaffRole.OpennessOffice);
        ReportingOrgans = task.Organs.Select(o => o.OrganId).Distinct().Where(o => scope.Covers(o) && Organs.ContainsKey(o)).Select(o => Organs[o]).ToList();
        IsOffice = await work.IsOfficeAsync();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => work.ReportAsync(id, Input.OrganId, Input.Text, Input.Percent, Input.Evidence, ct), L["已报送进展。"], ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => work.ConfirmAsync(id, ct), L["已确认完成。"], ct);

    public Task<IActionResult> OnPostCommentAsync(Guid id, string comment, CancellationToken ct) =>
        ActAsync(id, () => work.CommentAsync(id, comment, ct), L["已发出督办意见。"], ct);

    public Task<IActionResult> OnPostPublicAsync(Guid id, Guid progressId, bool isPublic, CancellationToken ct) =>
        ActAsync(id, () => work.SetProgressPublicAsync(progressId, isPublic, ct), isPublic ? L["该进展已向社会公开。"] : L["该进展已不再公开。"], ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, string done, CancellationToken ct)
    {
        if (await work.FindAsync(id, ct) is null)
        {
            return NotFound();
        }

        bool ok;
        try
        {
            ok = await this.TryAsync(action);
        }
        catch (ForbiddenAction e)
        {
            return StatusCode(403, e.Message);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        if (!ok)
        {
            await LoadAsync(id, ct);
            return Page();
        }

        TempData["Message"] = done;
        return Redirect($"/admin/plans/tasks/{id}");
    }
}
