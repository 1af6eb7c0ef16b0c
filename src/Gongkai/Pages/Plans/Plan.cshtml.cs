using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Pages.Plans;

/// <summary>A public plan: each task with units, deadline, standing and the latest progress the office made public.</summary>
public sealed class PlanModel(GongkaiDb db, PlanLedger ledger) : PageModel
{
    public WorkPlan Plan { get; private set; } = null!;
    public List<LedgerRow> Rows { get; private set; } = [];
    public LedgerSummary Summary { get; private set; } = new(0, 0, 0, 0);
    public List<Organ> Organs { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Organ { get; set; }

    [BindProperty(SupportsGet = true)]
    public TaskStanding? Standing { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.WorkPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsPublic, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        Guid? organId = null;
        if (!string.IsNullOrEmpty(Organ))
        {
            organId = await db.Organs.Where(o => o.Code == Organ).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        }

        Rows = await ledger.RowsAsync(id, organId, Standing, publicOnly: true, ct: ct);
        Summary = await ledger.SummaryAsync(id, ct);
        var tasks = db.PlanTasks;
        var organIds = db.PlanTaskOrgans.Where(o => tasks.Any(t => t.Id == o.TaskId && t.PlanId == id)).Select(o => o.OrganId).Distinct();
        Organs = await db.Organs.AsNoTracking().Where(o => organIds.Contains(o.Id)).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        return Page();
    }
}
