namespace Gongkai.Policy.Consultations;

/// <summary>What happened to one article between two versions.</summary>
public enum ArticleChange
{
    /// <summary>未修改</summary>
    Same,
    /// <summary>修改</summary>
    Changed,
    /// <summary>新增</summary>
    Added,
    /// <summary>删除</summary>
    Removed,
}

/// <summary>A run of text in a changed article: kept, deleted or inserted.</summary>
public sealed record DiffRun(char Op, string Text);

public sealed record ArticleDiff(string Label, ArticleChange Change, IReadOnlyList<DiffRun> Runs);

/// <summary>
/// Compares two versions of a draft article by article (matched on the label, 第三条 to 第三条), and inside a changed
/// article sentence by sentence (longest common subsequence), which is how readers of legal texts compare drafts.
/// </summary>
public static class DraftDiff
{
    public static IReadOnlyList<ArticleDiff> Compare(IReadOnlyList<DraftArticle> older, IReadOnlyList<DraftArticle> newer)
    {
        var result = new List<ArticleDiff>();
        var old = older.ToDictionary(a => a.Label);
        var seen = new HashSet<string>();
        foreach (var a in newer.OrderBy(a => a.Position))
        {
            seen.Add(a.Label);
            if (!old.TryGetValue(a.Label, out var before))
            {
                result.Add(new ArticleDiff(a.Label, ArticleChange.Added, [new DiffRun('+', a.Text)]));
            }
            else if (before.Text == a.Text)
            {
                result.Add(new ArticleDiff(a.Label, ArticleChange.Same, [new DiffRun('=', a.Text)]));
            }
            else
            {
                result.Add(new ArticleDiff(a.Label, ArticleChange.Changed, Sentences(before.Text, a.Text)));
            }
        }

        foreach (var a in older.OrderBy(a => a.Position).Where(a => !seen.Contains(a.Label)))
        {
            result.Add(new ArticleDiff(a.Label, ArticleChange.Removed, [new DiffRun('-', a.Text)]));
        }

        return result;
    }

    public static string Label(this ArticleChange change) => change switch
    {
        ArticleChange.Changed => "修改",
        ArticleChange.Added => "新增",
        ArticleChange.Removed => "删除",
        _ => "未修改",
    };

    /// <summary>Sentence-level LCS; sentences end at 。；！？ or a line break.</summary>
    internal static IReadOnlyList<DiffRun> Sentences(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var runs = new List<DiffRun>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                Add('=', a[x++]);
                y++;
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                Add('+', b[y++]);
            }
            else
            {
                Add('-', a[x++]);
            }
        }

        return runs;

        void Add(char op, string text)
        {
            if (runs.Count > 0 && runs[^1].Op == op)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
            }
            else
            {
                runs.Add(new DiffRun(op, text));
            }
        }
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '；' or '！' or '？' or '\n')
            {
                tokens.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            tokens.Add(text[start..]);
        }

        return tokens;
    }
}
