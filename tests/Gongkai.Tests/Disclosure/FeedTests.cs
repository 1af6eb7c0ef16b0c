using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using Gongkai.Disclosure.Documents;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Gongkai.Tests.Disclosure;

/// <summary>RSS 2.0, Atom 1.0 and sitemap.xml, read back with System.Xml and checked against the formats' rules.</summary>
public abstract class FeedTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<(HttpResponseMessage Response, XDocument Xml)> GetXmlAsync(string url)
    {
        var response = await app.Browser().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {response.StatusCode}");
        var xml = XDocument.Load(await response.Content.ReadAsStreamAsync(), LoadOptions.None);
        return (response, xml);
    }

    /// <summary>RFC 822 (with a four-digit year, as RSS 2.0 allows): "Mon, 23 Nov 2026 14:05:00 +0800".</summary>
    private static DateTimeOffset Rfc822(string text)
    {
        Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$", text);
        var at = DateTimeOffset.ParseExact(text.Insert(text.Length - 2, ":"), "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
        Assert.Equal(text[..3], at.DayOfWeek.ToString()[..3]);
        return at;
    }

    private static string Required(XElement parent, XName name)
    {
        var element = parent.Element(name);
        Assert.True(element is not null && element.Value.Trim().Length > 0, $"<{parent.Name.LocalName}> lacks <{name.LocalName}>");
        return element!.Value;
    }

    private async Task<(Guid Public, Guid Repealed, Guid Withdrawn, Guid Draft)> ArrangeAsync(string organ, string category, string word)
    {
        var pub = await app.PublishAsync(new Publishing.Doc($"{word}工作通知", Organ: organ, Category: category, Summary: $"关于{word}的通知。"));
        var repealed = await app.PublishAsync(new Publishing.Doc($"{word}旧办法", Organ: organ, Category: category, Type: InformationType.NormativeDocument));
        await app.ChangeValidityAsync(repealed, Validity.Repealed, "2026-11-10", null);
        var withdrawn = await app.PublishAsync(new Publishing.Doc($"{word}撤回稿", Organ: organ, Category: category));
        await app.WithdrawAsync(withdrawn);
        var draft = await app.PublishAsync(new Publishing.Doc($"{word}草稿", Organ: organ, Category: category, Publish: false));
        return (pub, repealed, withdrawn, draft);
    }

    [Fact]
    public async Task The_organ_RSS_feed_is_valid_RSS_2_and_never_holds_a_withdrawn_document()
    {
        var (pub, repealed, withdrawn, draft) = await ArrangeAsync("区退役军人局", "民政、扶贫、救灾\\优抚安置", "优抚");
        var code = (await app.OrganAsync("区退役军人局")).Code;
        var (response, xml) = await GetXmlAsync($"/feeds/organs/{code}.rss");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);

        var rss = xml.Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal(XNamespace.None, rss.Name.Namespace);
        Assert.Equal("2.0", rss.Attribute("version")?.Value);
        var channel = rss.Element("channel")!;
        Assert.Contains("北京市西城区退役军人事务局", Required(channel, "title"));
        Assert.True(Uri.IsWellFormedUriString(Required(channel, "link"), UriKind.Absolute));
        Required(channel, "description");
        Rfc822(Required(channel, "lastBuildDate"));
        var self = channel.Element(Atom + "link")!;
        Assert.Equal("self", self.Attribute("rel")?.Value);
        Assert.EndsWith($"/feeds/organs/{code}.rss", self.Attribute("href")?.Value);

        var items = channel.Elements("item").ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            Required(item, "title");
            var link = Required(item, "link");
            Assert.True(Uri.IsWellFormedUriString(link, UriKind.Absolute));
            Assert.Equal(link, Required(item, "guid"));
            Rfc822(Required(item, "pubDate"));
        }

        var links = items.Select(i => i.Element("link")!.Value).ToList();
        Assert.Contains(links, l => l.EndsWith($"/documents/{pub}"));
        Assert.Contains(links, l => l.EndsWith($"/documents/{repealed}"));
        Assert.DoesNotContain(links, l => l.EndsWith($"/documents/{withdrawn}") || l.EndsWith($"/documents/{draft}"));
        Assert.Contains(items, i => i.Element("description")!.Value == "关于优抚的通知。");
    }

    [Fact]
    public async Task An_RSS_description_is_HTML_escaped_once_so_markup_in_a_document_stays_text()
    {
        const string text = "<script>alert('feed')</script> & <b>粗体</b> &amp; 5 < 6";
        var body = System.Net.WebUtility.HtmlEncode(text);
        var withSummary = await app.PublishAsync(new Publishing.Doc("转义摘要通知", Organ: "区审计局", Summary: text));
        var withBody = await app.PublishAsync(new Publishing.Doc("转义正文通知", Organ: "区审计局", Body: $"<p>{body}</p>"));
        var code = (await app.OrganAsync("区审计局")).Code;
        var response = await app.Browser().GetAsync($"/feeds/organs/{code}.rss");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("&lt;script", raw);

        // What a reader does: decode the XML, then treat the description as HTML.
        using var reader = System.Xml.XmlReader.Create(new StringReader(raw));
        var descriptions = new Dictionary<string, string>();
        var xml = XDocument.Load(reader);
        foreach (var item in xml.Root!.Element("channel")!.Elements("item"))
        {
            descriptions[item.Element("link")!.Value] = item.Element("description")!.Value;
        }

        foreach (var (id, expected) in new[] { (withSummary, text), (withBody, text) })
        {
            var html = descriptions.Single(d => d.Key.EndsWith($"/documents/{id}", StringComparison.Ordinal)).Value;
            Assert.DoesNotContain("<", html);
            Assert.DoesNotContain(">", html);
            Assert.StartsWith(expected, System.Net.WebUtility.HtmlDecode(html));
        }

        // Atom says what its summary is: plain text, escaped for XML only.
        var atom = XDocument.Parse(await app.Browser().GetStringAsync($"/feeds/organs/{code}.atom"));
        var summary = atom.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{withSummary}").Element(Atom + "summary")!;
        Assert.Equal("text", summary.Attribute("type")!.Value);
        Assert.Equal(text, summary.Value);
    }

    [Fact]
    public async Task The_category_Atom_feed_is_valid_Atom_1_0()
    {
        var (pub, _, withdrawn, _) = await ArrangeAsync("区房管局", "城乡建设、环境保护\\城乡建设（含住房）", "住房保障");
        var (response, xml) = await GetXmlAsync("/feeds/categories/" + Uri.EscapeDataString("城乡建设、环境保护") + ".atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);

        var feed = xml.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.True(Uri.IsWellFormedUriString(Required(feed, Atom + "id"), UriKind.Absolute));
        Assert.Contains("城乡建设、环境保护", Required(feed, Atom + "title"));
        var updated = XmlConvert.ToDateTimeOffset(Required(feed, Atom + "updated"));
        Assert.True(updated > DateTimeOffset.UnixEpoch);
        Assert.Contains(feed.Elements(Atom + "link"), l => l.Attribute("rel")?.Value == "self" && l.Attribute("href")!.Value.EndsWith(".atom"));
        Required(feed.Element(Atom + "author")!, Atom + "name");

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        foreach (var entry in entries)
        {
            Assert.StartsWith("urn:uuid:", Required(entry, Atom + "id"));
            Required(entry, Atom + "title");
            XmlConvert.ToDateTimeOffset(Required(entry, Atom + "updated"));
            var link = entry.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == "alternate");
            Assert.True(Uri.IsWellFormedUriString(link.Attribute("href")!.Value, UriKind.Absolute));
            Assert.Equal("城乡建设、环境保护\\城乡建设（含住房）", entry.Element(Atom + "category")!.Attribute("term")!.Value);
        }

        Assert.Contains(entries, e => e.Element(Atom + "id")!.Value == $"urn:uuid:{pub}");
        Assert.DoesNotContain(entries, e => e.Element(Atom + "id")!.Value == $"urn:uuid:{withdrawn}");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/feeds/categories/" + Uri.EscapeDataString("不存在") + ".atom")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/feeds/organs/NOPE.rss")).StatusCode);
    }

    [Fact]
    public async Task The_site_feeds_parse_in_both_formats()
    {
        var (pub, _, withdrawn, _) = await ArrangeAsync("区生态环境局", "城乡建设、环境保护\\环境监测、保护与治理", "大气污染防治");
        var (_, rss) = await GetXmlAsync("/feeds/all.rss");
        var links = rss.Root!.Element("channel")!.Elements("item").Select(i => i.Element("link")!.Value).ToList();
        Assert.Contains(links, l => l.EndsWith($"/documents/{pub}"));
        Assert.DoesNotContain(links, l => l.EndsWith($"/documents/{withdrawn}"));
        var (_, atom) = await GetXmlAsync("/feeds/all.atom");
        Assert.Contains(atom.Root!.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value == $"urn:uuid:{pub}");
        var html = await app.Browser().GetStringAsync("/feeds");
        Assert.Contains("/feeds/organs/", html);
    }

    [Fact]
    public async Task The_sitemap_lists_published_documents_and_the_main_pages_and_omits_withdrawn_ones()
    {
        var (pub, repealed, withdrawn, draft) = await ArrangeAsync("区人力社保局", "劳动、人事、监察\\劳动就业", "稳就业");
        var (response, xml) = await GetXmlAsync("/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Sitemaps + "urlset", xml.Root!.Name);
        var urls = xml.Root.Elements(Sitemaps + "url").ToList();
        var locs = urls.Select(u => new Uri(Required(u, Sitemaps + "loc")).AbsolutePath).ToList();
        Assert.Contains($"/documents/{pub}", locs);
        Assert.Contains($"/documents/{repealed}", locs);
        Assert.DoesNotContain($"/documents/{withdrawn}", locs);
        Assert.DoesNotContain($"/documents/{draft}", locs);
        foreach (var page in new[] { "/", "/catalogue", "/catalogue/normative", "/catalogue/statutory", "/guide" })
        {
            Assert.Contains(page, locs);
        }

        var code = (await app.OrganAsync("区人力社保局")).Code;
        Assert.Contains($"/catalogue/{code}", locs);
        Assert.Contains($"/guide/{code}", locs);
        var entry = urls.Single(u => u.Element(Sitemaps + "loc")!.Value.EndsWith($"/documents/{pub}"));
        XmlConvert.ToDateTimeOffset(Required(entry, Sitemaps + "lastmod"));
        Assert.Equal(locs.Count, locs.Distinct().Count());

        var robots = await app.Browser().GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http", robots);
        Assert.Contains("Disallow: /admin", robots);
    }
}

public sealed class FeedTests_Sqlite(SqliteApp app) : FeedTests<SqliteApp>(app);

public sealed class FeedTests_Postgres(PostgresApp app) : FeedTests<PostgresApp>(app);

/// <summary>Past the configured number of addresses per file, /sitemap.xml becomes an index of smaller files.</summary>
public abstract class SitemapIndexTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task A_large_sitemap_is_split_into_files_under_an_index()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await app.PublishAsync(new Publishing.Doc($"分卷测试{i}")));
        }

        var client = app.Browser();
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        Assert.Equal(Sitemaps + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sitemaps + "sitemap").Select(s => new Uri(s.Element(Sitemaps + "loc")!.Value).AbsolutePath).ToList();
        Assert.Equal(["/sitemaps/pages.xml", "/sitemaps/documents-1.xml", "/sitemaps/documents-2.xml"], files);

        var documents = new List<string>();
        foreach (var file in files.Skip(1))
        {
            var set = XDocument.Parse(await client.GetStringAsync(file));
            var locs = set.Root!.Elements(Sitemaps + "url").Select(u => new Uri(u.Element(Sitemaps + "loc")!.Value).AbsolutePath).ToList();
            Assert.True(locs.Count <= 10);
            documents.AddRange(locs);
        }

        Assert.Equal(ids.Select(id => $"/documents/{id}").Order(), documents.Order());
        var pages = XDocument.Parse(await client.GetStringAsync("/sitemaps/pages.xml"));
        Assert.Contains(pages.Root!.Elements(Sitemaps + "url"), u => new Uri(u.Element(Sitemaps + "loc")!.Value).AbsolutePath == "/catalogue");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemaps/documents-3.xml")).StatusCode);
    }
}

public class SqliteSmallSitemapApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Disclosure:SitemapUrlsPerFile", "10");
    }
}

public class PostgresSmallSitemapApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Disclosure:SitemapUrlsPerFile", "10");
    }
}

public sealed class SitemapIndexTests_Sqlite(SqliteSmallSitemapApp app) : SitemapIndexTests<SqliteSmallSitemapApp>(app);

public sealed class SitemapIndexTests_Postgres(PostgresSmallSitemapApp app) : SitemapIndexTests<PostgresSmallSitemapApp>(app);
