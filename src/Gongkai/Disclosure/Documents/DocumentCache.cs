using Gongkai.Platform.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Keeps published document pages' data in memory under the database's counters of documents and organs
/// (docs/ARCHITECTURE.md §Public page cache): once a change to either has committed, on any node, the next read looks
/// for a new key and loads again, so a withdrawn document is never shown from here after its withdrawal commits.
/// </summary>
public sealed class DocumentCache(IMemoryCache cache, ContentVersions versions)
{
    /// <summary>How long an entry is kept unused; it is never served under counters other than its own.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly string[] Tags = [ContentTags.Documents, ContentTags.Organs];

    public async Task<T?> GetAsync<T>(Guid id, Func<Task<T?>> load) where T : class
    {
        var stamp = await versions.CurrentAsync();
        return await cache.GetOrCreateAsync(Key(id, stamp.Of(Tags).Sum), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await load();
        });
    }

    private static string Key(Guid id, long version) => string.Concat("doc:", id.ToString("N"), ":", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
