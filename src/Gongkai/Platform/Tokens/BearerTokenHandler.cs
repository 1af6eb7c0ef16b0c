using System.Security.Claims;
using System.Text.Encodings.Web;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Tokens;

/// <summary>Authenticates <c>Authorization: Bearer gk_…</c> against stored token hashes.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    GongkaiDb db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "GongkaiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiTokens.TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("令牌格式不正确。");
        }

        var hash = ApiTokens.HashOf(secret);
        var now = clock.GetUtcNow();
        var found = await db.ApiTokens
            .Where(t => t.Hash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsUsableAt(now) || found.User.IsDisabled)
        {
            return AuthenticateResult.Fail("令牌无效、已过期或已吊销。");
        }

        if (found.Token.LastUsedAt is null || now - found.Token.LastUsedAt > TimeSpan.FromMinutes(10))
        {
            found.Token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.User.Id),
            new Claim(ClaimTypes.Name, found.User.UserName ?? found.User.Id),
            new Claim(StaffClaimsFactory.DisplayNameClaim, found.User.DisplayName),
            new Claim("gk:token", found.Token.Id.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
