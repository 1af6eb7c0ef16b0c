using System.Globalization;

namespace Gongkai.Platform;

/// <summary>What a reading of a 居民身份证号码 found.</summary>
public enum ResidentIdReading
{
    /// <summary>18 characters, a real birth date and the right check character.</summary>
    Valid,
    /// <summary>Not 18 characters, or not 17 digits and a digit or X.</summary>
    WrongLength,
    /// <summary>The birth date (characters 7–14) is no date, before 1900 or after the latest allowed.</summary>
    ImpossibleBirthDate,
    /// <summary>Everything is plausible but the check character: almost always a mistyped digit of a real number.</summary>
    WrongCheckCharacter,
}

/// <summary>
/// The 18-digit 居民身份证号码 (GB 11643-1999): six digits of region, the birth date, a sequence and an
/// ISO 7064 MOD 11-2 check character, and the 15-digit number issued before 1999 (region, yyMMdd born in the
/// 1900s, sequence, no check character). Shared by the personal-data scan and by request intake, so both read a
/// number the same way: a number with a wrong check character is still somebody's number to the scan, and a
/// typing mistake the form names as such.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The first two digits of every province-level region (GB/T 2260), including 台湾 71 and 香港/澳门 81/82 and 83 of the residence permits.</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
    ];

    /// <summary>Whether the value is a well-formed number with a valid check character and a birth date from 1900 up to <paramref name="latestBirth"/>.</summary>
    public static bool IsValid(string value, DateOnly latestBirth) => Read(value, latestBirth) == ResidentIdReading.Valid;

    /// <summary>Reads an 18-character number: its shape first, then the birth date, then the check character.</summary>
    public static ResidentIdReading Read(string value, DateOnly latestBirth)
    {
        if (value.Length != 18 || !value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x'))
        {
            return ResidentIdReading.WrongLength;
        }

        if (!PlausibleBirth(value.Substring(6, 8), latestBirth))
        {
            return ResidentIdReading.ImpossibleBirthDate;
        }

        return char.ToUpperInvariant(value[17]) == CheckCharacter(value) ? ResidentIdReading.Valid : ResidentIdReading.WrongCheckCharacter;
    }

    /// <summary>
    /// Whether an 18-character number with a wrong check character is still, by its region and birth date, most
    /// probably somebody's ID number typed with one wrong digit (the personal-data scan treats it as one).
    /// </summary>
    public static bool IsMistyped(string value, DateOnly latestBirth) =>
        Read(value, latestBirth) == ResidentIdReading.WrongCheckCharacter && Provinces.Contains(value[..2]);

    /// <summary>A 15-digit number of before 1999: a province, a birth date 19yyMMdd up to <paramref name="latestBirth"/>, a sequence.</summary>
    public static bool IsOldNumber(string value, DateOnly latestBirth) =>
        value.Length == 15 && value.All(char.IsAsciiDigit) && Provinces.Contains(value[..2]) && PlausibleBirth("19" + value.Substring(6, 6), latestBirth);

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacter(string value)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Upper-case X, no spaces: the form stored and compared.</summary>
    public static string Normalize(string value) => value.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static bool PlausibleBirth(string yyyymmdd, DateOnly latestBirth) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
        && birth.Year >= 1900 && birth <= latestBirth;
}
