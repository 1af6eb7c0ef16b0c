using System.Text.RegularExpressions;

namespace Gongkai.Disclosure.Review;

/// <summary>Kinds of personal data the pre-publication scan looks for (个人信息检测).</summary>
public enum PersonalDataKind
{
    /// <summary>居民身份证号码 (18 digits, checksum verified)</summary>
    IdNumber,
    /// <summary>手机号码</summary>
    Mobile,
    /// <summary>固定电话</summary>
    Landline,
    /// <summary>银行卡号 (Luhn verified)</summary>
    BankCard,
    /// <summary>电子邮箱</summary>
    Email,
    /// <summary>家庭住址</summary>
    Address,
    /// <summary>疑似身份证号码：18 digits, a real region and birth date, but a wrong check character (a mistyped number is still the person's)</summary>
    MistypedIdNumber,
    /// <summary>15位旧身份证号码 (issued before 1999: region, birth date 19yyMMdd, sequence; no check character)</summary>
    OldIdNumber,
}

/// <summary>One suspected piece of personal data at a position in a text.</summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, int Start, int Length, string Text);

/// <summary>
/// Finds personal data before a document is published (PIPL Art. 28, Regulation Art. 15; china-rules §7.6).
/// Numbers are checked, not only matched: an ID number must carry a valid checksum and birth date (one with a real
/// region and birth date but a wrong check character is flagged as a probable, mistyped ID number, and a 15-digit
/// number of before 1999 as an old one: the person's data is there either way), a bank
/// card must pass Luhn; an address counts only when it goes down to a building, unit or room, so the
/// office address of an organ is not flagged.
/// </summary>
public static partial class PersonalDataScanner
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-8]\d{16}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-8]\d{14}(?![0-9A-Za-z])")]
    private static partial Regex OldIdPattern();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"(?<![\d-])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-)[ ]?[2-9]\d{6,7}(?:-\d{1,4})?(?!\d)")]
    private static partial Regex LandlinePattern();

    [GeneratedRegex(@"(?<!\d)[3-6]\d{3}(?:[ -]?\d){12,15}(?!\d)")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[\u4e00-\u9fa5]{2,20}?(?:路|街|大街|胡同|巷|里|道|村|小区|社区|家园|花园|公寓)[\u4e00-\u9fa5]{0,6}?(?:[\d一二三四五六七八九十甲乙丙]+(?:号院|号楼|号|栋|幢|楼|单元|门|室|户))+")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"(?:家庭住址|家庭地址|住址|住所地|现住址|居住地址|户籍地址)[:：]\s*([^，,。；;\s\n]{4,40})")]
    private static partial Regex LabelledAddressPattern();

    public static IReadOnlyList<PersonalDataFinding> Scan(string? text, DateOnly? today = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<PersonalDataFinding>();
        var latestBirth = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (Match m in IdPattern().Matches(text))
        {
            if (IsIdNumber(m.Value, latestBirth))
            {
                found.Add(new(PersonalDataKind.IdNumber, m.Index, m.Length, m.Value));
            }
            else if (Platform.ResidentIdNumber.IsMistyped(m.Value, latestBirth))
            {
                found.Add(new(PersonalDataKind.MistypedIdNumber, m.Index, m.Length, m.Value));
            }
        }

        foreach (Match m in OldIdPattern().Matches(text))
        {
            if (Platform.ResidentIdNumber.IsOldNumber(m.Value, latestBirth))
            {
                found.Add(new(PersonalDataKind.OldIdNumber, m.Index, m.Length, m.Value));
            }
        }

        foreach (Match m in CardPattern().Matches(text))
        {
            var digits = Digits(m.Value);
            if (digits.Length is >= 16 and <= 19 && PassesLuhn(digits) && digits.Distinct().Count() > 2)
            {
                found.Add(new(PersonalDataKind.BankCard, m.Index, m.Length, m.Value));
            }
        }

        AddAll(found, MobilePattern(), text, PersonalDataKind.Mobile);
        AddAll(found, LandlinePattern(), text, PersonalDataKind.Landline);
        AddAll(found, EmailPattern(), text, PersonalDataKind.Email);
        foreach (Match m in AddressPattern().Matches(text))
        {
            if (Regex.IsMatch(m.Value, "[\\d一二三四五六七八九十](号楼|栋|幢|单元|门|室|户)"))
            {
                found.Add(new(PersonalDataKind.Address, m.Index, m.Length, m.Value));
            }
        }

        foreach (Match m in LabelledAddressPattern().Matches(text))
        {
            var g = m.Groups[1];
            found.Add(new(PersonalDataKind.Address, g.Index, g.Length, g.Value));
        }

        return RemoveOverlaps(found);
    }

    public static bool IsIdNumber(string value, DateOnly latestBirth) => Platform.ResidentIdNumber.IsValid(value, latestBirth);

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static string Digits(string value) => new(value.Where(char.IsAsciiDigit).ToArray());

    private static void AddAll(List<PersonalDataFinding> found, Regex pattern, string text, PersonalDataKind kind)
    {
        foreach (Match m in pattern.Matches(text))
        {
            found.Add(new(kind, m.Index, m.Length, m.Value));
        }
    }

    /// <summary>Where findings overlap, the stronger (checked) kind and then the longer match wins.</summary>
    private static List<PersonalDataFinding> RemoveOverlaps(List<PersonalDataFinding> found)
    {
        var kept = new List<PersonalDataFinding>();
        foreach (var f in found.OrderBy(f => f.Kind).ThenByDescending(f => f.Length))
        {
            if (kept.All(k => f.Start >= k.Start + k.Length || k.Start >= f.Start + f.Length))
            {
                kept.Add(f);
            }
        }

        return kept.OrderBy(f => f.Start).ToList();
    }
}
