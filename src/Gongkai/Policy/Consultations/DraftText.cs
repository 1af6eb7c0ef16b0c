using System.Text.RegularExpressions;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// Splits a draft into the units people comment on. A line beginning 第…条 starts an article, and the lines up to the
/// next one belong to it (款/项 stay inside their article); headings such as 第一章 are kept with the article that
/// follows, lines before the first article are its 序言. A text with no articles is split into paragraphs (第1段, 第2段 …).
/// </summary>
public static partial class DraftText
{
    [GeneratedRegex(@"^\s*(第[零一二三四五六七八九十百千0-9]+条)")]
    private static partial Regex ArticleStart();

    public sealed record Unit(string Label, string Text);

    public static IReadOnlyList<Unit> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.Trim()).ToList();
        var units = new List<Unit>();
        if (lines.Any(l => ArticleStart().IsMatch(l)))
        {
            string? label = null;
            var current = new List<string>();
            var preamble = new List<string>();
            var intro = new List<string>();
            foreach (var line in lines.Where(l => l.Length > 0))
            {
                var m = ArticleStart().Match(line);
                if (m.Success)
                {
                    Flush();
                    label = m.Groups[1].Value;
                    current.AddRange(preamble);
                    preamble.Clear();
                    current.Add(line);
                }
                else if (IsHeading(line))
                {
                    preamble.Add(line);
                }
                else if (label is null)
                {
                    intro.Add(line);
                }
                else
                {
                    current.Add(line);
                }
            }

            Flush();
            if (intro.Count > 0)
            {
                units.Insert(0, new Unit("序言", string.Join("\n", intro)));
            }

            if (preamble.Count > 0)
            {
                units.Add(new Unit("附", string.Join("\n", preamble)));
            }

            void Flush()
            {
                if (label is not null && current.Count > 0)
                {
                    units.Add(new Unit(Unique(label), string.Join("\n", current)));
                }

                current.Clear();
            }
        }
        else
        {
            var paragraph = new List<string>();
            foreach (var line in lines.Append(""))
            {
                if (line.Length > 0)
                {
                    paragraph.Add(line);
                }
                else if (paragraph.Count > 0)
                {
                    units.Add(new Unit($"第{units.Count + 1}段", string.Join("\n", paragraph)));
                    paragraph.Clear();
                }
            }
        }

        return units;

        string Unique(string label) =>
            units.Any(u => u.Label == label) ? $"{label}（{units.Count(u => u.Label.StartsWith(label, StringComparison.Ordinal)) + 1}）" : label;
    }

    private static bool IsHeading(string line) =>
        Regex.IsMatch(line, @"^第[零一二三四五六七八九十百千0-9]+[章节编]") && line.Length <= 40;
}
