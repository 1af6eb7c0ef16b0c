using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Intake;

/// <summary>受理编号 {year}-{organ code}-{sequence:5}, e.g. 2026-XC001-00001, counted per organ and year of receipt.</summary>
public sealed class TrackingNumbers(GongkaiDb db)
{
    public async Task<string> NextAsync(Guid organId, int year, CancellationToken ct = default)
    {
        var code = await db.Organs.Where(o => o.Id == organId).Select(o => o.Code).SingleAsync(ct);
        var prefix = $"{year.ToString(CultureInfo.InvariantCulture)}-{code}-";
        // Fixed width, so the greatest string is the greatest number; a concurrent filing that takes the same number
        // fails on the unique index and the caller asks again.
        var last = await db.DisclosureRequests.Where(r => r.TrackingNumber.StartsWith(prefix))
            .OrderByDescending(r => r.TrackingNumber).Select(r => r.TrackingNumber).FirstOrDefaultAsync(ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return prefix + next.ToString("00000", CultureInfo.InvariantCulture);
    }

    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();
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
