using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Pages.Admin.Staff;

public sealed class IndexModel(GongkaiDb db, StaffAdministration admin, SignInThrottle throttle) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, string Organ, string Roles, string State);

    public List<Row> Rows { get; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await admin.ScopeAsync();
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        var ids = scope.OrganIds.ToList();
        var query = db.Users.AsNoTracking().Where(u => scope.All || (u.OrganId != null && ids.Contains(u.OrganId.Value)));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }

        var users = await query.OrderBy(u => u.UserName).Take(500).ToListAsync(ct);
        var userIds = users.Select(u => u.Id).ToList();
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => userIds.Contains(r.UserId)).ToListAsync(ct);
        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var throttled = await throttle.ThrottledAsync(users.Select(u => u.NormalizedUserName!), ct);
        // Only accounts the viewer may manage are listed: one holding a role beyond them is not theirs to see.
        foreach (var u in users.Where(u => StaffAdministration.Judge(scope, u.OrganId, roles.Where(r => r.UserId == u.Id)) == StaffVerdict.Allowed))
        {
            var held = roles.Where(r => r.UserId == u.Id)
                .Select(r => $"{r.Role.Label()}（{(r.OrganId is { } o ? organs.GetValueOrDefault(o, "?") : "全区")}）");
            var state = u.IsDisabled ? "已停用" : throttled.Contains(u.NormalizedUserName!) ? "登录受限" : "正常";
            Rows.Add(new Row(u.Id, u.UserName!, u.DisplayName, u.OrganId is { } id ? organs.GetValueOrDefault(id, "?") : "全区", string.Join("、", held), state));
        }

        return Page();
    }
}
