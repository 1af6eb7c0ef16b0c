using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Catalogue;

/// <summary>
/// 政府信息公开目录 (Regulation Art. 12): published 主动公开 documents with 索引, 名称, 内容概述 and 生成日期 (the 成文日期),
/// browsed by organ, 法定主动公开内容 section, 主题分类, 信息类别 and year (of the 生成日期, the date the list shows).
/// Each facet is counted over the documents matching every <em>other</em> filter, so a count is what a click gives.
/// A withdrawn, draft or non-主动公开 document is never counted or listed.
/// </summary>
public sealed class DocumentCatalogue(GongkaiDb db)
{
    public const int PageSize = 20;

    public sealed record Filter(Guid? OrganId = null, string? Category = null, InformationType? Type = null, int? Year = null, int? Item = null, int Page = 1);

    public sealed record Entry(Guid Id, string? IndexNumber, string Title, string? Summary, string? DocumentNumber, DateOnly WrittenOn,
        DateTimeOffset PublishedAt, Guid OrganId, Validity Validity, InformationType Type, string SubjectCategory)
    {
        public string Url => DocumentSearch.Url(Id);
    }

    public sealed record Facets(
        IReadOnlyList<(string Name, int Count)> TopCategories,
        IReadOnlyList<(string Path, string Name, int Count)> SubCategories,
        IReadOnlyList<(InformationType Type, int Count)> Types,
        IReadOnlyList<(int Year, int Count)> Years,
        IReadOnlyList<(StatutoryItems.Item Item, int Count)> Items,
        IReadOnlyDictionary<Guid, int> Organs);

    public sealed record Result(int Total, int Page, int PageCount, IReadOnlyList<Entry> Entries, Facets Facets);

    /// <summary>What the public may see: published and 主动公开.</summary>
    public static IQueryable<GovDocument> Public(GongkaiDb db) =>
        db.Documents.AsNoTracking().Where(d => d.Status == DocumentStatus.Published && d.Attribute == DisclosureAttribute.Proactive);

    public async Task<Result> BrowseAsync(Filter filter, CancellationToken ct = default)
    {
        var all = Public(db);
        var byOrgan = filter.OrganId is { } organ ? all.Where(d => d.OrganId == organ) : all;

        // 主题分类, 信息类别 and 法定 sections depend only on (category, type): one grouped query serves all three.
        var pairs = await Apply(byOrgan, filter with { Category = null, Type = null, Item = null })
            .GroupBy(d => new { d.SubjectCategory, d.InformationType })
            .Select(g => new { g.Key.SubjectCategory, g.Key.InformationType, Count = g.Count() })
            .ToListAsync(ct);
        var item = filter.Item is { } n ? StatutoryItems.Find(n) : null;
        bool InItem(string c, InformationType t) => item is null || StatutoryItems.Covers(item, c, t);
        bool InCategory(string c) => filter.Category is null || StatutoryItems.CategoryMatches(filter.Category, c);
        bool InType(InformationType t) => filter.Type is null || filter.Type == t;

        var forCategories = pairs.Where(p => InType(p.InformationType) && InItem(p.SubjectCategory, p.InformationType)).ToList();
        var tops = SubjectCategories.All
            .Select(c => (c.Name, Count: forCategories.Where(p => StatutoryItems.CategoryMatches(c.Name, p.SubjectCategory)).Sum(p => p.Count)))
            .Where(c => c.Count > 0 || c.Name == filter.Category)
            .ToList();
        var selectedTop = filter.Category is null ? null : SubjectCategories.TopOf(filter.Category);
        var subs = selectedTop is null
            ? []
            : SubjectCategories.All.Single(c => c.Name == selectedTop).Children
                .Select(child => (Path: $"{selectedTop}\\{child}", Name: child))
                .Select(c => (c.Path, c.Name, Count: forCategories.Where(p => p.SubjectCategory == c.Path).Sum(p => p.Count)))
                .Where(c => c.Count > 0 || c.Path == filter.Category)
                .ToList();
        var types = pairs.Where(p => InCategory(p.SubjectCategory) && InItem(p.SubjectCategory, p.InformationType))
            .GroupBy(p => p.InformationType).Select(g => (Type: g.Key, Count: g.Sum(p => p.Count)))
            .OrderBy(t => (int)t.Type).ToList();
        var items = StatutoryItems.All
            .Select(i => (Item: i, Count: pairs.Where(p => InCategory(p.SubjectCategory) && InType(p.InformationType) && StatutoryItems.Covers(i, p.SubjectCategory, p.InformationType)).Sum(p => p.Count)))
            .ToList();

        var years = (await Apply(byOrgan, filter with { Year = null })
                .GroupBy(d => d.WrittenOn.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(y => y.Year).Select(y => (y.Year, y.Count)).ToList();

        var organs = filter.OrganId is null
            ? (await Apply(all, filter).GroupBy(d => d.OrganId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count)
            : new Dictionary<Guid, int>();

        var matching = Apply(byOrgan, filter);
        var total = await matching.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var entries = await matching
            .OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id)
            .Skip(Gongkai.Platform.Web.Paging.Offset(page, PageSize)).Take(PageSize)
            .Select(d => new Entry(d.Id, d.IndexNumber, d.Title, d.Summary, d.DocumentNumber, d.WrittenOn, d.PublishedAt!.Value, d.OrganId, d.Validity, d.InformationType, d.SubjectCategory))
            .ToListAsync(ct);
        return new Result(total, page, pageCount, entries, new Facets(tops, subs, types, years, items, organs));
    }

    /// <summary>现行有效规范性文件: 规范性文件 that are published and still 有效, newest 成文日期 first.</summary>
    public async Task<(int Total, int Page, int PageCount, IReadOnlyList<Entry> Entries)> NormativeAsync(Guid? organId, int page, CancellationToken ct = default)
    {
        var query = Public(db).Where(d => d.InformationType == InformationType.NormativeDocument && d.Validity == Validity.Valid);
        if (organId is { } organ)
        {
            query = query.Where(d => d.OrganId == organ);
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await query
            .OrderByDescending(d => d.WrittenOn).ThenByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id)
            .Skip(Gongkai.Platform.Web.Paging.Offset(page, PageSize)).Take(PageSize)
            .Select(d => new Entry(d.Id, d.IndexNumber, d.Title, d.Summary, d.DocumentNumber, d.WrittenOn, d.PublishedAt!.Value, d.OrganId, d.Validity, d.InformationType, d.SubjectCategory))
            .ToListAsync(ct);
        return (total, page, pageCount, entries);
    }

    private static IQueryable<GovDocument> Apply(IQueryable<GovDocument> query, Filter filter)
    {
        if (filter.Category is { } category)
        {
            query = query.Where(StatutoryItems.CategoryPredicate(category));
        }

        if (filter.Type is { } type)
        {
            query = query.Where(d => d.InformationType == type);
        }

        if (filter.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            query = query.Where(d => d.WrittenOn >= from && d.WrittenOn < to);
        }

        if (filter.Item is { } n && StatutoryItems.Find(n) is { } item)
        {
            query = query.Where(StatutoryItems.Predicate(item));
        }

        return query;
    }
}
