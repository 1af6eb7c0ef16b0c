using System.Globalization;

namespace Gongkai.Platform;

/// <summary>
/// The 18-digit 居民身份证号码 (GB 11643-1999): six digits of region, the birth date, a sequence and an
/// ISO 7064 MOD 11-2 check character. Shared by the personal-data scan and by request intake.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Whether the value is a well-formed number with a valid check character and a birth date from 1900 up to <paramref name="latestBirth"/>.</summary>
    public static bool IsValid(string value, DateOnly latestBirth)
    {
        if (value.Length != 18 || !value[..17].All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }

        if (char.ToUpperInvariant(value[17]) != CheckCharacters[sum % 11])
        {
            return false;
        }

        return DateOnly.TryParseExact(value.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            && birth.Year >= 1900 && birth <= latestBirth;
    }

    /// <summary>Upper-case X, no spaces: the form stored and compared.</summary>
    public static string Normalize(string value) => value.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
