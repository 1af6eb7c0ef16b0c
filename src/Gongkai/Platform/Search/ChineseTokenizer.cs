using System.Globalization;
using System.Text;

namespace Gongkai.Platform.Search;

/// <summary>
/// The one tokenizer of docs/DESIGN.md §3, used at index time and at query time on both databases.
/// Text is normalised (NFKC: full-width to half-width; lower case); a run of Han characters becomes
/// overlapping bigrams (a lone character stays as itself); Latin letters and digits become words.
/// Every Han character is also emitted as a unigram, so one-character queries work.
/// </summary>
public static class ChineseTokenizer
{
    /// <summary>Tokens of a text: the bigram stream (phrase-searchable, in order) and the unigram stream.</summary>
    public sealed record Tokens(IReadOnlyList<string> Bigrams, IReadOnlyList<string> Unigrams)
    {
        public string BigramText => string.Join(' ', Bigrams);
        public string UnigramText => string.Join(' ', Unigrams);
    }

    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static Tokens Tokenize(string text)
    {
        var bigrams = new List<string>();
        var unigrams = new List<string>();
        foreach (var run in Runs(Normalize(text)))
        {
            if (!run.Han)
            {
                bigrams.Add(run.Text);
                continue;
            }

            var chars = TextElements(run.Text);
            unigrams.AddRange(chars);
            if (chars.Count == 1)
            {
                bigrams.Add(chars[0]);
                continue;
            }

            for (var i = 0; i + 1 < chars.Count; i++)
            {
                bigrams.Add(chars[i] + chars[i + 1]);
            }
        }

        return new Tokens(bigrams, unigrams);
    }

    /// <summary>A run of Han characters, or of ASCII-range letters and digits; everything else separates runs.</summary>
    public readonly record struct Run(string Text, bool Han);

    public static IEnumerable<Run> Runs(string normalized)
    {
        var sb = new StringBuilder();
        bool? han = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            var pair = char.IsSurrogatePair(normalized, i);
            var codePoint = pair ? char.ConvertToUtf32(normalized[i], normalized[i + 1]) : normalized[i];
            var width = pair ? 2 : 1;
            bool? kind = IsHan(codePoint) ? true : IsWordChar(codePoint) ? false : null;
            if (kind != han && sb.Length > 0)
            {
                yield return new Run(sb.ToString(), han!.Value);
                sb.Clear();
            }

            han = kind;
            if (kind is not null)
            {
                sb.Append(normalized, i, width);
            }

            i += width - 1;
        }

        if (sb.Length > 0 && han is not null)
        {
            yield return new Run(sb.ToString(), han.Value);
        }
    }

    public static bool IsHan(int codePoint) =>
        codePoint is >= 0x4E00 and <= 0x9FFF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x20000 and <= 0x2EBEF
            or >= 0xF900 and <= 0xFAFF
            or 0x3007;

    private static bool IsWordChar(int codePoint) =>
        codePoint < 0x10000 && char.IsLetterOrDigit((char)codePoint) && !IsHan(codePoint);

    private static List<string> TextElements(string text)
    {
        var list = new List<string>(text.Length);
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            list.Add((string)e.Current);
        }

        return list;
    }
}
