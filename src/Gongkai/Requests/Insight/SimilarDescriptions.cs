using Gongkai.Platform.Search;

namespace Gongkai.Requests.Insight;

/// <summary>
/// Whether two descriptions of the information wanted (所需信息) ask for the same thing, for Art. 44 (多个申请人就相同
/// 政府信息提出申请). The descriptions are reduced to their distinct character bigrams (the search tokenizer's), after the
/// formulas every request repeats (申请公开、请提供、相关信息 …) are dropped; two are the same request when the Dice
/// coefficient of their bigram sets reaches <see cref="Threshold"/>. Pure; no database.
/// </summary>
public static class SimilarDescriptions
{
    /// <summary>Dice coefficient from which two descriptions count as the same request.</summary>
    public const double Threshold = 0.6;

    /// <summary>A description with fewer distinct bigrams than this says too little to be compared.</summary>
    public const int MinimumBigrams = 3;

    // The wording of the request, not its subject; longest first so a longer formula is removed whole.
    private static readonly string[] Formulas =
    [
        "依申请公开", "申请公开", "请求公开", "要求公开", "申请获取", "申请提供", "请予公开", "请提供", "希望提供", "我想了解", "我需要",
        "本人", "贵单位", "贵机关", "政府信息", "相关信息", "有关信息", "相关文件", "有关文件", "相关资料", "有关", "相关", "关于", "具体",
        "情况", "信息", "内容", "全部", "的",
    ];

    /// <summary>The distinct bigrams that characterise a description.</summary>
    public static IReadOnlySet<string> Shingles(string description)
    {
        var text = ChineseTokenizer.Normalize(description);
        foreach (var formula in Formulas)
        {
            text = text.Replace(formula, " ", StringComparison.Ordinal);
        }

        return ChineseTokenizer.Tokenize(text).Bigrams.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Dice coefficient 2|A∩B| / (|A|+|B|), 0 when either says too little.</summary>
    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count < MinimumBigrams || b.Count < MinimumBigrams)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }

    public static bool Same(string a, string b) => Similarity(Shingles(a), Shingles(b)) >= Threshold;
}
