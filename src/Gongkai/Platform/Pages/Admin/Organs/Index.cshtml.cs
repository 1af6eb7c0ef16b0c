using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Pages.Admin.Organs;

public sealed class IndexModel(GongkaiDb db, StaffAccess access) : PageModel
{
    public List<Organ> Organs { get; private set; } = [];
    public bool CanCreate { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(OrganLabels.Viewers);
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        CanCreate = await access.DistrictRoleAsync(OrganLabels.Creators) is not null;
        var query = db.Organs.AsNoTracking().Include(o => o.Aliases).Within(scope, o => o.Id);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(o => o.ShortName.Contains(q) || o.FullName.Contains(q) || o.Code.Contains(q) || o.Aliases.Any(a => a.Name.Contains(q)));
        }

        Organs = await query.OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        return Page();
    }
}

internal static class OrganLabels
{
    public static readonly StaffRole[] Viewers = [StaffRole.SystemAdministrator, StaffRole.OpennessOffice, StaffRole.DepartmentAdministrator];
    public static readonly StaffRole[] Creators = [StaffRole.SystemAdministrator, StaffRole.OpennessOffice];

    public static string Kind(OrganKind kind) => kind switch
    {
        OrganKind.DistrictGovernment => "区政府",
        OrganKind.Department => "政府部门",
        OrganKind.StreetOffice => "街道办事处",
        OrganKind.Institution => "事业单位",
        _ => "其他",
    };
}
