namespace Gongkai.Plans.Parsing;

public static partial class PlanParser
{
    /// <summary>Walks the blocks of the body, keeping the heading path and the task that label lines belong to.</summary>
    private sealed class State(string source)
    {
        private readonly List<(MarkerKind Kind, int Value, string Text)> stack = [];
        private ParsedTask? labelTarget;

        public string Source { get; } = source;
        public List<ParsedHeading> Headings { get; } = [];
        public List<ParsedTask> Tasks { get; } = [];
        public List<UnassignedText> Unassigned { get; } = [];

        public void Report(SourceSpan span, string reason) =>
            Unassigned.Add(new UnassignedText(PlanText.Normalize(span.Of(Source)).Trim(), reason, span));

        public void Read(Block block, Block? next)
        {
            switch (block.Kind)
            {
                case BlockKind.Label:
                    if (labelTarget is null)
                    {
                        Report(new SourceSpan(block.Start, block.End), "标签行前没有可归属的任务");
                    }
                    else
                    {
                        ApplyLabel(labelTarget, block);
                    }

                    return;
                case BlockKind.Marker:
                    ReadMarker(block, next);
                    return;
                default:
                    labelTarget = null;
                    ReadBody(block);
                    return;
            }
        }

        private void ReadMarker(Block block, Block? next)
        {
            labelTarget = null;
            var (text, map) = block.Content(Source);
            if (next is { Kind: BlockKind.Label })
            {
                var task = NewTask(block.Number, text, map, 0, text.Length, block.Start);
                labelTarget = task;
                return;
            }

            var parens = FindUnitParens(text);
            if (parens.Count == 0)
            {
                if (HeadingLike(block, text, next))
                {
                    PushHeading(block, PlanText.Normalize(text).Trim(), new SourceSpan(block.Start, block.End));
                    return;
                }

                NewTask(block.Number, text, map, 0, text.Length, block.Start);
                return;
            }

            if (block.Marker is MarkerKind.Digit or MarkerKind.DigitParen)
            {
                Carve(text, map, 0, parens, block.Number, block.Start);
                return;
            }

            // "（一）围绕…做好信息公开。及时准确发布…（区政府办牵头，相关单位负责落实）。加强…": the first sentence is
            // the heading, the rest are tasks cut at each parenthesis that names units.
            var stop = text.IndexOf('。');
            var from = 0;
            var title = "";
            if (stop >= 0 && stop < parens[0].Start)
            {
                title = PlanText.Normalize(text[..stop]).Trim();
                from = stop + 1;
            }

            PushHeading(block, title, new SourceSpan(block.Start, map[from]));
            Carve(text, map, from, parens, null, map[from]);
        }

        private void ReadBody(Block block)
        {
            var (text, map) = block.Content(Source);
            var parens = FindUnitParens(text);
            if (parens.Count == 0)
            {
                Report(new SourceSpan(block.Start, block.End), "未写明单位的段落，未作为任务");
                return;
            }

            Carve(text, map, 0, parens, null, block.Start);
        }

        private static bool HeadingLike(Block block, string text, Block? next)
        {
            if (block.Marker is MarkerKind.ChineseDun or MarkerKind.ChineseParen)
            {
                return true;
            }

            var compact = PlanText.Compact(text);
            return compact.Length <= 40 && !compact.EndsWith('。') && !compact.TrimEnd('。').Contains('。')
                && (next is null || next.Kind == BlockKind.Marker);
        }

        private void PushHeading(Block block, string title, SourceSpan span)
        {
            var kind = block.Marker;
            var counterpart = kind switch
            {
                MarkerKind.ChineseDun => MarkerKind.Digit,
                MarkerKind.Digit => MarkerKind.ChineseDun,
                MarkerKind.ChineseParen => MarkerKind.DigitParen,
                MarkerKind.DigitParen => MarkerKind.ChineseParen,
                _ => MarkerKind.None,
            };

            // "1、深化公开内容" followed later by "二、加强预公开": a typo'd number still continues its own level.
            var same = -1;
            for (var j = stack.Count - 1; j >= 0; j--)
            {
                if ((stack[j].Kind == kind || stack[j].Kind == counterpart) && stack[j].Value == block.NumberValue - 1)
                {
                    same = j;
                    break;
                }
            }

            if (same >= 0)
            {
                stack.RemoveRange(same, stack.Count - same);
            }
            else
            {
                while (stack.Count > 0 && (int)stack[^1].Kind >= (int)kind && !(stack[^1].Kind == counterpart && (int)kind < (int)counterpart))
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }

            var heading = block.MarkerText + title;
            stack.Add((kind, block.NumberValue, heading));
            Headings.Add(new ParsedHeading(stack.Count, block.MarkerText, heading, span));
        }

        private List<string> Path() => stack.Select(s => s.Text).ToList();

        private ParsedTask NewTask(string number, string text, int[] map, int from, int to, int spanStart)
        {
            var (s, e) = Trim(text, from, to);
            var task = new ParsedTask
            {
                Number = number,
                Path = Path(),
                Text = PlanText.Normalize(text[s..e]).Trim(),
                TextSpan = new SourceSpan(map[s], e > s ? map[e - 1] + 1 : map[s]),
                Span = new SourceSpan(spanStart, map[to - 1 < 0 ? 0 : to - 1] + (to > 0 ? 1 : 0)),
            };
            Tasks.Add(task);
            return task;
        }

        /// <summary>One task per parenthesis that names units; text after the last one is reported.</summary>
        private void Carve(string text, int[] map, int from, List<SourceSpan> parens, string? number, int firstStart)
        {
            var pos = from;
            var start = firstStart;
            var k = 0;
            var carved = new List<ParsedTask>();
            foreach (var p in parens.Where(p => p.Start >= from))
            {
                k++;
                var taskNumber = number ?? (Tasks.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var task = NewTask(taskNumber, text, map, pos, p.Start, start);
                var end = p.End;
                while (end < text.Length && (char.IsWhiteSpace(text[end]) || text[end] is '。' or '；' or ';' or '.' or '，' or ','))
                {
                    end++;
                }

                task.Span = new SourceSpan(task.Span.Start, map[end - 1] + 1);
                var inner = p.End - 1 > p.Start && PlanText.IsCloseParen(text[p.End - 1]) ? text[(p.Start + 1)..(p.End - 1)] : text[(p.Start + 1)..p.End];
                var clauseSpan = new SourceSpan(map[p.Start], map[p.End - 1] + 1);
                ApplyClause(task, UnitList.ParseClause(inner), clauseSpan);
                if (!PlanText.IsCloseParen(text[p.End - 1]))
                {
                    task.Warnings.Add("单位说明的括号未闭合。");
                }

                carved.Add(task);
                pos = end;
                start = map[Math.Min(end, text.Length - 1)];
            }

            if (number is not null && carved.Count > 1)
            {
                for (var i = 0; i < carved.Count; i++)
                {
                    var t = carved[i];
                    var renumbered = new ParsedTask { Number = $"{number}-{i + 1}", Path = t.Path, Text = t.Text };
                    Copy(t, renumbered);
                    Tasks[Tasks.IndexOf(t)] = renumbered;
                }
            }

            var (ts, te) = Trim(text, pos, text.Length);
            if (te > ts)
            {
                Report(new SourceSpan(map[ts], map[te - 1] + 1), "段末文字未写明单位，未归入任务");
            }
        }

        private static void Copy(ParsedTask from, ParsedTask to)
        {
            to.LeadUnits.AddRange(from.LeadUnits);
            to.ResponsibleUnits.AddRange(from.ResponsibleUnits);
            to.Pairs.AddRange(from.Pairs);
            to.Warnings.AddRange(from.Warnings);
            to.Deadline = from.Deadline;
            to.NeedsReview = from.NeedsReview;
            to.OpenList = from.OpenList;
            to.Span = from.Span;
            to.TextSpan = from.TextSpan;
            to.LeadSpan = from.LeadSpan;
            to.ResponsibleSpan = from.ResponsibleSpan;
            to.DeadlineSpan = from.DeadlineSpan;
        }

        private static void ApplyClause(ParsedTask task, UnitClause clause, SourceSpan span)
        {
            if (clause.Lead.Count > 0)
            {
                task.LeadUnits.AddRange(clause.Lead.Except(task.LeadUnits));
                task.LeadSpan = span;
            }

            if (clause.Responsible.Count > 0)
            {
                task.ResponsibleUnits.AddRange(clause.Responsible.Except(task.ResponsibleUnits));
                task.ResponsibleSpan = span;
            }

            task.OpenList |= clause.OpenList;
            if (clause.DeadlineText is { } d)
            {
                task.Deadline = DeadlineParser.Parse(d);
                task.DeadlineSpan = span;
                if (clause.DeadlineLabel == "完成实现")
                {
                    task.Warnings.Add("标签“完成实现”按“完成时限”读取。");
                }
            }

            foreach (var unread in clause.Unread)
            {
                task.Warnings.Add($"括号内有未识别的文字“{unread}”。");
                task.NeedsReview = true;
            }

            if (clause.Respectively)
            {
                Pair(task);
            }
        }

        private void ApplyLabel(ParsedTask task, Block block)
        {
            var (text, _) = block.Content(Source);
            var span = new SourceSpan(block.Start, block.End);
            task.Span = new SourceSpan(task.Span.Start, Math.Max(task.Span.End, block.End));
            switch (UnitList.Labels.GetValueOrDefault(block.Label))
            {
                case "lead":
                    task.LeadUnits.AddRange(UnitList.Split(text, out var openLead).Except(task.LeadUnits));
                    task.OpenList |= openLead;
                    task.LeadSpan = span;
                    break;
                case "responsible":
                    var clause = UnitList.ParseClause(text);
                    var names = clause.NamesUnits ? clause.Lead.Concat(clause.Responsible).ToList() : UnitList.Split(text, out _);
                    UnitList.Split(text, out var openResponsible);
                    task.ResponsibleUnits.AddRange(names.Except(task.ResponsibleUnits));
                    task.OpenList |= openResponsible;
                    task.ResponsibleSpan = span;
                    if (clause.Respectively)
                    {
                        Pair(task);
                    }

                    break;
                default:
                    task.Deadline = DeadlineParser.Parse(text);
                    task.DeadlineSpan = span;
                    if (block.Label == "完成实现")
                    {
                        task.Warnings.Add("标签“完成实现”按“完成时限”读取。");
                    }

                    break;
            }
        }

        private static (int Start, int End) Trim(string text, int from, int to)
        {
            while (from < to && (char.IsWhiteSpace(text[from]) || text[from] is '。' or '；' or ';' or '，' or ','))
            {
                from++;
            }

            while (to > from && char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }

            return (from, to);
        }
    }
}
