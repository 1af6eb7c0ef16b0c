using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure;

/// <summary>
/// Indexes every published 主动公开 document again, in order of publication (so the index's order stays the order
/// of first publication), through the same bulk path as the demo import, in one transaction: readers see the old
/// index until the new one commits. Used after an upgrade changes the index's form, and by <c>gongkai search reindex</c>.
/// </summary>
public sealed class RebuildDocumentIndex(GongkaiDb db, AuditLog audit) : IIndexedRecords
{
    public string OwnerType => DocumentSearch.OwnerType;

    public string Key => "documents";

    public string Label => "政府信息";

    Task<int> IIndexedRecords.RebuildAsync(CancellationToken ct) => HandleAsync(ct);

    private const int BatchSize = 2_000;

    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var index = SearchIndex.For(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await OwnedTransaction.BeginAsync(db, ct);
            await index.RemoveAllAsync(db, DocumentSearch.OwnerType, ct);
            var live = db.Documents.AsNoTracking().Where(d => d.Status == DocumentStatus.Published && d.Attribute == DisclosureAttribute.Proactive);
            var ids = await live.OrderBy(d => d.PublishedAt).ThenBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
            foreach (var chunk in ids.Chunk(BatchSize))
            {
                var docs = await live.Where(d => chunk.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
                await index.WriteAsync(db, index.Prepare(DocumentSearch.OwnerType, chunk.Select(id => (id, DocumentSearch.IndexedText(docs[id])))), ct);
            }

            audit.Record(Platform.PlatformAuditActions.SearchReindex, "Document", null, $"重建政府信息检索索引，共{ids.Count}条");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (db.Database.CurrentTransaction is null)
            {
                await RefreshStatisticsAsync(db, ct);
            }

            return ids.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// After a bulk load the planners' statistics are stale (a search would think the tables empty and join the
    /// wrong way round) and PostgreSQL's visibility map is unset (no index-only scans): refresh both.
    /// Runs outside any transaction.
    /// </summary>
    public static async Task RefreshStatisticsAsync(GongkaiDb db, CancellationToken ct = default)
    {
        // Minutes at a million documents, far past the usual command timeout.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        try
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM (ANALYZE) documents, search_entries" : "ANALYZE documents; ANALYZE search_entries", ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>True when documents are published but the index holds none of them (a fresh index after an upgrade).</summary>
    public async Task<bool> IsMissingAsync(CancellationToken ct = default) =>
        !await db.Set<SearchEntry>().AnyAsync(e => e.OwnerType == DocumentSearch.OwnerType, ct)
        && await db.Documents.AnyAsync(d => d.Status == DocumentStatus.Published && d.Attribute == DisclosureAttribute.Proactive, ct);
}
