using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Pages.Admin;

/// <summary>Work plans, the tasks due soon or overdue for the user's organs, and the import form.</summary>
public sealed class IndexModel(GongkaiDb db, PlanWork work, PlanLedger ledger) : PageModel
{
    public List<(WorkPlan Plan, int Tasks)> Plans { get; private set; } = [];
    public List<PlanTask> DueSoon { get; private set; } = [];
    public List<PlanTask> Overdue { get; private set; } = [];
    public bool IsOffice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync();
        IsOffice = await work.IsOfficeAsync();
        if (scope.IsEmpty)
        {
            return NotFound();
        }

        var plans = await db.WorkPlans.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Title).ToListAsync(ct);
        var counts = await db.PlanTasks.AsNoTracking().GroupBy(t => t.PlanId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Plans = plans.Select(p => (p, counts.GetValueOrDefault(p.Id))).ToList();
        (DueSoon, Overdue) = await ledger.DueListsAsync(scope, ct);
        return Page();
    }
}
