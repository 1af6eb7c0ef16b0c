using System.Security.Claims;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Staff;

/// <summary>
/// Checks the sign-in cookie against the account on every request: the cookie's security stamp must still be the
/// account's and the account not disabled. Logout, a password change or reset, disabling and a role change renew the
/// stamp, so every session of the account (every copy of its cookie) ends at once, on every instance. One indexed
/// read of two columns by primary key per staff request; the cookie is not re-issued.
/// </summary>
internal static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is not null && stamp is not null)
        {
            var db = services.GetRequiredService<GongkaiDb>();
            var current = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.IsDisabled }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current is not null && !current.IsDisabled && current.SecurityStamp == stamp)
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
