namespace Gongkai.Platform.Search;

/// <summary>
/// One kind of record a module keeps in the full-text index (政府信息, 政策解读, …), rebuilt as a whole: by
/// <c>gongkai search reindex</c> and, when an upgrade leaves the index without them, once the server listens
/// (<see cref="SearchIndexAtStart"/>). Modules register their implementations as scoped services.
/// </summary>
public interface IIndexedRecords
{
    /// <summary>The owner type of the index entries (<see cref="SearchEntry.OwnerType"/>).</summary>
    string OwnerType { get; }

    /// <summary>The key in <c>search reindex --json</c> ("documents", "interpretations").</summary>
    string Key { get; }

    /// <summary>What the records are called on the command line ("政府信息").</summary>
    string Label { get; }

    /// <summary>True when such records are public but the index holds none of them.</summary>
    Task<bool> IsMissingAsync(CancellationToken ct = default);

    /// <summary>Indexes every public record again in one transaction (readers see the old entries until it commits) and audits it; the count indexed.</summary>
    Task<int> RebuildAsync(CancellationToken ct = default);
}
