using System.Text;

namespace Gongkai.Plans.Parsing;

/// <summary>Whitespace repair for Chinese text damaged by conversion: "负责 落实" → "负责落实", "2023 年 10 月" → "2023年10月".</summary>
public static class PlanText
{
    /// <summary>Removes whitespace next to Chinese characters or full-width punctuation, collapses the rest to one space.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
                i++;
                continue;
            }

            var j = i;
            while (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            if (sb.Length > 0 && j < text.Length && !IsWide(sb[^1]) && !IsWide(text[j]))
            {
                sb.Append(' ');
            }

            i = j;
        }

        return sb.ToString();
    }

    /// <summary>All whitespace removed: for names of units and for matching labels.</summary>
    public static string Compact(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A unit's name as written, whitespace removed and brackets made full-width.</summary>
    public static string UnitName(string text) =>
        Compact(text).Replace('(', '（').Replace(')', '）').Trim('。', '.', '；', ';', '：', ':', '、', '，', ',');

    public static bool IsWide(char c) =>
        c >= 0x2E80 || (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);

    public static bool IsOpenParen(char c) => c is '（' or '(';

    public static bool IsCloseParen(char c) => c is '）' or ')';

    /// <summary>Characters that end a sentence or a paragraph: a line ending otherwise was broken by conversion.</summary>
    public static bool EndsParagraph(char c) => c is '。' or '！' or '？' or '；' or '：' or ':' or '）' or ')' or '!' or '?' or '”' or '"' or ';';
}
