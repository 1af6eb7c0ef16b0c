using Gongkai.Disclosure.Guide;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Pages.Admin.Guide;

/// <summary>The organs whose 政府信息公开指南 the signed-in staff member keeps, and when each was last saved.</summary>
public sealed class IndexModel(Guides guides, GongkaiDb db) : PageModel
{
    public List<Organ> Organs { get; private set; } = [];
    public Dictionary<Guid, DateTimeOffset> Updated { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await guides.EditableScopeAsync();
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        Organs = await db.Organs.AsNoTracking().Within(scope, o => o.Id)
            .OrderBy(o => o.IsActive ? 0 : 1).ThenBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        Updated = await db.Set<OpennessGuide>().AsNoTracking().Within(scope, g => g.OrganId).ToDictionaryAsync(g => g.OrganId, g => g.UpdatedAt, ct);
        return Page();
    }
}
