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
            });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
    }
}
