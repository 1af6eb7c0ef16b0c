using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Search;

/// <summary>
/// The search index's version: one row whose number goes up in every transaction that writes the index (an entry
/// added, re-indexed or removed), in that transaction, so it becomes visible exactly when the change commits — on every
/// instance, since it lives in the database. A search answer computed after reading version <c>v</c> is valid for as
/// long as the version is still <c>v</c> (<see cref="ISearchResultCache"/>).
/// </summary>
public sealed class SearchIndexVersion
{
    public const int SingleRow = 1;

    public int Id { get; init; }
    public long Version { get; init; }
}

internal sealed class SearchIndexVersionConfiguration : IEntityTypeConfiguration<SearchIndexVersion>
{
    public void Configure(EntityTypeBuilder<SearchIndexVersion> b)
    {
        b.ToTable("search_index_version");
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new SearchIndexVersion { Id = SearchIndexVersion.SingleRow, Version = 0 });
    }
}

/// <summary>Reads and bumps <see cref="SearchIndexVersion"/>; a token source for <see cref="ISearchResultCache"/>.</summary>
public interface ISearchVersion
{
    /// <summary>The committed version now. Read it before computing an answer, never after.</summary>
    ValueTask<long> CurrentAsync(GongkaiDb db, CancellationToken ct = default);
}

/// <summary>
/// Read with the content counters (<see cref="Caching.ContentVersions"/>, one mechanism for the page cache and the
/// search cache): a read that began after the caller asked, shared by concurrent callers (PostgreSQL), or only when
/// another connection has committed (SQLite, <c>PRAGMA data_version</c>). A cached search then costs no query of its own.
/// </summary>
internal sealed class DatabaseSearchVersion(Caching.ContentVersions versions) : ISearchVersion
{
    public async ValueTask<long> CurrentAsync(GongkaiDb db, CancellationToken ct = default) =>
        (await versions.CurrentAsync(ct)).VersionOf(Caching.ContentVersions.SearchIndexTag);

    /// <summary>Part of every index write, in its transaction (a single UPDATE: concurrent writers queue on the row).</summary>
    public static Task BumpAsync(GongkaiDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("UPDATE search_index_version SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1", ct);
}
