using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Pages.Admin.Audit;

public sealed class IndexModel(GongkaiDb db, StaffAccess access, AuditCatalogue catalogue, TimeProvider clock) : PageModel
{
    public const int PageSize = 200;
    public const int ExportLimit = 100_000;

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    /// <summary>The chosen kind of event: a label from the catalogue, or a module's name for all of its events.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Event { get; set; }

    public AuditCatalogue Catalogue => catalogue;

    public List<AuditEvent> Events { get; private set; } = [];
    public Dictionary<Guid, string> OrganNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(AuditQuery.Readers);
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        OrganNames = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        if (Chosen() is not { } chosen)
        {
            ModelState.AddModelError(nameof(Event), $"没有这种操作：{Event}。");
        }
        else if (ModelState.IsValid)
        {
            Events = await Query(scope, chosen).Take(PageSize).ToListAsync(ct);
        }
        else
        {
            ModelState.AddModelError(string.Empty, "日期格式不正确，应为 yyyy-MM-dd。");
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(AuditQuery.Readers);
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        if (!ModelState.IsValid || Chosen() is not { } chosen)
        {
            return await OnGetAsync(ct);
        }

        var names = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var events = await Query(scope, chosen).Take(ExportLimit).ToListAsync(ct);
        var stamp = Platform.ChineseDates.Iso(Platform.ChineseDates.Today(clock));
        return File(AuditQuery.ToCsv(events, names), "text/csv; charset=utf-8", $"audit-{stamp}.csv");
    }

    /// <summary>The stored names <see cref="Event"/> stands for (empty: any); null when it names nothing in the catalogue.</summary>
    private string[]? Chosen()
    {
        if (string.IsNullOrWhiteSpace(Event))
        {
            return [];
        }

        var chosen = Event.Trim();
        return catalogue.FindByLabel(chosen) is { } action ? [action.Name]
            : catalogue.Modules.FirstOrDefault(m => m.Name == chosen) is { } module ? [.. module.Actions.Select(a => a.Name)]
            : null;
    }

    private IQueryable<AuditEvent> Query(OrganScope scope, string[] chosen)
    {
        var events = AuditQuery.Filter(db.AuditEvents.AsNoTracking(), scope, Filter);
        return chosen.Length == 0 ? events : events.Where(e => chosen.Contains(e.Action));
    }
}
