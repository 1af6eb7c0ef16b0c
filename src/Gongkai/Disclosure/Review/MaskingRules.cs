namespace Gongkai.Disclosure.Review;

/// <summary>How much of a number stays visible when masked (configuration section "Masking").</summary>
public sealed class MaskRule
{
    public int KeepStart { get; set; }
    public int KeepEnd { get; set; }
}

/// <summary>
/// Masking rules (脱敏规则). Local practice varies (china-rules §7.6), so every rule is configurable;
/// the defaults keep just enough for a reader to tell records apart.
/// </summary>
public sealed class MaskingRules
{
    public char MaskChar { get; set; } = '*';
    public MaskRule IdNumber { get; set; } = new() { KeepStart = 3, KeepEnd = 4 };
    public MaskRule Mobile { get; set; } = new() { KeepStart = 3, KeepEnd = 4 };
    public MaskRule Landline { get; set; } = new() { KeepStart = 0, KeepEnd = 2 };
    public MaskRule BankCard { get; set; } = new() { KeepStart = 0, KeepEnd = 4 };
    public MaskRule Email { get; set; } = new() { KeepStart = 1, KeepEnd = 0 };

    /// <summary>The masked form of one finding, which replaces it in the text.</summary>
    public string Mask(PersonalDataFinding finding)
    {
        var text = finding.Text;
        return finding.Kind switch
        {
            PersonalDataKind.IdNumber or PersonalDataKind.MistypedIdNumber or PersonalDataKind.OldIdNumber => Keep(text, IdNumber),
            PersonalDataKind.Mobile => KeepDigits(text, Mobile),
            PersonalDataKind.Landline => MaskLandline(text),
            PersonalDataKind.BankCard => KeepDigits(text, BankCard),
            PersonalDataKind.Email => MaskEmail(text),
            PersonalDataKind.Address => MaskAddress(text),
            _ => new string(MaskChar, text.Length),
        };
    }

    /// <summary>Applies masks to every finding, from the end so earlier positions stay valid.</summary>
    public string Apply(string text, IEnumerable<PersonalDataFinding> findings)
    {
        foreach (var f in findings.OrderByDescending(f => f.Start))
        {
            text = string.Concat(text.AsSpan(0, f.Start), Mask(f), text.AsSpan(f.Start + f.Length));
        }

        return text;
    }

    private string Keep(string text, MaskRule rule)
    {
        var start = Math.Min(rule.KeepStart, text.Length);
        var end = Math.Min(rule.KeepEnd, text.Length - start);
        return text[..start] + new string(MaskChar, text.Length - start - end) + text[(text.Length - end)..];
    }

    private string KeepDigits(string text, MaskRule rule)
    {
        var digits = text.Count(char.IsAsciiDigit);
        var chars = text.ToCharArray();
        var seen = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiDigit(chars[i]))
            {
                continue;
            }

            if (seen >= rule.KeepStart && seen < digits - rule.KeepEnd)
            {
                chars[i] = MaskChar;
            }

            seen++;
        }

        return new string(chars);
    }

    private string MaskLandline(string text)
    {
        var split = text.LastIndexOfAny([')', '）', '-', ' '], Math.Max(0, text.Length - 1));
        var area = split > 0 && split < text.Length - 4 ? text[..(split + 1)] : "";
        return area + KeepDigits(text[area.Length..], Landline);
    }

    private string MaskEmail(string text)
    {
        var at = text.IndexOf('@');
        var local = text[..at];
        var keep = Math.Min(Email.KeepStart, local.Length);
        return local[..keep] + new string(MaskChar, Math.Max(3, local.Length - keep)) + text[at..];
    }

    /// <summary>Keeps the street part (up to the first number) and masks the house, building and room.</summary>
    private string MaskAddress(string text)
    {
        var firstDigit = text.IndexOfAny("0123456789一二三四五六七八九十甲乙丙".ToCharArray());
        var keep = firstDigit > 0 ? firstDigit : Math.Min(4, text.Length);
        return text[..keep] + new string(MaskChar, 3);
    }
}
