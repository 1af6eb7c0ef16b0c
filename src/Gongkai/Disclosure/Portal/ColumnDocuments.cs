using System.Linq.Expressions;
using Gongkai.Disclosure.Catalogue;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Gongkai.Platform.Portal;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Portal;

/// <summary>
/// The information-release columns and which published documents belong to each, by the document's 信息类别 (the field
/// every document already has, chosen when it is drafted): 要闻动态 = 工作动态, 通知公告 = 通知公告, 政策文件 = 规范性文件 and
/// 其他政策文件. No second column field, so a document can never sit in a column its category contradicts.
/// </summary>
public sealed record DocumentColumn(string Key, string Name, string Path, string Description, Expression<Func<GovDocument, bool>> Member)
{
    public static readonly DocumentColumn News = new("news", "要闻动态", "/news", "本区政府及各部门、街道的工作动态，按发布时间排列。",
        d => d.InformationType == InformationType.News);

    public static readonly DocumentColumn Notices = new("notices", "通知公告", "/notices", "本区政府及各部门、街道发布的通知和公告，按发布时间排列。",
        d => d.InformationType == InformationType.Notice);

    public static readonly DocumentColumn Policies = new("policies", "政策文件", "/policies", "本区发布的规范性文件和其他政策文件，按发布时间排列；已废止、失效的文件作标注。",
        d => d.InformationType == InformationType.NormativeDocument || d.InformationType == InformationType.PolicyDocument);

    public static readonly IReadOnlyList<DocumentColumn> All = [News, Notices, Policies];

    public static DocumentColumn? Find(string? key) => All.FirstOrDefault(c => c.Key == key);
}

/// <summary>The public documents of a column (or of all columns), newest publication first; withdrawn and non-主动公开 never.</summary>
public sealed class ColumnDocuments(GongkaiDb db)
{
    public const int PageSize = 20;

    public sealed record Entry(Guid Id, string Title, string? DocumentNumber, DateTimeOffset PublishedAt, Guid OrganId, Validity Validity)
    {
        public string Url => DocumentSearch.Url(Id);
    }

    public sealed record Result(int Total, int Page, int PageCount, IReadOnlyList<Entry> Entries);

    private IQueryable<GovDocument> Of(DocumentColumn? column) =>
        column is null ? DocumentCatalogue.Public(db) : DocumentCatalogue.Public(db).Where(column.Member);

    /// <summary>The newest <paramref name="count"/> documents of the column (null: any published document), for the home page.</summary>
    public async Task<IReadOnlyList<PortalEntry>> LatestAsync(DocumentColumn? column, int count, CancellationToken ct = default) =>
        (await Of(column).OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(count)
            .Select(d => new { d.Id, d.Title, d.PublishedAt }).ToListAsync(ct))
        .Select(d => new PortalEntry(d.Title, DocumentSearch.Url(d.Id), d.PublishedAt!.Value)).ToList();

    public async Task<Result> PageAsync(DocumentColumn column, Guid? organId, int page, CancellationToken ct = default)
    {
        var query = Of(column);
        if (organId is { } organ)
        {
            query = query.Where(d => d.OrganId == organ);
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id)
            .Skip(Platform.Web.Paging.Offset(page, PageSize)).Take(PageSize)
            .Select(d => new Entry(d.Id, d.Title, d.DocumentNumber, d.PublishedAt!.Value, d.OrganId, d.Validity))
            .ToListAsync(ct);
        return new Result(total, page, pageCount, entries);
    }
}
