using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.RichText;
using Gongkai.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Interpretations;

/// <summary>
/// Interpretations in the platform's full-text index (<see cref="SearchIndex"/>: SQLite FTS5 / PostgreSQL), one entry per
/// published interpretation: the title line (title, the policies explained, who explains) and the body (every element and
/// every question with its answer). Publication indexes it in the same transaction, an edit of a published one
/// re-indexes it, withdrawal removes it; so the index holds exactly the public interpretations.
/// </summary>
public static class InterpretationSearch
{
    public const string OwnerType = "interpretation";

    /// <summary>Most matches read for one query (newest first); the public list pages through them.</summary>
    public const int MatchLimit = 2_000;

    public static SearchText IndexedText(Interpretation i) =>
        new(string.Join('\n', new[] { i.Title, i.Speaker }.Concat(i.Policies.Select(p => p.Title)).Where(t => !string.IsNullOrWhiteSpace(t))),
            string.Join('\n', i.Elements().Where(e => e.Text is not null).Select(e => $"{e.Name}：{RichTextHtml.TextOf(e.Text)}")
                .Concat(i.Questions.OrderBy(q => q.Position).Select(q => $"问：{q.Question}\n答：{q.Answer}"))));

    /// <summary>Indexes (or re-indexes) a published interpretation, its policies and questions read as saved in the caller's transaction.</summary>
    public static async Task IndexAsync(GongkaiDb db, Interpretation i, CancellationToken ct)
    {
        var copy = new Interpretation
        {
            Title = i.Title,
            Speaker = i.Speaker,
            Policies = await db.Set<InterpretedPolicy>().AsNoTracking().Where(p => p.InterpretationId == i.Id).OrderBy(p => p.Id).ToListAsync(ct),
            Questions = await db.Set<QuestionAnswer>().AsNoTracking().Where(q => q.InterpretationId == i.Id).ToListAsync(ct),
        };
        i.CopyElementsTo(copy);
        await SearchIndex.For(db).ReplaceAsync(db, OwnerType, i.Id, IndexedText(copy), ct);
    }

    public static Task RemoveAsync(GongkaiDb db, Guid id, CancellationToken ct) => SearchIndex.For(db).RemoveAsync(db, id, ct);

    /// <summary>The interpretations matching every term of <paramref name="text"/>, newest indexed first, at most <see cref="MatchLimit"/>.</summary>
    public static async Task<List<Guid>> MatchAsync(GongkaiDb db, string text, CancellationToken ct)
    {
        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return [];
        }

        var index = SearchIndex.For(db);
        var found = new List<Guid>();
        await using (await index.BeginReadAsync(db, ct))
        {
            foreach (var segment in await index.SegmentsAsync(db, ct))
            {
                var parameters = new List<object>();
                var match = index.MatchSql(query, SearchIndex.Field.All, segment, parameters);
                var sql = $"SELECT e.\"OwnerId\" AS \"Value\" FROM {match.From} WHERE {match.Where} AND e.\"OwnerType\" = '{OwnerType}' " +
                          $"ORDER BY {match.NewestFirst} LIMIT {MatchLimit - found.Count}";
                found.AddRange(await db.Database.SqlQueryRaw<Guid>(sql, [.. parameters]).ToListAsync(ct));
                if (found.Count >= MatchLimit)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Indexes every published interpretation again (after the index was rebuilt empty, or by <c>search reindex</c>).</summary>
    public static async Task<int> RebuildAsync(GongkaiDb db, AuditLog audit, CancellationToken ct)
    {
        var index = SearchIndex.For(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await OwnedTransaction.BeginAsync(db, ct);
            await index.RemoveAllAsync(db, OwnerType, ct);
            var published = await db.Set<Interpretation>().AsNoTracking().Include(i => i.Policies).Include(i => i.Questions)
                .Where(i => i.Status == InterpretationStatus.Published).OrderBy(i => i.PublishedAt).ToListAsync(ct);
            await index.WriteAsync(db, index.Prepare(OwnerType, published.Select(i => (i.Id, IndexedText(i)))), ct);
            audit.Record(Platform.PlatformAuditActions.SearchReindex, "Interpretation", null, $"重建政策解读检索索引，共{published.Count}条");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return published.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>True when interpretations are published but none is in the index (a fresh index after an upgrade).</summary>
    public static async Task<bool> IsMissingAsync(GongkaiDb db, CancellationToken ct) =>
        !await db.Set<SearchEntry>().AnyAsync(e => e.OwnerType == OwnerType, ct)
        && await db.Set<Interpretation>().AnyAsync(i => i.Status == InterpretationStatus.Published, ct);
}

/// <summary>The published interpretations as one kind of record in the full-text index (<c>search reindex</c>, start-up after an upgrade).</summary>
public sealed class RebuildInterpretationIndex(GongkaiDb db, AuditLog audit) : IIndexedRecords
{
    public string OwnerType => InterpretationSearch.OwnerType;

    public string Key => "interpretations";

    public string Label => "政策解读";

    public Task<bool> IsMissingAsync(CancellationToken ct = default) => InterpretationSearch.IsMissingAsync(db, ct);

    public Task<int> RebuildAsync(CancellationToken ct = default) => InterpretationSearch.RebuildAsync(db, audit, ct);
}
