using System.Security.Cryptography;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// 回执编号: YJ, the district day and eight random characters from an alphabet without look-alikes (YJ20261123-7KQ4M2XP).
/// Random rather than sequential, so thousands of comments a second take no shared counter and a number cannot be
/// guessed from another; the unique index decides the (astronomically rare) clash and the caller draws again.
/// </summary>
public static class ReceiptNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string Next(DateOnly day)
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"YJ{day:yyyyMMdd}-{chars}";
    }

    /// <summary>Upper case, no spaces; what a commenter types is compared in this form.</summary>
    public static string Normalise(string? text) =>
        new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
}
