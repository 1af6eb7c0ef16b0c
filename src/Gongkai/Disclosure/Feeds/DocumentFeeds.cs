using System.Globalization;
using System.Text;
using System.Xml;
using Gongkai.Disclosure.Catalogue;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Disclosure.Feeds;

/// <summary>
/// RSS 2.0 and Atom 1.0 (RFC 4287) feeds of the newest published 主动公开 documents: the whole site, one organ, or
/// one top 主题分类. They are read from the live rows on every request, so a withdrawn document is gone at once.
/// </summary>
public sealed class DocumentFeeds(GongkaiDb db, IOptions<SiteOptions> site, TimeProvider clock)
{
    public const int Size = 50;
    public const string RssType = "application/rss+xml; charset=utf-8";
    public const string AtomType = "application/atom+xml; charset=utf-8";
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    /// <summary>What a feed is about: its title, description, the page it mirrors and its own address without extension.</summary>
    public sealed record Channel(string Title, string Description, string PagePath, string FeedPath);

    /// <param name="Url">The item's page when it is not a document (other modules' feeds reuse this writer).</param>
    public sealed record Item(Guid Id, string Title, string? Summary, string Excerpt, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt,
        string Organ, string Category, string? DocumentNumber, string? Url = null);

    public Channel Site() => new($"{site.Value.District} 政府信息公开", $"{site.Value.District}主动公开的政府信息", "/catalogue", "/feeds/all");

    public async Task<Channel?> OrganAsync(string code, CancellationToken ct = default)
    {
        var organ = await db.Organs.AsNoTracking().Where(o => o.Code == code).Select(o => new { o.FullName, o.Code }).FirstOrDefaultAsync(ct);
        return organ is null
            ? null
            : new Channel($"{organ.FullName} 政府信息公开", $"{organ.FullName}主动公开的政府信息", $"/catalogue/{organ.Code}", $"/feeds/organs/{organ.Code}");
    }

    public Channel? Category(string name) =>
        SubjectCategories.All.Any(c => c.Name == name)
            ? new Channel($"{site.Value.District} 政府信息公开：{name}", $"{site.Value.District}主动公开的“{name}”类政府信息",
                $"/catalogue?category={Uri.EscapeDataString(name)}", $"/feeds/categories/{Uri.EscapeDataString(name)}")
            : null;

    /// <summary>The newest documents of the channel (all, one organ by code, or one top category).</summary>
    public async Task<IReadOnlyList<Item>> ItemsAsync(string? organCode, string? category, CancellationToken ct = default)
    {
        var query = DocumentCatalogue.Public(db);
        if (organCode is not null)
        {
            var organ = await db.Organs.Where(o => o.Code == organCode).Select(o => o.Id).SingleAsync(ct);
            query = query.Where(d => d.OrganId == organ);
        }

        if (category is not null)
        {
            query = query.Where(StatutoryItems.CategoryPredicate(category));
        }

        var rows = await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(Size)
            .Select(d => new { d.Id, d.Title, d.Summary, Excerpt = d.BodyText.Substring(0, 200), d.PublishedAt, d.UpdatedAt, d.OrganId, d.SubjectCategory, d.DocumentNumber })
            .ToListAsync(ct);
        var organIds = rows.Select(r => r.OrganId).Distinct().ToList();
        var organs = await db.Organs.AsNoTracking().Where(o => organIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.FullName, ct);
        return rows.Select(r => new Item(r.Id, r.Title, r.Summary, r.Excerpt, r.PublishedAt!.Value, r.UpdatedAt > r.PublishedAt ? r.UpdatedAt : r.PublishedAt.Value,
            organs.GetValueOrDefault(r.OrganId, ""), r.SubjectCategory, r.DocumentNumber)).ToList();
    }

    /// <summary>RFC 822 date-time as RSS 2.0 requires, in district time: Mon, 23 Nov 2026 14:05:00 +0800.</summary>
    public static string Rfc822(DateTimeOffset at)
    {
        var local = ChineseDates.InBeijing(at);
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0800";
    }

    /// <summary>RFC 3339 date-time as Atom requires, in district time: 2026-11-23T14:05:00+08:00.</summary>
    public static string Rfc3339(DateTimeOffset at) =>
        ChineseDates.InBeijing(at).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    public byte[] Rss(Channel channel, IReadOnlyList<Item> items, string portal) => Write(w =>
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, AtomNs);
        w.WriteStartElement("channel");
        w.WriteElementString("title", Clean(channel.Title));
        w.WriteElementString("link", portal + channel.PagePath);
        w.WriteElementString("description", Html(channel.Description));
        w.WriteElementString("language", "zh-cn");
        w.WriteElementString("lastBuildDate", Rfc822(items.Count > 0 ? items.Max(i => i.UpdatedAt) : clock.GetUtcNow()));
        w.WriteElementString("generator", "公开 Gongkai");
        w.WriteStartElement("atom", "link", AtomNs);
        w.WriteAttributeString("href", portal + channel.FeedPath + ".rss");
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("type", "application/rss+xml");
        w.WriteEndElement();
        foreach (var item in items)
        {
            var link = portal + (item.Url ?? DocumentSearch.Url(item.Id));
            w.WriteStartElement("item");
            w.WriteElementString("title", Clean(item.Title));
            w.WriteElementString("link", link);
            w.WriteStartElement("guid");
            w.WriteAttributeString("isPermaLink", "true");
            w.WriteString(link);
            w.WriteEndElement();
            w.WriteElementString("pubDate", Rfc822(item.PublishedAt));
            // RSS 2.0 readers take <description> as HTML: the plain text is HTML-escaped here and XML-escaped by the
            // writer, so a reader decoding both gets the text back and never markup ("<script>" in a body stays text).
            w.WriteElementString("description", Html(Describe(item)));
            w.WriteElementString("category", Clean(item.Category));
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    });

    public byte[] Atom(Channel channel, IReadOnlyList<Item> items, string portal) => Write(w =>
    {
        w.WriteStartElement("feed", AtomNs);
        w.WriteAttributeString("xml", "lang", null, "zh-CN");
        w.WriteElementString("id", AtomNs, portal + channel.FeedPath + ".atom");
        w.WriteElementString("title", AtomNs, Clean(channel.Title));
        w.WriteElementString("subtitle", AtomNs, Clean(channel.Description));
        w.WriteElementString("updated", AtomNs, Rfc3339(items.Count > 0 ? items.Max(i => i.UpdatedAt) : clock.GetUtcNow()));
        Link(w, "self", "application/atom+xml", portal + channel.FeedPath + ".atom");
        Link(w, "alternate", "text/html", portal + channel.PagePath);
        w.WriteStartElement("author", AtomNs);
        w.WriteElementString("name", AtomNs, Clean(site.Value.District));
        w.WriteEndElement();
        w.WriteElementString("generator", AtomNs, "公开 Gongkai");
        foreach (var item in items)
        {
            w.WriteStartElement("entry", AtomNs);
            w.WriteElementString("id", AtomNs, "urn:uuid:" + item.Id.ToString("D"));
            w.WriteElementString("title", AtomNs, Clean(item.Title));
            w.WriteElementString("updated", AtomNs, Rfc3339(item.UpdatedAt));
            w.WriteElementString("published", AtomNs, Rfc3339(item.PublishedAt));
            Link(w, "alternate", "text/html", portal + (item.Url ?? DocumentSearch.Url(item.Id)));
            w.WriteStartElement("author", AtomNs);
            w.WriteElementString("name", AtomNs, Clean(item.Organ.Length > 0 ? item.Organ : site.Value.District));
            w.WriteEndElement();
            w.WriteStartElement("summary", AtomNs);
            w.WriteAttributeString("type", "text");
            w.WriteString(Clean(Describe(item)));
            w.WriteEndElement();
            w.WriteStartElement("category", AtomNs);
            w.WriteAttributeString("term", Clean(item.Category));
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    private static void Link(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Describe(Item item)
    {
        var text = !string.IsNullOrWhiteSpace(item.Summary) ? item.Summary : item.Excerpt.Length >= 200 ? item.Excerpt + "…" : item.Excerpt;
        return item.DocumentNumber is null ? text : $"{item.DocumentNumber}　{text}";
    }

    /// <summary>Plain text as the HTML an RSS description holds: escaped once for HTML (the XML writer escapes it once more for XML).</summary>
    internal static string Html(string text) => System.Net.WebUtility.HtmlEncode(Clean(text));

    internal static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            body(w);
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters a pasted text may hold).</summary>
    internal static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }

        return sb.ToString();
    }
}
