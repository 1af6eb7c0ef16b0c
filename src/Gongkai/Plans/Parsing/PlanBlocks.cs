using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Plans.Parsing;

internal enum BlockKind
{
    Body,
    Marker,
    Label,
}

/// <summary>Heading and task numbers: 一、 （一） 1. （1）, full-width or half-width.</summary>
internal enum MarkerKind
{
    None = 0,
    ChineseDun = 1,
    ChineseParen = 2,
    Digit = 3,
    DigitParen = 4,
}

/// <summary>A logical paragraph: lines broken by conversion joined again, page numbers left out.</summary>
internal sealed class Block
{
    public BlockKind Kind { get; init; }
    public MarkerKind Marker { get; init; }
    public string Number { get; init; } = "";
    public int NumberValue { get; init; }
    public string Label { get; init; } = "";
    /// <summary>From the first character of the marker or label.</summary>
    public int Start { get; init; }
    public List<SourceSpan> Segments { get; } = [];

    public int End => Segments.Count > 0 ? Segments[^1].End : Start;

    /// <summary>The number as written, whitespace removed and brackets full-width: "1、", "（一）", "3.".</summary>
    public string MarkerText { get; init; } = "";

    /// <summary>The block's words with, for each character, where it stands in the source.</summary>
    public (string Text, int[] Map) Content(string source)
    {
        var sb = new StringBuilder();
        var map = new List<int>();
        foreach (var s in Segments)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
                map.Add(s.Start);
            }

            for (var i = s.Start; i < s.End; i++)
            {
                sb.Append(source[i]);
                map.Add(i);
            }
        }

        map.Add(End);
        return (sb.ToString(), map.ToArray());
    }

    /// <summary>Where the outermost parenthesis still open at the end of the block was opened, if any.</summary>
    public int? UnclosedParen(string source)
    {
        var stack = new Stack<int>();
        foreach (var s in Segments)
        {
            for (var i = s.Start; i < s.End; i++)
            {
                if (PlanText.IsOpenParen(source[i]))
                {
                    stack.Push(i);
                }
                else if (PlanText.IsCloseParen(source[i]) && stack.Count > 0)
                {
                    stack.Pop();
                }
            }
        }

        return stack.Count > 0 ? stack.Last() : null;
    }

    public char LastChar(string source)
    {
        for (var i = End - 1; i >= Start; i--)
        {
            if (!char.IsWhiteSpace(source[i]))
            {
                return source[i];
            }
        }

        return ' ';
    }
}

/// <summary>Cuts the source into lines and the lines into blocks.</summary>
internal static partial class PlanBlocks
{
    public sealed record Result(List<Block> Blocks, List<SourceSpan> PageNumbers, List<SourceSpan> Bullets, int FooterStart);

    public static Result Read(string source)
    {
        var blocks = new List<Block>();
        var pageNumbers = new List<SourceSpan>();
        var bullets = new List<SourceSpan>();
        var footer = source.Length;
        var lineStart = 0;
        while (lineStart < source.Length)
        {
            var lineEnd = source.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = source.Length;
            }

            var stop = ReadLine(source, lineStart, lineEnd, blocks, pageNumbers, bullets);
            if (stop)
            {
                footer = lineStart;
                break;
            }

            lineStart = lineEnd + 1;
        }

        return new Result(blocks, pageNumbers, bullets, footer);
    }

    private static bool ReadLine(string source, int start, int end, List<Block> blocks, List<SourceSpan> pageNumbers, List<SourceSpan> bullets)
    {
        var p = start;
        while (p < end && char.IsWhiteSpace(source[p]))
        {
            p++;
        }

        var e = end;
        while (e > p && char.IsWhiteSpace(source[e - 1]))
        {
            e--;
        }

        if (p >= e)
        {
            return false;
        }

        var line = source[p..e];
        var compact = PlanText.Compact(line);
        if (PageNumber().IsMatch(compact))
        {
            pageNumbers.Add(new SourceSpan(p, e));
            return false;
        }

        if (Footer().IsMatch(compact) && blocks.Any(b => b.Kind != BlockKind.Body))
        {
            return true;
        }

        // "- 1. 做好…": list bullets left by conversion.
        if (line.Length > 1 && line[0] is '-' or '•' or '·' or '●' or '▪' && char.IsWhiteSpace(line[1]))
        {
            bullets.Add(new SourceSpan(p, p + 1));
            p++;
            while (p < e && char.IsWhiteSpace(source[p]))
            {
                p++;
            }

            line = source[p..e];
        }

        // "(区体育局负责落实,\n完成时限: 2023年10月)": inside an open parenthesis a line never starts anything new.
        var open = blocks.Count > 0 ? blocks[^1] : null;
        if (open is { Kind: not BlockKind.Label } && open.LastChar(source) is var lastChar
            && (!PlanText.EndsParagraph(lastChar) || lastChar is '：' or ':')
            && open.UnclosedParen(source) is { } unclosed && open.End - unclosed <= 160)
        {
            open.Segments.Add(new SourceSpan(p, e));
            return false;
        }

        var label = UnitList.LabelPattern().Match(line);
        if (label.Success)
        {
            var block = new Block { Kind = BlockKind.Label, Label = PlanText.Compact(label.Groups[1].Value), Start = p };
            block.Segments.Add(new SourceSpan(p + label.Length, e));
            blocks.Add(block);
            return false;
        }

        if (MatchMarker(line) is { } marker)
        {
            var block = new Block
            {
                Kind = BlockKind.Marker,
                Marker = marker.Kind,
                Number = marker.Number,
                NumberValue = marker.Value,
                MarkerText = PlanText.Compact(line[..marker.Length]).Replace('(', '（').Replace(')', '）'),
                Start = p,
            };
            var contentStart = p + marker.Length;
            while (contentStart < e && char.IsWhiteSpace(source[contentStart]))
            {
                contentStart++;
            }

            block.Segments.Add(new SourceSpan(contentStart, e));
            blocks.Add(block);
            return false;
        }

        var previous = blocks.Count > 0 ? blocks[^1] : null;
        if (previous is not null && Continues(previous, source))
        {
            previous.Segments.Add(new SourceSpan(p, e));
            return false;
        }

        var body = new Block { Kind = BlockKind.Body, Start = p };
        body.Segments.Add(new SourceSpan(p, e));
        blocks.Add(body);
        return false;
    }

    /// <summary>A line without a number or label continues the paragraph before it if that one was cut mid-sentence.</summary>
    private static bool Continues(Block previous, string source)
    {
        var last = previous.LastChar(source);
        return previous.Kind switch
        {
            BlockKind.Label => last is '、' or '，' or ',',
            // A short numbered line is a heading ("四、工作要求"): the paragraph under it is not its continuation.
            BlockKind.Marker => !PlanText.EndsParagraph(last)
                && (previous.Marker is MarkerKind.Digit or MarkerKind.DigitParen || ContentLength(previous, source) > 30),
            _ => !PlanText.EndsParagraph(last),
        };
    }

    private static int ContentLength(Block block, string source)
    {
        var n = 0;
        foreach (var s in block.Segments)
        {
            for (var i = s.Start; i < s.End; i++)
            {
                n += char.IsWhiteSpace(source[i]) ? 0 : 1;
            }
        }

        return n;
    }

    private sealed record MarkerMatch(MarkerKind Kind, string Number, int Value, int Length);

    private static MarkerMatch? MatchMarker(string line)
    {
        Match m;
        if ((m = ChineseDun().Match(line)).Success)
        {
            return new MarkerMatch(MarkerKind.ChineseDun, m.Groups[1].Value, ChineseNumber(m.Groups[1].Value), m.Length);
        }

        if ((m = ChineseParen().Match(line)).Success)
        {
            return new MarkerMatch(MarkerKind.ChineseParen, m.Groups[1].Value, ChineseNumber(m.Groups[1].Value), m.Length);
        }

        if ((m = DigitParen().Match(line)).Success)
        {
            var n = Digits(m.Groups[1].Value);
            return new MarkerMatch(MarkerKind.DigitParen, n.ToString(System.Globalization.CultureInfo.InvariantCulture), n, m.Length);
        }

        if ((m = Digit().Match(line)).Success)
        {
            var n = Digits(m.Groups[1].Value);
            return new MarkerMatch(MarkerKind.Digit, n.ToString(System.Globalization.CultureInfo.InvariantCulture), n, m.Length);
        }

        return null;
    }

    private static int Digits(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n = n * 10 + (c >= '０' && c <= '９' ? c - '０' : c - '0');
        }

        return n;
    }

    public static int ChineseNumber(string s)
    {
        const string digits = "零一二三四五六七八九";
        if (s == "十")
        {
            return 10;
        }

        var ten = s.IndexOf('十');
        if (ten < 0)
        {
            return digits.IndexOf(s[0]);
        }

        var tens = ten == 0 ? 1 : digits.IndexOf(s[0]);
        var units = ten == s.Length - 1 ? 0 : digits.IndexOf(s[^1]);
        return tens * 10 + units;
    }

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})\s*[、.．,，]")]
    private static partial Regex ChineseDun();

    [GeneratedRegex(@"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]")]
    private static partial Regex ChineseParen();

    [GeneratedRegex(@"^[（(]?\s*([0-9０-９]{1,3})\s*[)）]")]
    private static partial Regex DigitParen();

    [GeneratedRegex(@"^([0-9０-９]{1,3})\s*[.．、](?![0-9０-９])")]
    private static partial Regex Digit();

    [GeneratedRegex(@"^(?:[-—–－‐_]+[0-9０-９]{1,3}[-—–－‐_]+|第[0-9０-９]{1,3}页(?:共[0-9０-９]{1,3}页)?|[0-9０-９]{1,3}/[0-9０-９]{1,3})$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(抄送|主题词|抄报)[:：]")]
    private static partial Regex Footer();
}
