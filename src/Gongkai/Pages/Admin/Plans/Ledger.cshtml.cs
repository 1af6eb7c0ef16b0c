using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Pages.Admin.Plans;

/// <summary>A plan's ledger: every task (those of the user's organs, for organ staff) with standing and progress.</summary>
public sealed class LedgerModel(GongkaiDb db, PlanWork work, PlanLedger ledger) : PageModel
{
    public WorkPlan Plan { get; private set; } = null!;
    public List<LedgerRow> Rows { get; private set; } = [];
    public LedgerSummary Summary { get; private set; } = new(0, 0, 0, 0);
    public List<Organ> Organs { get; private set; } = [];
    public bool IsOffice { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Organ { get; set; }

    [BindProperty(SupportsGet = true)]
    public TaskStanding? Standing { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.WorkPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        var scope = await work.ScopeAsync();
        if (plan is null || scope.IsEmpty)
        {
            return false;
        }

        Plan = plan;
        IsOffice = await work.IsOfficeAsync();
        Guid? organId = null;
        if (!string.IsNullOrEmpty(Organ))
        {
            organId = await db.Organs.Where(o => o.Code == Organ).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        }

        Rows = await ledger.RowsAsync(id, organId, Standing, publicOnly: false, scope, ct);
        Summary = await ledger.SummaryAsync(id, ct);
        var tasks = db.PlanTasks;
        var organIds = db.PlanTaskOrgans.Where(o => tasks.Any(t => t.Id == o.TaskId && t.PlanId == id)).Select(o => o.OrganId).Distinct();
        Organs = await db.Organs.AsNoTracking().Where(o => organIds.Contains(o.Id)).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return File(PlanExport.Write(Plan.Title, Rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Plan.Title}-任务台账.xlsx");
    }

    public async Task<IActionResult> OnPostPublicAsync(Guid id, bool isPublic, CancellationToken ct)
    {
        try
        {
            await work.SetPlanPublicAsync(id, isPublic, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (Gongkai.Platform.ForbiddenAction e)
        {
            return StatusCode(403, e.Message);
        }

        return Redirect($"/admin/plans/{id}");
    }
}
