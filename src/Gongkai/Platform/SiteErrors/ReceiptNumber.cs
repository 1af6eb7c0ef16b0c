using System.Security.Cryptography;

namespace Gongkai.Platform.SiteErrors;

/// <summary>
/// 回执编号 of a 网站找错 message: ZC, the district day and eight random characters from an alphabet without look-alikes.
/// Random, so one cannot be guessed from another (it is all a reporter needs to read the answer).
/// </summary>
public static class SiteErrorReceipt
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string Next(DateOnly day)
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"ZC{day:yyyyMMdd}-{chars}";
    }

    /// <summary>Upper case, no white space: what a reporter types is compared in this form.</summary>
    public static string Normalise(string? text) =>
        new((text ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
}
