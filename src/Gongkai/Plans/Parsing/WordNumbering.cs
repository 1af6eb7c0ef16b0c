using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Plans.Parsing;

/// <summary>
/// Word's automatic numbering (自动编号), which is not in the paragraph's text: a paragraph's <c>numPr</c> (direct, or
/// through its style) names a list and a level; <c>numbering.xml</c> gives each level's format (一, 1, ①…), its text
/// ("%1、", "（%2）", "%3.") and start. Counting the paragraphs in document order, as Word does, gives back the labels
/// 一、/（一）/1. the parser reads. A list or level the file does not define is counted as missing, for the caller to report.
/// </summary>
public sealed class WordNumbering
{
    private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides)> nums = [];
    private readonly Dictionary<int, Dictionary<int, Level>> abstracts = [];
    private readonly Dictionary<string, (int NumId, int Level)> styles = [];
    private readonly Dictionary<int, int[]> counters = [];

    private sealed record Level(string Format, string Text, int Start);

    /// <summary>Paragraphs whose numbering could not be resolved (no such list or level).</summary>
    public int Unresolved { get; private set; }

    public WordNumbering(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var a in numbering.Elements<AbstractNum>())
            {
                if (a.AbstractNumberId?.Value is not { } id)
                {
                    continue;
                }

                abstracts[id] = a.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>()
                    .Where(l => l.LevelIndex?.Value is not null)
                    .ToDictionary(l => l.LevelIndex!.Value, l => new Level(
                        l.NumberingFormat?.Val?.InnerText ?? "decimal",
                        l.LevelText?.Val?.Value ?? "",
                        l.StartNumberingValue?.Val?.Value ?? 1));
            }

            foreach (var n in numbering.Elements<NumberingInstance>())
            {
                if (n.NumberID?.Value is { } id && n.AbstractNumId?.Val?.Value is { } abstractId)
                {
                    var overrides = n.Elements<LevelOverride>()
                        .Where(o => o.LevelIndex?.Value is not null && o.StartOverrideNumberingValue?.Val?.Value is not null)
                        .ToDictionary(o => o.LevelIndex!.Value, o => o.StartOverrideNumberingValue!.Val!.Value);
                    nums[id] = (abstractId, overrides);
                }
            }
        }

        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id && style.StyleParagraphProperties?.NumberingProperties is { } numPr && numPr.NumberingId?.Val?.Value is { } numId)
            {
                styles[id] = (numId, numPr.NumberingLevelReference?.Val?.Value ?? 0);
            }
        }
    }

    /// <summary>The label Word shows before this paragraph ("一、", "（二）", "3."), or null when it is not numbered.</summary>
    public string? Label(Paragraph paragraph)
    {
        var props = paragraph.ParagraphProperties;
        int numId, level;
        if (props?.NumberingProperties is { } numPr && numPr.NumberingId?.Val?.Value is { } direct)
        {
            numId = direct;
            level = numPr.NumberingLevelReference?.Val?.Value
                ?? (props.ParagraphStyleId?.Val?.Value is { } s && styles.TryGetValue(s, out var fromStyle) ? fromStyle.Level : 0);
        }
        else if (props?.ParagraphStyleId?.Val?.Value is { } styleId && styles.TryGetValue(styleId, out var styled))
        {
            (numId, level) = styled;
        }
        else
        {
            return null;
        }

        if (numId == 0)
        {
            return null; // numId 0 switches numbering off
        }

        if (!nums.TryGetValue(numId, out var num) || !abstracts.TryGetValue(num.AbstractId, out var levels) || !levels.TryGetValue(level, out var def))
        {
            Unresolved++;
            return null;
        }

        if (def.Format is "bullet" or "none")
        {
            return null;
        }

        if (!counters.TryGetValue(numId, out var count))
        {
            count = counters[numId] = new int[9];
            for (var l = 0; l < 9; l++)
            {
                count[l] = Start(num, levels, l) - 1;
            }
        }

        count[level]++;
        for (var l = level + 1; l < 9; l++)
        {
            count[l] = Start(num, levels, l) - 1;
        }

        var text = def.Text;
        for (var l = 0; l <= level; l++)
        {
            var placeholder = "%" + (l + 1).ToString(CultureInfo.InvariantCulture);
            if (text.Contains(placeholder, StringComparison.Ordinal))
            {
                text = text.Replace(placeholder, Format(levels.TryGetValue(l, out var ld) ? ld.Format : "decimal", Math.Max(count[l], 1)), StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static int Start((int AbstractId, Dictionary<int, int> StartOverrides) num, Dictionary<int, Level> levels, int level) =>
        num.StartOverrides.TryGetValue(level, out var start) ? start : levels.TryGetValue(level, out var def) ? def.Start : 1;

    private const string Digits = "〇一二三四五六七八九";

    /// <summary>A number in one of Word's formats; formats the parser cannot read fall back to Arabic digits.</summary>
    public static string Format(string format, int n) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "chineseLegalSimplified" or "ideographDigital" or "taiwaneseCounting" or "japaneseCounting" => Chinese(n),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" when n is >= 1 and <= 20 => ((char)('①' + n - 1)).ToString(),
        "lowerLetter" => Letters(n, 'a'),
        "upperLetter" => Letters(n, 'A'),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letters(int n, char a) => new((char)(a + (n - 1) % 26), (n - 1) / 26 + 1);

    /// <summary>一 … 九十九 as written in headings (十, 十一, 二十, 二十一); larger numbers as digits.</summary>
    public static string Chinese(int n) => n switch
    {
        < 10 => Digits[n].ToString(),
        < 20 => "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
