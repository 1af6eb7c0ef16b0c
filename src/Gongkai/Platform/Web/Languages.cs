using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Gongkai.Platform.Web;

/// <summary>
/// The two languages of the portal. Chinese is the site; English is the part of it under <c>/en</c> (seed 001 三(一),
/// 区政府网站英文版). The language is part of the address and nothing else — no cookie, no query string, no
/// Accept-Language — so one address always answers in one language and an output cache keyed on the path stays right.
/// Texts go through <c>IStringLocalizer&lt;SharedResource&gt;</c>: the zh-CN text is the key, and
/// <c>Resources/SharedResource.en.resx</c> holds the English.
/// </summary>
public static class Languages
{
    public const string EnglishPrefix = "/en";

    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Whether the address is an English page (<c>/en</c> or below).</summary>
    public static bool IsEnglish(PathString path) => path.StartsWithSegments(EnglishPrefix);

    public static bool IsEnglish(HttpContext context) => IsEnglish(context.Request.Path);

    /// <summary>The page's language as an HTML <c>lang</c> value.</summary>
    public static string Tag(HttpContext context) => IsEnglish(context) ? "en" : "zh-CN";

    /// <summary>
    /// A day in the English pages' format, "7 December 2026" (day, month name, year: unambiguous for readers of both
    /// British and American English). Chinese pages keep <see cref="ChineseDates.Long"/>.
    /// </summary>
    public static string EnglishDate(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The district day of an instant, in the English format.</summary>
    public static string EnglishDate(DateTimeOffset at) => EnglishDate(ChineseDates.LocalDay(at));

    /// <summary>
    /// The same page in the other language, where there is one, else null (the switch then leads to the other home).
    /// A page that knows better (a document with or without an English version) sets <c>ViewData["Counterpart"]</c>.
    /// </summary>
    public static string? Counterpart(PathString path)
    {
        var p = path.Value is { Length: > 1 } v ? v.TrimEnd('/') : path.Value ?? "/";
        return p switch
        {
            "/" or "" => EnglishPrefix,
            "/guide" => "/en/guide",
            "/requests/new" => "/en/request",
            "/requests/track" => "/en/requests/track",
            "/catalogue" => "/en/documents",
            "/en" => "/",
            "/en/about" => "/",
            "/en/guide" => "/guide",
            "/en/request" => "/requests/new",
            "/en/requests/track" => "/requests/track",
            "/en/documents" or "/en/news" => "/catalogue",
            _ when p.StartsWith("/en/documents/", StringComparison.Ordinal) => p["/en".Length..],
            _ => null,
        };
    }

    /// <summary>The other language's home page.</summary>
    public static string OtherHome(HttpContext context) => IsEnglish(context) ? "/" : EnglishPrefix;

    internal static void ConfigureLanguages(this RequestLocalizationOptions o)
    {
        o.DefaultRequestCulture = new RequestCulture(Chinese);
        o.SupportedCultures = [Chinese, English];
        o.SupportedUICultures = [Chinese, English];
        o.RequestCultureProviders = [new PathCultureProvider()];
    }

    /// <summary>English under /en, Chinese everywhere else; never from a cookie, a query or the browser's languages.</summary>
    private sealed class PathCultureProvider : RequestCultureProvider
    {
        private static readonly Task<ProviderCultureResult?> EnglishResult = Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult("en"));
        private static readonly Task<ProviderCultureResult?> ChineseResult = Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult("zh-CN"));

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            IsEnglish(httpContext) ? EnglishResult : ChineseResult;
    }
}
