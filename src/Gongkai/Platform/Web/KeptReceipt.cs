using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Platform.Web;

/// <summary>
/// A receipt shown once in answer to a form (a request's 受理编号 and 查询码, a comment's 回执编号) is kept for a short
/// time in an encrypted, HTTP-only cookie limited to its section of the site, so the same browser can show it again —
/// after switching to 长者模式, or on reload — without the secret ever appearing in an address, a log or a referrer.
/// </summary>
public static class KeptReceipt
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private const string Purpose = "Gongkai.Platform.Web.KeptReceipt";

    public static void Keep(HttpContext context, string kind, string value, string path)
    {
        var now = Clock(context).GetUtcNow();
        var payload = $"{kind}\n{(now + Lifetime).ToUnixTimeSeconds()}\n{value}";
        context.Response.Cookies.Append(CookieName(kind), Protector(context).Protect(payload), new CookieOptions
        {
            Path = path,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            Secure = context.Request.IsHttps,
            MaxAge = Lifetime,
        });
    }

    /// <summary>The kept value, or null when there is none, it has expired or it was tampered with.</summary>
    public static string? Read(HttpContext context, string kind)
    {
        if (context.Request.Cookies[CookieName(kind)] is not { Length: > 0 } cookie)
        {
            return null;
        }

        string payload;
        try
        {
            payload = Protector(context).Unprotect(cookie);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('\n', 3);
        if (parts.Length != 3 || parts[0] != kind || !long.TryParse(parts[1], out var expires)
            || Clock(context).GetUtcNow() > DateTimeOffset.FromUnixTimeSeconds(expires))
        {
            return null;
        }

        return parts[2];
    }

    /// <summary>A page showing a receipt is not stored by the browser or a proxy.</summary>
    public static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";

    private static string CookieName(string kind) => "gk.receipt." + kind;

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static TimeProvider Clock(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>();
}
