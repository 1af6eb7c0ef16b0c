using System.Collections.Concurrent;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// What comment intake needs to check a comment without reading the database: the consultation's period and its
/// versions and articles, kept in memory per consultation. A change on this node (<see cref="ManageConsultation"/>)
/// drops the snapshot at once; another node's change is seen within <see cref="MaxAge"/>. The period is checked again by
/// <see cref="CommentIntake"/> against the database in the transaction that stores the comment, so a stale snapshot can
/// at worst refuse early or let a comment reach that final check, never store one after closing.
/// </summary>
public sealed class ConsultationSnapshots
{
    /// <summary>How long a snapshot is trusted when nothing on this node changed the consultation.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 2_000;
    private readonly ConcurrentDictionary<Guid, Snapshot> cache = new();

    public sealed record Article(Guid VersionId, int VersionNumber, string Label);

    public sealed record Snapshot(Guid Id, Guid OrganId, string Title, DateTimeOffset? AnnouncedAt, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        int CurrentVersion, IReadOnlyDictionary<int, Guid> Versions, IReadOnlyDictionary<Guid, Article> Articles, long LoadedAt)
    {
        /// <summary>Milliseconds since it was read (process ticks, not the site clock, which tests may move).</summary>
        public long AgeMs => Environment.TickCount64 - LoadedAt;
    }

    /// <summary>The snapshot, read from the database when missing, older than <see cref="MaxAge"/> or when <paramref name="fresh"/>; null when there is no such consultation.</summary>
    public async Task<Snapshot?> GetAsync(GongkaiDb db, Guid id, bool fresh = false, CancellationToken ct = default)
    {
        if (!fresh && cache.TryGetValue(id, out var cached) && cached.AgeMs < MaxAge.TotalMilliseconds)
        {
            return cached;
        }

        var c = await db.Set<Consultation>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.OrganId, x.Title, x.AnnouncedAt, x.OpensAt, x.ClosesAt, x.CurrentVersion })
            .FirstOrDefaultAsync(ct);
        if (c is null)
        {
            cache.TryRemove(id, out _);
            return null;
        }

        var versions = await db.Set<DraftVersion>().AsNoTracking().Where(v => v.ConsultationId == id)
            .Select(v => new { v.Id, v.Number }).ToListAsync(ct);
        var versionIds = versions.Select(v => v.Id).ToList();
        var numbers = versions.ToDictionary(v => v.Id, v => v.Number);
        var articles = await db.Set<DraftArticle>().AsNoTracking().Where(a => versionIds.Contains(a.VersionId))
            .Select(a => new { a.Id, a.VersionId, a.Label }).ToListAsync(ct);
        var snapshot = new Snapshot(c.Id, c.OrganId, c.Title, c.AnnouncedAt, c.OpensAt, c.ClosesAt, c.CurrentVersion,
            versions.ToDictionary(v => v.Number, v => v.Id),
            articles.ToDictionary(a => a.Id, a => new Article(a.VersionId, numbers[a.VersionId], a.Label)),
            Environment.TickCount64);
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }

        cache[id] = snapshot;
        return snapshot;
    }

    /// <summary>Forget the consultation: the next comment reads it again.</summary>
    public void Invalidate(Guid id) => cache.TryRemove(id, out _);
}
