using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Platform;
using Gongkai.Reports.Annual;

namespace Gongkai.Reports.Imports;

/// <summary>
/// Reads tables 二, 三 and 四 out of the text of a published annual report (a PDF's text layer, a Word file's text, a
/// UTF-8 text file) by the verbatim labels of its format. The text is normalised (NFKC: full-width digits and brackets
/// become half-width; whitespace and line breaks inside labels are ignored, quotes unified), page numbers are dropped
/// (“- 3 -”, “第3页 共5页”, a bare number at a page's edge), then each section heading and each row's own label is found
/// in the printed order; the figures of a row are the standalone numbers between its label and the next row's label, so
/// group labels, a label wrapped over lines or pages, a repeated table header and running headers in between do not
/// matter. A row must give exactly as many figures as the format has columns; a row without any figure is all 0, “-”,
/// “—” and “/” count as 0, and an empty cell of a Word table or a tab-separated line counts as 0 when that completes
/// the row. Anything else is refused with the row named and the figures found.
/// </summary>
public static partial class PublishedReportText
{
    private enum Kind
    {
        Text,
        Value,
        /// <summary>“-”, “—”, “/”: a cell printed as empty.</summary>
        Dash,
        /// <summary>An empty field of a tab-separated row (a Word table's empty cell).</summary>
        Blank,
    }

    private sealed record Token(Kind Kind, string Text, decimal Value = 0);

    private readonly record struct Match(int Start, int End);

    [GeneratedRegex(@"^[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:[-—–~_]+\s*\d+\s*[-—–~_]+|第\s*\d+\s*页(?:\s*[,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|共\s*\d+\s*页\s*第\s*\d+\s*页)$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(.*[^\d.,+\-])(\d+(?:\.\d+)?)$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"^(\d+)([^\d.,、)\]].*)$")]
    private static partial Regex LeadingNumber();

    private static readonly HashSet<string> Dashes = ["-", "—", "–", "——", "―", "/", "\\", "－", "／"];

    /// <summary>The label as compared: NFKC, no whitespace, one kind of quote.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c switch { '“' or '”' or '„' or '「' or '」' or '‘' or '’' or '\'' => '"', '−' => '-', _ => c });
        }

        return sb.ToString();
    }

    /// <summary>The cells of tables 二, 三, 四 of <paramref name="format"/> found in <paramref name="text"/> (cell id → figure).</summary>
    public static Dictionary<string, decimal> Read(string text, ReportFormat format)
    {
        var index = new LabelIndex(Tokenize(text));
        var s = format.Sections;
        var h2 = index.Find(s[1], 0) ?? throw Missing(s[1], format);
        var h3 = index.Find(s[2], h2.End) ?? throw Missing(s[2], format);
        var h4 = index.Find(s[3], h3.End) ?? throw Missing(s[3], format);
        var end = index.Find(s[4], h4.End)?.Start ?? index.Length;
        var cells = new Dictionary<string, decimal>();
        ReadRows(index, [.. format.Table2.SelectMany(g => g.Rows.Select(r => (g, r)))], h2.End, h3.Start, cells, format);
        ReadRows(index, [.. format.Table3.Rows.Select(r => (format.Table3, r))], h3.End, h4.Start, cells, format);
        var t4 = format.Table4;
        Assign(t4, t4.Rows[0], index.Figures(h4.End - 1, end), cells, $"表四（{s[3]}）");
        return cells;
    }

    private static ValidationFailure Missing(string heading, ReportFormat format) =>
        new($"没有找到标题“{heading}”。请确认文件是该年度按{format.Name}格式公布的年度报告全文（PDF须有文字层，扫描件无法识别）。", "file");

    private static void ReadRows(LabelIndex index, List<(ReportGrid Grid, GridRow Row)> rows, int from, int to, Dictionary<string, decimal> cells, ReportFormat format)
    {
        var found = new List<Match>();
        var at = from;
        foreach (var (grid, row) in rows)
        {
            var m = index.Find(row.Label, at);
            if (m is null || m.Value.Start >= to)
            {
                throw new ValidationFailure($"表{grid.Table}{grid.Heading}中没有找到“{row.Label}”一行（按{format.Name}格式的行名查找）。请核对文件是否完整、年度是否正确。", "file");
            }

            found.Add(m.Value);
            at = m.Value.End;
        }

        // A row's figures: after the start of its label (a label wrapped around its figures keeps them) up to the next row's label.
        for (var i = 0; i < rows.Count; i++)
        {
            var stop = i + 1 < rows.Count ? found[i + 1].Start : to;
            Assign(rows[i].Grid, rows[i].Row, index.Figures(found[i].Start, stop), cells, $"表{rows[i].Grid.Table}{rows[i].Grid.Heading}“{string.Join("", rows[i].Row.Path)}”一行");
        }
    }

    private static void Assign(ReportGrid grid, GridRow row, IEnumerable<Token> region, Dictionary<string, decimal> cells, string where)
    {
        var candidates = region.Where(t => t.Kind != Kind.Text).ToList();
        var figures = candidates.Where(t => t.Kind != Kind.Blank).ToList();
        var n = grid.Columns.Count;
        List<decimal> values;
        if (figures.Count == n)
        {
            values = [.. figures.Select(t => t.Value)];
        }
        else if (figures.Count == 0)
        {
            values = [.. Enumerable.Repeat(0m, n)];
        }
        else if (figures.Count < n && candidates.Count == n)
        {
            values = [.. candidates.Select(t => t.Value)];
        }
        else
        {
            throw new ValidationFailure(
                $"{where}读到{figures.Count}个数字（{string.Join(" ", figures.Select(t => t.Text))}），应有{n}个（{string.Join("、", grid.Columns.Select(c => c.Label))}）。" +
                "请核对该行：空白单元格请填0或“-”，或改用该格式的Excel模板导入。", "file");
        }

        for (var c = 0; c < n; c++)
        {
            cells[grid.CellId(row.Key, grid.Columns[c].Key)] = values[c];
        }
    }

    private static List<Token> Tokenize(string text)
    {
        text = text.Normalize(NormalizationForm.FormKC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var pages = text.Split('\f');
        var tokens = new List<Token>();
        foreach (var page in pages)
        {
            var lines = page.Split('\n').ToList();
            var filled = lines.Select((l, i) => (l.Trim(), i)).Where(x => x.Item1.Length > 0).Select(x => x.i).ToList();
            var edges = pages.Length > 1 && filled.Count > 0 ? new HashSet<int> { filled[0], filled[^1] } : [];
            for (var i = 0; i < lines.Count; i++)
            {
                var trimmed = lines[i].Trim();
                if (PageNumber().IsMatch(trimmed) || (edges.Contains(i) && BareNumber().IsMatch(trimmed)))
                {
                    continue;
                }

                tokens.AddRange(Line(lines[i]));
            }
        }

        return tokens;
    }

    /// <summary>One line's tokens: tab-separated fields (an empty field is a blank cell), words within a field.</summary>
    private static List<Token> Line(string line)
    {
        var tokens = new List<Token>();
        var fields = line.Split('\t');
        foreach (var field in fields)
        {
            if (field.Trim().Length == 0)
            {
                if (fields.Length > 1)
                {
                    tokens.Add(new(Kind.Blank, ""));
                }

                continue;
            }

            foreach (var word in field.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.AddRange(Word(word.Replace('−', '-')));
            }
        }

        // A number glued to a date or page word (“2021 年”, “第 3 页”) is text, not a figure.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == Kind.Value &&
                ((i + 1 < tokens.Count && tokens[i + 1].Kind == Kind.Text && "年月日页号届次期".Contains(tokens[i + 1].Text[0])) ||
                 (i > 0 && tokens[i - 1].Kind == Kind.Text && "第共".Contains(tokens[i - 1].Text[^1]))))
            {
                tokens[i] = new(Kind.Text, tokens[i].Text);
            }
        }

        // Empty fields before the row's label are the merged label cells of a Word table, not blank figures; a line
        // without any figure has no blank figures either.
        var lastText = tokens.FindLastIndex(t => t.Kind == Kind.Text);
        var hasFigure = tokens.Any(t => t.Kind is Kind.Value or Kind.Dash);
        return [.. tokens.Where((t, i) => t.Kind != Kind.Blank || (hasFigure && i > lastText))];
    }

    /// <summary>A word's tokens: a figure, text, or text with a figure glued before or after it (“予以公开5”, “1（二）…”).</summary>
    private static IEnumerable<Token> Word(string word)
    {
        if (Figure(word) is { } whole)
        {
            return [whole];
        }

        if (LeadingNumber().Match(word) is { Success: true } leading)
        {
            return [Figure(leading.Groups[1].Value)!, .. Word(leading.Groups[2].Value)];
        }

        if (TrailingNumber().Match(word) is { Success: true } trailing)
        {
            return [.. Word(trailing.Groups[1].Value), Figure(trailing.Groups[2].Value)!];
        }

        return [new(Kind.Text, word)];
    }

    private static Token? Figure(string word)
    {
        if (Dashes.Contains(word))
        {
            return new(Kind.Dash, word);
        }

        return Number().IsMatch(word)
            ? new(Kind.Value, word, decimal.Parse(word.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>
    /// The text tokens run together without whitespace (labels are searched there, across words, lines and pages), with
    /// the token each character came from; every other token (a figure) sits at the position of the text after it.
    /// </summary>
    private sealed class LabelIndex
    {
        private readonly string compact;
        private readonly List<Token> tokens;
        private readonly int[] position;

        public LabelIndex(List<Token> tokens)
        {
            this.tokens = tokens;
            var sb = new StringBuilder();
            position = new int[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                position[i] = sb.Length;
                if (tokens[i].Kind == Kind.Text)
                {
                    sb.Append(Normalise(tokens[i].Text));
                }
            }

            compact = sb.ToString();
        }

        public int Length => compact.Length;

        /// <summary>The first occurrence of the label at or after character <paramref name="from"/> of the run-together text.</summary>
        public Match? Find(string label, int from)
        {
            var i = compact.IndexOf(Normalise(label), Math.Min(from, compact.Length), StringComparison.Ordinal);
            return i < 0 ? null : new Match(i, i + Normalise(label).Length);
        }

        /// <summary>The figure tokens after character <paramref name="after"/> up to and including <paramref name="upTo"/>.</summary>
        public IEnumerable<Token> Figures(int after, int upTo) =>
            tokens.Where((t, i) => t.Kind != Kind.Text && position[i] > after && position[i] <= upTo);
    }
}
