using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Pages.Account;

/// <summary>Signing out renews the account's security stamp, so every copy of its sign-in cookie stops working too.</summary>
public sealed class LogoutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, GongkaiDb db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            audit.Record(PlatformAuditActions.StaffSignOut, "StaffUser", user.Id, $"{user.UserName} 退出登录（其全部登录会话随之失效）", user.OrganId);
            await db.SaveChangesAsync();
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
