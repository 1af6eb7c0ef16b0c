using System.Globalization;
using Gongkai.Platform.Web;
using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Pages;

/// <summary>A public plan, 100 tasks a page: units, deadline, standing and the latest progress the office made public.</summary>
public sealed class PlanModel(GongkaiDb db, PlanLedger ledger) : PlanTasksPage
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.WorkPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsPublic, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        Organs = await PlanOrgans.OfPlanAsync(db, id, ct);
        var organId = PlanOrgans.Find(Organs, Organ);
        Summary = await ledger.SummaryAsync(id, organId, ct: ct);
        Result = await ledger.PageAsync(id, new LedgerFilter(organId, Standing, Search), publicOnly: true, CurrentPage, ct: ct);
        return Page();
    }
}
