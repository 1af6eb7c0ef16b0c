using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Intake;

/// <summary>
/// 受理编号 {year}-{organ code}-{sequence:5}, e.g. 2026-XC001-00001, counted per organ and year of receipt. The last
/// number of each organ and year is read from the database once and then counted in memory (<see cref="TrackingCounters"/>),
/// so concurrent filings do not all compute the same "greatest plus one" and fail on the unique index. The index still
/// decides: a filing that loses (another process filed meanwhile) calls <see cref="Reload"/> and asks again. A filing
/// that fails after taking a number leaves that number unused.
/// </summary>
public sealed class TrackingNumbers(GongkaiDb db, TrackingCounters counters)
{
    public async Task<string> NextAsync(Guid organId, int year, CancellationToken ct = default)
    {
        var counter = await counters.GetAsync(organId, year, async () =>
        {
            var code = await db.Organs.Where(o => o.Id == organId).Select(o => o.Code).SingleAsync(ct);
            return (code, await LastAsync(Prefix(year, code), ct));
        });
        return Prefix(year, counter.Code) + counter.Next().ToString("00000", CultureInfo.InvariantCulture);
    }

    /// <summary>After losing on the unique index: count on from the greatest number in the database (never back).</summary>
    public async Task Reload(Guid organId, int year, CancellationToken ct = default)
    {
        if (counters.Find(organId, year) is { } counter)
        {
            counter.AtLeast(await LastAsync(Prefix(year, counter.Code), ct));
        }
    }

    private static string Prefix(int year, string code) => $"{year.ToString(CultureInfo.InvariantCulture)}-{code}-";

    // Fixed width, so the greatest string is the greatest number.
    private async Task<int> LastAsync(string prefix, CancellationToken ct)
    {
        var last = await db.DisclosureRequests.Where(r => r.TrackingNumber.StartsWith(prefix))
            .OrderByDescending(r => r.TrackingNumber).Select(r => r.TrackingNumber).FirstOrDefaultAsync(ct);
        return last is null ? 0 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture);
    }

    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();
}

/// <summary>The last tracking number given per organ and year in this process (a singleton).</summary>
public sealed class TrackingCounters
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid, int), Counter> counters = new();
    private readonly SemaphoreSlim loading = new(1, 1);

    public sealed class Counter(string code, int last)
    {
        private int last = last;

        public string Code { get; } = code;

        public int Next() => Interlocked.Increment(ref last);

        public void AtLeast(int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref last)) < value && Interlocked.CompareExchange(ref last, value, seen) != seen)
            {
            }
        }
    }

    public Counter? Find(Guid organId, int year) => counters.GetValueOrDefault((organId, year));

    public async Task<Counter> GetAsync(Guid organId, int year, Func<Task<(string Code, int Last)>> load)
    {
        if (counters.TryGetValue((organId, year), out var counter))
        {
            return counter;
        }

        await loading.WaitAsync();
        try
        {
            if (!counters.TryGetValue((organId, year), out counter))
            {
                var (code, last) = await load();
                counter = counters[(organId, year)] = new Counter(code, last);
            }

            return counter;
        }
        finally
        {
            loading.Release();
        }
    }
}

/// <summary>The applicant's secret (查询码): 12 characters without look-alikes (no 0/O, 1/I/L), about 60 bits.</summary>
public static class RequestSecret
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 12;

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What the applicant typed, without spaces or dashes, upper case.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(secret))));

    public static bool Matches(string hash, string? typed)
    {
        var given = Normalize(typed);
        return given.Length == Length
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Hash(given)));
    }

    /// <summary>Shown in groups of four so it can be read out and copied: ABCD-EFGH-JKMN.</summary>
    public static string Display(string secret) => string.Join("-", secret.Chunk(4).Select(c => new string(c)));
}
