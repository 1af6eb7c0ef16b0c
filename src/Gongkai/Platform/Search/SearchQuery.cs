namespace Gongkai.Platform.Search;

/// <summary>
/// A parsed public search: terms that must all match. Each term is a phrase — a run of adjacent bigrams —
/// so 垃圾分类 matches 垃圾分类 and not 垃圾…分类. Quotes group words across spaces into one phrase.
/// A one-character Han term is matched on the unigram stream.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxTerms = 8;
    public const int MaxLength = 100;

    private SearchQuery(IReadOnlyList<Term> terms) => Terms = terms;

    /// <summary>One thing to match: its tokens in order, and the normalised runs to highlight.</summary>
    public sealed record Term(IReadOnlyList<string> Tokens, bool Unigram, IReadOnlyList<string> Highlights);

    public IReadOnlyList<Term> Terms { get; }
    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        var input = (text ?? "").Trim();
        if (input.Length > MaxLength)
        {
            input = input[..MaxLength];
        }

        var pieces = new List<string>();
        var inQuote = false;
        var current = new System.Text.StringBuilder();
        foreach (var c in input)
        {
            if (c is '"' or '“' or '”' or '「' or '」')
            {
                if (inQuote)
                {
                    pieces.Add(current.ToString());
                    current.Clear();
                }
                else if (current.Length > 0)
                {
                    pieces.AddRange(current.ToString().Split(' ', '　'));
                    current.Clear();
                }

                inQuote = !inQuote;
                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            pieces.AddRange(inQuote ? [current.ToString()] : current.ToString().Split(' ', '　'));
        }

        var terms = new List<Term>();
        foreach (var piece in pieces)
        {
            var runs = ChineseTokenizer.Runs(ChineseTokenizer.Normalize(piece)).ToList();
            if (runs.Count == 0)
            {
                continue;
            }

            var tokens = ChineseTokenizer.Tokenize(piece);
            var highlights = runs.Select(r => r.Text).ToList();
            var unigram = runs.Count == 1 && runs[0].Han && tokens.Unigrams.Count == 1;
            var term = new Term(unigram ? tokens.Unigrams : tokens.Bigrams, unigram, highlights);
            if (terms.All(t => !t.Tokens.SequenceEqual(term.Tokens)))
            {
                terms.Add(term);
            }

            if (terms.Count == MaxTerms)
            {
                break;
            }
        }

        return new SearchQuery(terms);
    }
}
