using Gongkai.Disclosure.Catalogue;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Feeds;

/// <summary>
/// sitemap.xml (sitemaps.org 0.9): the main pages, every organ's catalogue and guide, and every published 主动公开
/// document with its last change. Past <see cref="UrlsPerFile"/> addresses (50,000 by the protocol), /sitemap.xml
/// becomes a sitemap index of /sitemaps/pages.xml and /sitemaps/documents-N.xml.
/// </summary>
public sealed class Sitemap(GongkaiDb db, IConfiguration configuration, Platform.Portal.PortalColumns columns)
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static readonly string[] MainPages = ["/", "/catalogue", "/catalogue/statutory", "/catalogue/normative", "/guide", "/feeds"];

    public int UrlsPerFile => Math.Clamp(configuration.GetValue("Disclosure:SitemapUrlsPerFile", 50_000), 10, 50_000);

    private sealed record Url(string Path, DateTimeOffset? LastModified);

    /// <summary>/sitemap.xml: everything in one file, or the index when it would not fit.</summary>
    public async Task<byte[]> RootAsync(string portal, CancellationToken ct = default)
    {
        var pages = await PagesAsync(ct);
        var documents = await DocumentCatalogue.Public(db).CountAsync(ct);
        if (pages.Count + documents <= UrlsPerFile)
        {
            return UrlSet(portal, pages.Concat(await DocumentsAsync(0, documents, ct)));
        }

        var files = (documents + UrlsPerFile - 1) / UrlsPerFile;
        return DocumentFeeds.Write(w =>
        {
            w.WriteStartElement("sitemapindex", Ns);
            foreach (var path in new[] { "/sitemaps/pages.xml" }.Concat(Enumerable.Range(1, files).Select(n => $"/sitemaps/documents-{n}.xml")))
            {
                w.WriteStartElement("sitemap", Ns);
                w.WriteElementString("loc", Ns, portal + path);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    public async Task<byte[]> PagesFileAsync(string portal, CancellationToken ct = default) => UrlSet(portal, await PagesAsync(ct));

    /// <summary>The n-th (1-based) file of documents; null past the last.</summary>
    public async Task<byte[]?> DocumentsFileAsync(int n, string portal, CancellationToken ct = default)
    {
        var total = await DocumentCatalogue.Public(db).CountAsync(ct);
        if (n < 1 || (n - 1) * (long)UrlsPerFile >= Math.Max(total, 1))
        {
            return null;
        }

        return UrlSet(portal, await DocumentsAsync((n - 1) * UrlsPerFile, UrlsPerFile, ct));
    }

    private async Task<List<Url>> PagesAsync(CancellationToken ct)
    {
        var codes = await db.Organs.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).Select(o => o.Code).ToListAsync(ct);
        // The portal's columns (issue 16) and each organ's page beside its catalogue and guide.
        return MainPages.Concat(columns.All.Select(c => c.Path).Where(p => !p.StartsWith("/api/", StringComparison.Ordinal))).Distinct(StringComparer.Ordinal)
            .Select(p => new Url(p, null))
            .Concat(codes.SelectMany(c => new[] { new Url($"/catalogue/{c}", null), new Url($"/guide/{c}", null), new Url($"/organs/{c}", null) }))
            .ToList();
    }

    private async Task<List<Url>> DocumentsAsync(int skip, int take, CancellationToken ct) =>
        (await DocumentCatalogue.Public(db).OrderBy(d => d.PublishedAt).ThenBy(d => d.Id).Skip(skip).Take(take)
            .Select(d => new { d.Id, d.PublishedAt, d.UpdatedAt }).ToListAsync(ct))
        .Select(d => new Url(DocumentSearch.Url(d.Id), d.UpdatedAt > d.PublishedAt ? d.UpdatedAt : d.PublishedAt))
        .ToList();

    private static byte[] UrlSet(string portal, IEnumerable<Url> urls) => DocumentFeeds.Write(w =>
    {
        w.WriteStartElement("urlset", Ns);
        foreach (var url in urls)
        {
            w.WriteStartElement("url", Ns);
            w.WriteElementString("loc", Ns, portal + url.Path);
            if (url.LastModified is { } at)
            {
                w.WriteElementString("lastmod", Ns, DocumentFeeds.Rfc3339(at));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    });
}
