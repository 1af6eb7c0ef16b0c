using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// What the English pages (/en) list: published, proactively disclosed documents that have an English title, newest
/// first; news (工作动态) apart from the other documents. A document without an English title is not listed in English,
/// and a withdrawn one is not shown anywhere (its status is no longer Published).
/// </summary>
public sealed class EnglishDocuments(GongkaiDb db, DocumentPages pages)
{
    public const int PageSize = 20;

    public sealed record Item(Guid Id, string Title, string? Summary, DateTimeOffset PublishedAt, InformationType Type);

    public sealed record Page(IReadOnlyList<Item> Items, int Number, int PageCount);

    private IQueryable<GovDocument> Listed(bool news) =>
        db.Documents.AsNoTracking()
            .Where(d => d.Status == DocumentStatus.Published && d.Attribute == DisclosureAttribute.Proactive && d.EnglishTitle != null)
            .Where(d => news ? d.InformationType == InformationType.News : d.InformationType != InformationType.News);

    /// <summary>The newest <paramref name="count"/> news items or other documents.</summary>
    public async Task<IReadOnlyList<Item>> LatestAsync(bool news, int count, CancellationToken ct = default) =>
        await Listed(news).OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(count)
            .Select(d => new Item(d.Id, d.EnglishTitle!, d.EnglishSummary, d.PublishedAt!.Value, d.InformationType)).ToListAsync(ct);

    /// <summary>One page of the list; a page past the end shows the last page.</summary>
    public async Task<Page> PageAsync(bool news, int number, CancellationToken ct = default)
    {
        var total = await Listed(news).CountAsync(ct);
        var count = Math.Max(1, (total + PageSize - 1) / PageSize);
        number = Math.Clamp(number, 1, count);
        var items = await Listed(news).OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(d => new Item(d.Id, d.EnglishTitle!, d.EnglishSummary, d.PublishedAt!.Value, d.InformationType)).ToListAsync(ct);
        return new Page(items, number, count);
    }

    /// <summary>The English page of a public document with an English title; null otherwise (404).</summary>
    public async Task<DocumentPages.View?> GetAsync(Guid id, CancellationToken ct = default) =>
        await pages.GetAsync(id, ct) is { Document.EnglishTitle: not null } view ? view : null;
}
