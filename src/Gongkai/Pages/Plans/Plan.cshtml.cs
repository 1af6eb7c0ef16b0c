using System.Globalization;
using Gongkai.Pages.Shared;
using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Pages.Plans;

/// <summary>A public plan, 100 tasks a page: units, deadline, standing and the latest progress the office made public.</summary>
public sealed class PlanModel(GongkaiDb db, PlanLedger ledger) : PageModel
{
    public WorkPlan Plan { get; private set; } = null!;
    public LedgerPage Result { get; private set; } = new([], 0, 1, PlanLedger.PageSize);
    public List<LedgerRow> Rows => Result.Rows;
    public LedgerSummary Summary { get; private set; } = new(0, 0, 0, 0);
    public List<Organ> Organs { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Organ { get; set; }

    [BindProperty(SupportsGet = true)]
    public TaskStanding? Standing { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The page asked for ("page" is a route value in Razor Pages, so it is read from the query).</summary>
    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public int CurrentPage => int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    public Pager Pager => new(Result.Page, Result.PageCount, n => QueryLinks.With(Request, ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture))));

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
