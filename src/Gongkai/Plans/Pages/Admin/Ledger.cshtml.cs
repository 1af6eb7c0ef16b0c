using System.Globalization;
using Gongkai.Platform.Web;
using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Pages.Admin;

/// <summary>A plan's ledger (the tasks of the user's organs, for organ staff), a page of 100 rows at a time, with standing and progress.</summary>
public sealed class LedgerModel(GongkaiDb db, PlanWork work, PlanLedger ledger) : PlanTasksPage
{
    public bool IsOffice { get; private set; }
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
