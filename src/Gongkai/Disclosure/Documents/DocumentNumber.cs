using System.Text.RegularExpressions;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// A 发文字号: 机关代字 + 〔年份〕 + 序号 + 号 (GB/T 9704-2012 §7.2.5), e.g. 西政办发〔2017〕6号.
/// Older catalogues write the year in [] or () — all forms are accepted and stored normalised:
/// six-cornered brackets, the full year, no 第, no leading zeros.
/// </summary>
public sealed partial record DocumentNumber(string Agency, int Year, int Sequence)
{
    [GeneratedRegex(@"^\s*(?<agency>[^\s〔〕\[\]\(\)（）【】]{1,30}?)\s*[〔\[\(（【]\s*(?<year>\d{4})\s*[〕\]\)）】]\s*第?\s*(?<seq>\d{1,6})\s*号\s*$")]
    private static partial Regex Pattern();

    public override string ToString() => $"{Agency}〔{Year}〕{Sequence}号";

    public static bool TryParse(string? text, out DocumentNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var m = Pattern().Match(text.Normalize(System.Text.NormalizationForm.FormKC));
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups["year"].Value);
        var seq = int.Parse(m.Groups["seq"].Value);
        if (year is < 1949 or > 2100 || seq == 0)
        {
            return false;
        }

        number = new DocumentNumber(m.Groups["agency"].Value, year, seq);
        return true;
    }

    /// <summary>The stored form, or a clear message for a clerk.</summary>
    public static string Normalize(string text) =>
        TryParse(text, out var n)
            ? n!.ToString()
            : throw new Platform.ValidationFailure($"发文字号“{text}”格式不正确，应为“机关代字〔年份〕序号号”，例如 西政办发〔2017〕6号。", "DocumentNumber");
}
