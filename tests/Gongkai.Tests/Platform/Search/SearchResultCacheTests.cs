using Gongkai.Platform.Search;

namespace Gongkai.Tests.Platform.Search;

/// <summary>The in-process answer store behind DocumentSearch: keyed by text and version, single-flight, bounded.</summary>
public sealed class SearchResultCacheTests
{
    private sealed record Answer(string Text);

    [Fact]
    public async Task The_same_key_and_version_is_computed_once_and_a_new_version_computes_again()
    {
        var cache = new MemorySearchResultCache();
        var computed = 0;
        Task<Answer> Compute(string text) => Task.FromResult(new Answer(text + Interlocked.Increment(ref computed)));

        Assert.Equal("a1", (await cache.GetOrComputeAsync("q", 1, () => Compute("a"))).Text);
        Assert.Equal("a1", (await cache.GetOrComputeAsync("q", 1, () => Compute("a"))).Text);
        Assert.Equal("b2", (await cache.GetOrComputeAsync("other", 1, () => Compute("b"))).Text);
        Assert.Equal("a3", (await cache.GetOrComputeAsync("q", 2, () => Compute("a"))).Text);
        Assert.Equal("a3", (await cache.GetOrComputeAsync("q", 2, () => Compute("a"))).Text);
    }

    [Fact]
    public async Task A_reader_with_an_older_version_gets_its_own_answer_and_does_not_replace_the_newer_one()
    {
        var cache = new MemorySearchResultCache();
        Assert.Equal("new", (await cache.GetOrComputeAsync("q", 5, () => Task.FromResult(new Answer("new")))).Text);
        Assert.Equal("old", (await cache.GetOrComputeAsync("q", 4, () => Task.FromResult(new Answer("old")))).Text);
        Assert.Equal("new", (await cache.GetOrComputeAsync("q", 5, () => Task.FromResult(new Answer("again")))).Text);
    }

    [Fact]
    public async Task Concurrent_readers_of_one_key_wait_for_one_computation_and_a_failure_is_not_kept()
    {
        var cache = new MemorySearchResultCache();
        var computed = 0;
        var gate = new TaskCompletionSource();
        var readers = Enumerable.Range(0, 20).Select(_ => cache.GetOrComputeAsync("q", 1, async () =>
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            return new Answer("x");
        })).ToList();
        gate.SetResult();
        Assert.All(await Task.WhenAll(readers), a => Assert.Equal("x", a.Text));
        Assert.Equal(1, computed);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrComputeAsync<Answer>("bad", 1, () => throw new InvalidOperationException("db down")));
        Assert.Equal("ok", (await cache.GetOrComputeAsync("bad", 1, () => Task.FromResult(new Answer("ok")))).Text);
    }

    [Fact]
    public async Task Past_its_capacity_the_store_starts_again_instead_of_growing()
    {
        var cache = new MemorySearchResultCache(capacity: 10);
        var computed = 0;
        for (var i = 0; i < 25; i++)
        {
            await cache.GetOrComputeAsync("k" + i, 1, () => Task.FromResult(new Answer("v" + Interlocked.Increment(ref computed))));
        }

        Assert.Equal(25, computed);
        await cache.GetOrComputeAsync("k0", 1, () => Task.FromResult(new Answer("v" + Interlocked.Increment(ref computed))));
        Assert.Equal(26, computed);
    }
}
