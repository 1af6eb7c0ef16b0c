using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Keeps published document pages' data in memory. Every change on this node removes the entry at once;
/// other nodes drop it within <see cref="Lifetime"/>, so withdrawals reach every node quickly.
/// </summary>
public sealed class DocumentCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<T?> GetAsync<T>(Guid id, Func<Task<T?>> load) where T : class =>
        await cache.GetOrCreateAsync(Key(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await load();
        });

    public void Invalidate(Guid id) => cache.Remove(Key(id));

    private static string Key(Guid id) => "doc:" + id.ToString("N");
}
