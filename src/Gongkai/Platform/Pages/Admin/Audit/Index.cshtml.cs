using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Pages.Admin.Audit;

public sealed class IndexModel(GongkaiDb db, StaffAccess access, TimeProvider clock) : PageModel
{
    public const int PageSize = 200;
    public const int ExportLimit = 100_000;

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

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
        if (ModelState.IsValid)
        {
            Events = await AuditQuery.Filter(db.AuditEvents.AsNoTracking(), scope, Filter).Take(PageSize).ToListAsync(ct);
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

        if (!ModelState.IsValid)
        {
            return await OnGetAsync(ct);
        }

        var names = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var events = await AuditQuery.Filter(db.AuditEvents.AsNoTracking(), scope, Filter).Take(ExportLimit).ToListAsync(ct);
        var stamp = Platform.ChineseDates.Iso(Platform.ChineseDates.Today(clock));
        return File(AuditQuery.ToCsv(events, names), "text/csv; charset=utf-8", $"audit-{stamp}.csv");
    }
}
