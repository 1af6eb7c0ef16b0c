using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Platform.Pages.Account;

public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit, GongkaiDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    /// <summary>Sent here because the password was set by someone else: it must be changed before any /admin page opens.</summary>
    [BindProperty(SupportsGet = true)]
    public bool First { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Current) || string.IsNullOrEmpty(New))
        {
            ModelState.AddModelError(string.Empty, L["请填写当前密码和新密码。"]);
            return Page();
        }

        if (New != Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), L["两次输入的新密码不一致。"]);
            return Page();
        }

        if (New == Current)
        {
            ModelState.AddModelError(nameof(New), L["新密码不能与当前密码相同。"]);
            return Page();
        }

        await using var tx = await OwnedTransaction.BeginAsync(db);
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await MustChangePassword.ClearAsync(users, user);
        audit.Record(PlatformAuditActions.StaffPasswordChange, "StaffUser", user.Id, $"{user.UserName} 修改了自己的密码", user.OrganId);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = L["密码已修改。"].Value;
        return First ? LocalRedirect("/admin") : RedirectToPage();
    }
}
