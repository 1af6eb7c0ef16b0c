using System.Collections.Concurrent;

namespace Gongkai.Platform.Search;

/// <summary>
/// Search answers kept for reuse, each under its key (query, filters, page) and the version token read before it was
/// computed. An entry is served only while the caller's token is the one it was computed under, so a change that
/// commits (and moves the token, <see cref="ISearchVersion"/>) is seen by the very next search, on every instance.
/// Small on purpose, so that the portal's content-version mechanism can stand behind it.
/// </summary>
public interface ISearchResultCache
{
    /// <summary>The answer for <paramref name="key"/> at <paramref name="version"/>, computed once by <paramref name="compute"/> if not held.</summary>
    Task<T> GetOrComputeAsync<T>(string key, long version, Func<Task<T>> compute) where T : class;
}

/// <summary>
/// In process, bounded (<see cref="Capacity"/> keys; past it the table is emptied and refilled by what is asked), and
/// single-flight: concurrent requests for the same key and version wait for one computation. A failed computation is
/// not kept.
/// </summary>
internal sealed class MemorySearchResultCache(int capacity = MemorySearchResultCache.DefaultCapacity) : ISearchResultCache
{
    public const int DefaultCapacity = 20_000;

    private sealed record Entry(long Version, Lazy<Task<object>> Answer);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public int Capacity { get; } = capacity;

    public async Task<T> GetOrComputeAsync<T>(string key, long version, Func<Task<T>> compute) where T : class
    {
        key = typeof(T).FullName + "\u001f" + key;
        if (entries.TryGetValue(key, out var held) && held.Version == version && held.Answer.IsValueCreated
            && held.Answer.Value is { IsCompletedSuccessfully: true } done)
        {
            // The common case under load: an answer already computed for this version, returned without locking or allocating.
            return (T)done.Result;
        }

        Entry? mine = null;
        var entry = entries.AddOrUpdate(key,
            _ => mine = New(version, compute),
            // An older answer is replaced; a newer one (a reader that read the version later) is never replaced by an older one.
            (_, held) => held.Version >= version ? held : mine = New(version, compute));
        if (entry.Version != version)
        {
            // Another reader already holds an answer for a later version: ours is computed and not kept.
            return await compute();
        }

        if (mine is not null && entries.Count > Capacity)
        {
            entries.Clear();
        }

        try
        {
            return (T)await entry.Answer.Value;
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }
    }

    private static Entry New<T>(long version, Func<Task<T>> compute) where T : class =>
        new(version, new Lazy<Task<object>>(async () => await compute(), LazyThreadSafetyMode.ExecutionAndPublication));
}

/// <summary>Keeps nothing (Search:ResultCache = false): every search is computed.</summary>
internal sealed class NoSearchResultCache : ISearchResultCache
{
    public Task<T> GetOrComputeAsync<T>(string key, long version, Func<Task<T>> compute) where T : class => compute();
}
