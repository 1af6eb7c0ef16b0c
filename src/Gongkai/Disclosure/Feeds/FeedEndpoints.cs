using System.Text;

namespace Gongkai.Disclosure.Feeds;

/// <summary>
/// The machine-readable public addresses of 主动公开: RSS 2.0 and Atom per site, organ and top 主题分类,
/// sitemap.xml (or its index and parts) and robots.txt pointing at it.
/// </summary>
internal static class FeedEndpoints
{
    public static void MapDocumentFeeds(this WebApplication app)
    {
        app.MapGet("/feeds/all.{format}", async (string format, DocumentFeeds feeds, HttpContext context, CancellationToken ct) =>
            await FeedAsync(feeds, feeds.Site(), null, null, format, context, ct)).ExcludeFromDescription();

        app.MapGet("/feeds/organs/{code}.{format}", async (string code, string format, DocumentFeeds feeds, HttpContext context, CancellationToken ct) =>
            await FeedAsync(feeds, await feeds.OrganAsync(code, ct), code, null, format, context, ct)).ExcludeFromDescription();

        app.MapGet("/feeds/categories/{name}.{format}", async (string name, string format, DocumentFeeds feeds, HttpContext context, CancellationToken ct) =>
            await FeedAsync(feeds, feeds.Category(name), null, name, format, context, ct)).ExcludeFromDescription();

        app.MapGet("/sitemap.xml", async (Sitemap sitemap, HttpContext context, CancellationToken ct) =>
            Xml(await sitemap.RootAsync(DisclosurePublic.Portal(context.Request), ct))).ExcludeFromDescription();

        app.MapGet("/sitemaps/pages.xml", async (Sitemap sitemap, HttpContext context, CancellationToken ct) =>
            Xml(await sitemap.PagesFileAsync(DisclosurePublic.Portal(context.Request), ct))).ExcludeFromDescription();

        app.MapGet("/sitemaps/documents-{n:int}.xml", async (int n, Sitemap sitemap, HttpContext context, CancellationToken ct) =>
            await sitemap.DocumentsFileAsync(n, DisclosurePublic.Portal(context.Request), ct) is { } bytes ? Xml(bytes) : Results.NotFound())
            .ExcludeFromDescription();

        app.MapGet("/robots.txt", (HttpContext context) => Results.Text(
            $"User-agent: *\nDisallow: /admin\nDisallow: /account\nDisallow: /api/\nDisallow: /search\n" +
            $"Sitemap: {DisclosurePublic.Portal(context.Request)}/sitemap.xml\n", "text/plain", Encoding.UTF8)).ExcludeFromDescription();
    }

    private static async Task<IResult> FeedAsync(DocumentFeeds feeds, DocumentFeeds.Channel? channel, string? organ, string? category,
        string format, HttpContext context, CancellationToken ct)
    {
        if (channel is null || format is not ("rss" or "atom"))
        {
            return Results.NotFound();
        }

        var items = await feeds.ItemsAsync(organ, category, ct);
        var portal = DisclosurePublic.Portal(context.Request);
        // Feed readers poll; a withdrawn document must leave the feed at the next poll, so no long caching.
        context.Response.Headers.CacheControl = "public, max-age=60";
        return format == "rss"
            ? Results.Bytes(feeds.Rss(channel, items, portal), DocumentFeeds.RssType)
            : Results.Bytes(feeds.Atom(channel, items, portal), DocumentFeeds.AtomType);
    }

    private static IResult Xml(byte[] bytes) => Results.Bytes(bytes, "application/xml; charset=utf-8");
}
