using System.Globalization;
using Gongkai.Pages.Shared;
using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Pages.Admin.Plans;

/// <summary>A plan's ledger (the tasks of the user's organs, for organ staff), a page of 100 rows at a time, with standing and progress.</summary>
public sealed class LedgerModel(GongkaiDb db, PlanWork work, PlanLedger ledger) : PageModel
{
    public WorkPlan Plan { get; private set; } = null!;
    public LedgerPage Result { get; private set; } = new([], 0, 1, PlanLedger.PageSize);
    public List<LedgerRow> Rows => Result.Rows;
    public LedgerSummary Summary { get; private set; } = new(0, 0, 0, 0);
    public List<Organ> Organs { get; private set; } = [];
    public bool IsOffice { get; private set; }

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

    public string ExportUrl => QueryLinks.With(Request, ("handler", "Export"), ("page", null));

    private async Task<(LedgerFilter Filter, Gongkai.Platform.Staff.OrganScope Scope)?> LoadAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.WorkPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        var scope = await work.ScopeAsync();
        if (plan is null || scope.IsEmpty)
        {
            return null;
        }

        Plan = plan;
        IsOffice = await work.IsOfficeAsync();
        Organs = await PlanOrgans.OfPlanAsync(db, id, ct);
        var organId = PlanOrgans.Find(Organs, Organ);
        Summary = await ledger.SummaryAsync(id, organId, scope, ct);
        return (new LedgerFilter(organId, Standing, Search), scope);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } loaded)
        {
            return NotFound();
        }

        Result = await ledger.PageAsync(id, loaded.Filter, publicOnly: false, CurrentPage, loaded.Scope, ct: ct);
        return Page();
    }

    /// <summary>Every row the filters select, not only the page on screen.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } loaded)
        {
            return NotFound();
        }

        var rows = await ledger.RowsAsync(id, loaded.Filter, publicOnly: false, loaded.Scope, ct);
        return File(PlanExport.Write(Plan.Title, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Plan.Title}-任务台账.xlsx");
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
