using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gongkai.Platform.Pages.Admin.Staff;

public sealed class EditModel(GongkaiDb db, StaffAdministration admin, ManageStaff manage, SignInManager<StaffUser> signIn, SignInThrottle throttle, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class RoleRow
    {
        public StaffRole Role { get; set; }
        public bool Granted { get; set; }
        public Guid? OrganId { get; set; }
    }

    [BindProperty]
    public StaffInput Input { get; set; } = new();

    [BindProperty]
    public List<RoleRow> RoleRows { get; set; } = [];

    public StaffUser? Existing { get; private set; }
    public List<Organ> Organs { get; private set; } = [];
    public string State { get; private set; } = "正常";

    /// <summary>Why the account may not be managed by the viewer (the page then answers 403 with this message only).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var held = Existing is null ? [] : await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == Existing.Id).ToListAsync(ct);
        RoleRows = StaffRoles.All.Select(r => new RoleRow
        {
            Role = r,
            Granted = held.Any(h => h.Role == r),
            OrganId = held.FirstOrDefault(h => h.Role == r)?.OrganId ?? (Existing?.OrganId),
        }).ToList();
        if (Existing is not null)
        {
            Input = new StaffInput { UserName = Existing.UserName, DisplayName = Existing.DisplayName, Email = Existing.Email, OrganId = Existing.OrganId };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Input.Roles = RoleRows.Where(r => r.Granted).Select(r => new RoleGrant(r.Role, r.OrganId)).ToList();
        var ok = await this.TryAsync(async () =>
        {
            if (Existing is null)
            {
                Existing = await manage.CreateAsync(Input, ct);
                return;
            }

            await using var tx = await OwnedTransaction.BeginAsync(db, ct);
            await manage.UpdateProfileAsync(Existing, Input.DisplayName, Input.Email, Input.OrganId, ct);
            await manage.SetRolesAsync(Existing, Input.Roles, ct);
            if (!string.IsNullOrEmpty(Input.Password))
            {
                await manage.ResetPasswordAsync(Existing, Input.Password, ct);
            }

            await tx.CommitAsync(ct);
            if (Existing.Id == signIn.UserManager.GetUserId(User))
            {
                // Editing one's own account renews its security stamp: this session stays, the others end.
                await signIn.RefreshSignInAsync(Existing);
            }
        });
        if (!ok)
        {
            db.ChangeTracker.Clear();
            return Page();
        }

        TempData["Message"] = string.Format(L["已保存账号 {0}。"], Existing!.UserName);
        return Redirect($"/admin/staff/edit/{Existing.Id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(string id, bool disable, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is null)
        {
            return NotFound();
        }

        await manage.SetDisabledAsync(Existing, disable, ct);
        TempData["Message"] = disable ? L["账号已停用。"].Value : L["账号已启用。"].Value;
        return Redirect($"/admin/staff/edit/{Existing.Id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is null)
        {
            return NotFound();
        }

        await manage.UnlockAsync(Existing, ct);
        TempData["Message"] = L["已解除锁定。"].Value;
        return Redirect($"/admin/staff/edit/{Existing.Id}");
    }

    /// <summary>
    /// Loads the account when the viewer may manage it (<see cref="StaffAdministration.JudgeAsync"/>, the rule the use
    /// cases check again); null to go on, otherwise 404 (another organ's account, or none) or 403 with the reason.
    /// </summary>
    private async Task<IActionResult?> LoadAsync(string? id, CancellationToken ct)
    {
        var scope = await admin.ScopeAsync();
        if (scope.IsEmpty)
        {
            return NotFound();
        }

        Organs = await db.Organs.AsNoTracking().Within(scope, o => o.Id).OrderBy(o => o.SortOrder).ToListAsync(ct);
        if (id is null)
        {
            return null;
        }

        Existing = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        var verdict = Existing is null ? StaffVerdict.Hidden : await admin.JudgeAsync(Existing, ct);
        if (verdict == StaffVerdict.Hidden)
        {
            Existing = null;
            return NotFound();
        }

        if (verdict == StaffVerdict.Forbidden)
        {
            Refusal = StaffAdministration.RefusalMessage(Existing!);
            Existing = null;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        State = Existing!.IsDisabled ? "已停用"
            : (await throttle.ThrottledAsync([Existing.NormalizedUserName!], ct)).Count > 0 ? "登录受限（多次密码错误，重试须等待）" : "正常";
        return null;
    }
}
