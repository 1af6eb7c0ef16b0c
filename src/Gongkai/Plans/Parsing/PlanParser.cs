using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Plans.Parsing;

/// <summary>Choices the user makes when reading a plan.</summary>
public sealed record PlanParseOptions
{
    /// <summary>Tasks without a written deadline take the 31 December of the plan's year.</summary>
    public bool MissingDeadlineIsYearEnd { get; init; }

    /// <summary>The plan's year when the document does not say it.</summary>
    public int? Year { get; init; }
}

/// <summary>
/// Reads a 工作要点 / 细则 into headings and tasks. Three layouts are read the same way: numbered paragraphs followed
/// by 牵头单位/责任单位/完成时限 lines; numbered paragraphs closed by "（…负责落实，完成时限：…）"; and paragraphs of
/// sentences where each closing parenthesis that names units ends one task.
/// </summary>
public static partial class PlanParser
{
    public static ParsedPlan Parse(string text, PlanParseOptions? options = null)
    {
        options ??= new PlanParseOptions();
        var source = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');
        if (PlanText.Compact(source).Length == 0)
        {
            throw new PlanParseException("文件没有文字内容。如果是扫描件，请先进行文字识别（OCR），或直接粘贴文字。");
        }

        var read = PlanBlocks.Read(source);
        var blocks = read.Blocks;
        var first = blocks.FindIndex(b => b.Kind == BlockKind.Marker);
        if (first < 0)
        {
            first = blocks.FindIndex(b => FindUnitParens(b.Content(source).Text).Count > 0);
        }

        if (first < 0)
        {
            throw new PlanParseException("没有找到可识别的任务：文中既没有“一、”“1.”等编号，也没有“牵头单位”“负责落实”等写明单位的文字。");
        }

        var bodyStart = blocks[first].Start;
        var state = new State(source);
        for (var i = first; i < blocks.Count; i++)
        {
            state.Read(blocks[i], i + 1 < blocks.Count ? blocks[i + 1] : null);
        }

        if (state.Tasks.Count == 0)
        {
            throw new PlanParseException("没有找到可识别的任务：文中有标题，但没有写明牵头单位、责任单位或完成时限的事项。");
        }

        var title = Title(source, bodyStart);
        var year = options.Year ?? Year(title, source[..bodyStart]);
        var anyDeadline = state.Tasks.Any(t => t.Deadline.Text.Length > 0);
        foreach (var task in state.Tasks)
        {
            Finish(task, anyDeadline, options.MissingDeadlineIsYearEnd ? year : null);
        }

        foreach (var page in read.PageNumbers.Where(p => p.Start >= bodyStart))
        {
            state.Report(page, "页码，已略去");
        }

        var unassigned = Uncovered(state, read.Bullets, bodyStart, read.FooterStart);
        var warnings = new List<string>();
        var pages = unassigned.Count(u => u.Reason.StartsWith("页码", StringComparison.Ordinal));
        if (pages > 0)
        {
            warnings.Add($"略去页码 {pages} 处。");
        }

        var others = unassigned.Count - pages;
        if (others > 0)
        {
            warnings.Add($"有 {others} 段文字未归入任何任务或标题，请核对。");
        }

        if (options.MissingDeadlineIsYearEnd && year is null)
        {
            warnings.Add("无法确定计划年度，未按年底补充完成时限。");
        }

        return new ParsedPlan(title, year, state.Headings, state.Tasks, unassigned, warnings, source, bodyStart, read.FooterStart);
    }

    private static List<UnassignedText> Uncovered(State state, List<SourceSpan> bullets, int bodyStart, int bodyEnd)
    {
        var covered = new bool[state.Source.Length + 1];
        void Mark(SourceSpan s)
        {
            for (var i = s.Start; i < s.End && i < covered.Length; i++)
            {
                covered[i] = true;
            }
        }

        foreach (var t in state.Tasks)
        {
            Mark(t.Span);
        }

        foreach (var h in state.Headings)
        {
            Mark(h.Span);
        }

        // List bullets ("- 1.") are layout left by conversion, not words.
        foreach (var b in bullets)
        {
            Mark(b);
        }

        foreach (var u in state.Unassigned)
        {
            Mark(u.Span);
        }

        var result = new List<UnassignedText>(state.Unassigned);
        var i = bodyStart;
        while (i < bodyEnd)
        {
            if (covered[i] || char.IsWhiteSpace(state.Source[i]))
            {
                i++;
                continue;
            }

            var j = i;
            while (j < bodyEnd && !covered[j] && (state.Source[j] != '\n' || !covered[j + 1 < bodyEnd ? j + 1 : j]))
            {
                j++;
            }

            var span = new SourceSpan(i, j);
            result.Add(new UnassignedText(PlanText.Normalize(span.Of(state.Source)).Trim(), "未归入任何任务或标题", span));
            i = j;
        }

        return result.OrderBy(u => u.Span.Start).ToList();
    }

    private static void Finish(ParsedTask task, bool planHasDeadlines, int? yearEnd)
    {
        if (task.LeadUnits.Count == 0 && task.ResponsibleUnits.Count == 0)
        {
            task.Warnings.Add("未写明牵头单位或责任单位。");
            task.NeedsReview = true;
        }

        if (task.OpenList)
        {
            task.Warnings.Add("单位名单以“等”概括，实际单位可能不止所列，请核对。");
            task.NeedsReview = true;
        }

        if (task.Deadline.Text.Length > 0 && task.Deadline.Kind == DeadlineKind.None)
        {
            task.Warnings.Add($"未能识别完成时限“{task.Deadline.Text}”。");
            task.NeedsReview = true;
        }

        if (task.Deadline.Text.Length == 0)
        {
            if (yearEnd is { } y)
            {
                task.Deadline = new PlanDeadline("", new DateOnly(y, 12, 31), false, DeadlineKind.Date);
                task.Warnings.Add($"原文未写完成时限，按计划年度年底（{y}年12月31日）计。");
            }
            else if (planHasDeadlines)
            {
                task.Warnings.Add("未写明完成时限。");
                task.NeedsReview = true;
            }
        }

        if (task.Text.Length == 0)
        {
            task.Warnings.Add("任务内容为空：单位说明前没有文字。");
            task.NeedsReview = true;
        }
    }

    /// <summary>Pairs "分别负责落实" units with the sentences before them when the counts match.</summary>
    internal static void Pair(ParsedTask task)
    {
        var units = task.ResponsibleUnits;
        if (units.Count < 2)
        {
            return;
        }

        var sentences = Sentences().Split(task.Text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count == units.Count)
        {
            for (var i = 0; i < units.Count; i++)
            {
                task.Pairs.Add(new UnitPair(sentences[i], units[i]));
            }

            return;
        }

        task.Warnings.Add($"“分别负责落实”：{sentences.Count} 句对应 {units.Count} 个单位，无法一一对应，已将全部单位列为责任单位。");
        task.NeedsReview = true;
    }

    /// <summary>Parentheses that name units, outermost only: "（区委宣传部（区政府新闻办）负责落实）" is one.</summary>
    internal static List<SourceSpan> FindUnitParens(string text)
    {
        var result = new List<SourceSpan>();
        var depth = 0;
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (PlanText.IsOpenParen(c))
            {
                if (depth == 0)
                {
                    open = i;
                }

                depth++;
            }
            else if (PlanText.IsCloseParen(c) && depth > 0)
            {
                depth--;
                if (depth == 0 && UnitList.IsUnitClause(PlanText.Compact(text[(open + 1)..i])))
                {
                    result.Add(new SourceSpan(open, i + 1));
                }
            }
        }

        // A parenthesis left open at the end of a paragraph ("…负责落实，完成时限：2023年10月" and the page ended).
        if (depth > 0 && open >= 0 && UnitList.IsUnitClause(PlanText.Compact(text[(open + 1)..])))
        {
            result.Add(new SourceSpan(open, text.Length));
        }

        return result;
    }

    private static string Title(string source, int bodyStart)
    {
        var lines = source[..bodyStart].Split('\n').Select(l => PlanText.Normalize(l).Trim()).Where(l => l.Length > 0).ToList();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var l = lines[i];
            var compact = PlanText.Compact(l);
            if (compact.Length is < 4 or > 60 || l.Contains('。') || l.EndsWith('：') || l.EndsWith(':') || l.Contains('〔')
                || DateLine().IsMatch(compact) || (PlanText.IsOpenParen(compact[0]) && PlanText.IsCloseParen(compact[^1]))
                || compact.EndsWith("文件", StringComparison.Ordinal) || compact.EndsWith("办公室", StringComparison.Ordinal))
            {
                continue;
            }

            return l;
        }

        return lines.Count > 0 && lines[0].Length <= 60 ? lines[0] : "未命名工作计划";
    }

    private static int? Year(string title, string front)
    {
        var m = YearInTitle().Match(PlanText.Compact(title));
        if (m.Success)
        {
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        m = DocumentYear().Match(front);
        if (m.Success)
        {
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        m = YearInTitle().Match(PlanText.Compact(front));
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex("[。；;！？!?]")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"((?:19|20)\d{2})年")]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"[〔\[［]((?:19|20)\d{2})[〕\]］]")]
    private static partial Regex DocumentYear();
}
