using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Platform.Staff;

/// <summary>
/// An account whose password was set by someone else (created or reset by an administrator, or the generated initial
/// administrator password) carries this user claim until its owner chooses a password; meanwhile every /admin page
/// sends them to /account/password. The claim travels in the sign-in cookie, so the check costs nothing; API tokens
/// are not affected.
/// </summary>
public static class MustChangePassword
{
    public const string ClaimType = "gk:must-change-password";

    public static async Task MarkAsync(UserManager<StaffUser> users, StaffUser user)
    {
        if (!(await users.GetClaimsAsync(user)).Any(c => c.Type == ClaimType))
        {
            ManageStaff.ThrowIfFailed(await users.AddClaimAsync(user, new Claim(ClaimType, "1")), "Password");
        }
    }

    public static async Task ClearAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var held = (await users.GetClaimsAsync(user)).Where(c => c.Type == ClaimType).ToList();
        if (held.Count > 0)
        {
            ManageStaff.ThrowIfFailed(await users.RemoveClaimsAsync(user, held), "Password");
        }
    }

    public static void UseMustChangePassword(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/admin") && context.User.HasClaim(c => c.Type == ClaimType))
        {
            context.Response.Redirect("/account/password?first=true");
            return;
        }

        await next();
    });
}
