namespace Gongkai.Platform.Search;

/// <summary>
/// A parsed public search: terms that must all match. A term matches where all its bigrams occur — the bigrams of
/// 垃圾分类 overlap (垃圾 圾分 分类), so 垃圾…分类 does not match — which the databases' indexes answer without
/// reading any document (PostgreSQL checks adjacency only by reading each candidate's vector). Quotes make a phrase:
/// the words inside, across spaces, with their bigrams adjacent and in order. A one-character Han term is matched on
/// the unigram stream.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxTerms = 8;
    public const int MaxLength = 100;

    private SearchQuery(IReadOnlyList<Term> terms) => Terms = terms;

    /// <summary>One thing to match: its tokens in order, and the normalised runs to highlight.</summary>
    public sealed record Term(IReadOnlyList<string> Tokens, bool Unigram, IReadOnlyList<string> Highlights, bool Phrase = false);

    public IReadOnlyList<Term> Terms { get; }
    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        var input = (text ?? "").Trim();
        if (input.Length > MaxLength)
        {
            input = input[..MaxLength];
        }

        var pieces = new List<(string Text, bool Quoted)>();
        var inQuote = false;
        var current = new System.Text.StringBuilder();
        foreach (var c in input)
        {
            if (c is '"' or '“' or '”' or '「' or '」')
            {
                if (inQuote)
                {
                    pieces.Add((current.ToString(), true));
                    current.Clear();
                }
                else if (current.Length > 0)
                {
                    pieces.AddRange(Words(current.ToString()));
                    current.Clear();
                }

                inQuote = !inQuote;
                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            pieces.AddRange(inQuote ? [(current.ToString(), true)] : Words(current.ToString()));
        }

        var terms = new List<Term>();
        foreach (var (piece, quoted) in pieces)
        {
            var runs = ChineseTokenizer.Runs(ChineseTokenizer.Normalize(piece)).ToList();
            if (runs.Count == 0)
            {
                continue;
            }

            var tokens = ChineseTokenizer.Tokenize(piece);
            var highlights = runs.Select(r => r.Text).ToList();
            var unigram = runs.Count == 1 && runs[0].Han && tokens.Unigrams.Count == 1;
            var term = new Term(unigram ? tokens.Unigrams : tokens.Bigrams, unigram, highlights, quoted && !unigram && tokens.Bigrams.Count > 1);
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

    private static IEnumerable<(string, bool)> Words(string text) => text.Split(' ', '　').Select(w => (w, false));
}
