using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Pages;

/// <summary>重点工作落实情况: the plans the openness office made public.</summary>
public sealed class IndexModel(GongkaiDb db) : PageModel
{
    public List<WorkPlan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Plans = await db.WorkPlans.AsNoTracking().Where(p => p.IsPublic).OrderByDescending(p => p.Year).ThenBy(p => p.Title).ToListAsync(ct);
}
