namespace Gongkai.Disclosure.Demo;

/// <summary>
/// A small deterministic generator (SplitMix64): the same seed gives the same sequence on every machine and
/// .NET version, which <see cref="Random"/> does not promise. Each generated document gets its own stream,
/// derived from the run's seed and the document's number, so its text does not depend on any other document.
/// </summary>
internal struct DemoRandom(ulong state)
{
    private ulong state = state;

    public static DemoRandom For(int seed, long stream) => new(Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ Mix((ulong)stream + 0x632BE59BD9B4E019UL)));

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>0 ≤ result &lt; <paramref name="n"/>.</summary>
    public int Next(int n) => n <= 1 ? 0 : (int)((NextUInt64() >> 33) % (ulong)n);

    /// <summary><paramref name="min"/> ≤ result ≤ <paramref name="max"/>.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>0 ≤ result &lt; 1.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index drawn with the given weights (all ≥ 0, sum &gt; 0).</summary>
    public int Weighted(IReadOnlyList<int> cumulative)
    {
        var x = Next(cumulative[^1]);
        var lo = 0;
        var hi = cumulative.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (cumulative[mid] > x)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
