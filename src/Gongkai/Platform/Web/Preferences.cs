namespace Gongkai.Platform.Web;

/// <summary>
/// Reader preferences kept in a cookie for a year: the elder-friendly mode (适老化: larger type,
/// higher contrast). A preference is not a record, so a plain link may switch it.
/// </summary>
public static class Preferences
{
    public const string ElderCookie = "gk.elder";

    public static bool ElderMode(HttpContext context) => context.Request.Cookies[ElderCookie] == "1";

    internal static void MapPreferenceEndpoints(this WebApplication app)
    {
        app.MapGet("/preferences/elder", (HttpContext context, string? on, string? returnUrl) =>
        {
            var enable = on is "1" or "true";
            context.Response.Cookies.Append(ElderCookie, enable ? "1" : "0", new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                Secure = context.Request.IsHttps,
            });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
                ? returnUrl
                : "/";
            return Results.LocalRedirect(HeaderSafe(target));
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// A return address typed or shared by hand may carry Chinese unescaped (/search?q=低保); a Location header
    /// cannot, so everything outside ASCII is percent-encoded as UTF-8 and what is already escaped stays as it is.
    /// </summary>
    private static string HeaderSafe(string localUrl)
    {
        if (localUrl.All(c => c is > ' ' and < (char)127))
        {
            return localUrl;
        }

        var text = new System.Text.StringBuilder(localUrl.Length * 3);
        foreach (var rune in localUrl.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 127)
            {
                text.Append((char)rune.Value);
                continue;
            }

            text.Append(Uri.EscapeDataString(rune.ToString()));
        }

        return text.ToString();
    }
}
