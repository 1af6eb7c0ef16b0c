namespace Gongkai.Policy.Interpretations;

/// <summary>
/// The nine interpretation elements (背景依据 … 惠民利民举措) as fields, on the stored <see cref="Interpretation"/> and on
/// what staff type (<see cref="InterpretationInput"/>). The one mapping between them is <see cref="InterpretationElementCopy.CopyElementsTo"/>.
/// </summary>
public interface IInterpretationElements
{
    string? Background { get; set; }
    string? Goals { get; set; }
    string? MainContent { get; set; }
    string? Scope { get; set; }
    string? Standards { get; set; }
    string? Notes { get; set; }
    string? KeyTerms { get; set; }
    string? Changes { get; set; }
    string? Benefits { get; set; }
}

public static class InterpretationElementCopy
{
    /// <summary>Sets every element of <paramref name="to"/> from <paramref name="from"/>, each passed through <paramref name="each"/> when given.</summary>
    public static void CopyElementsTo(this IInterpretationElements from, IInterpretationElements to, Func<string?, string?>? each = null)
    {
        each ??= text => text;
        (to.Background, to.Goals, to.MainContent, to.Scope, to.Standards, to.Notes, to.KeyTerms, to.Changes, to.Benefits) =
            (each(from.Background), each(from.Goals), each(from.MainContent), each(from.Scope), each(from.Standards), each(from.Notes),
                each(from.KeyTerms), each(from.Changes), each(from.Benefits));
    }

    /// <summary>The elements' property names (the form fields) and labels, in the order of <see cref="ElementValues"/>.</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Fields =
    [
        ("Background", "背景依据"), ("Goals", "目标任务"), ("MainContent", "主要内容"), ("Scope", "涉及范围"), ("Standards", "执行标准"),
        ("Notes", "注意事项"), ("KeyTerms", "关键词诠释"), ("Changes", "新旧政策差异"), ("Benefits", "惠民利民举措"),
    ];

    /// <summary>Sets every element from <paramref name="values"/>, given in the order of <see cref="ElementValues"/>.</summary>
    public static void SetElements(this IInterpretationElements to, IReadOnlyList<string?> values) =>
        (to.Background, to.Goals, to.MainContent, to.Scope, to.Standards, to.Notes, to.KeyTerms, to.Changes, to.Benefits) =
            (values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]);

    /// <summary>The element values in the order of <see cref="InterpretationLabels.Elements"/>.</summary>
    public static string?[] ElementValues(this IInterpretationElements e) =>
        [e.Background, e.Goals, e.MainContent, e.Scope, e.Standards, e.Notes, e.KeyTerms, e.Changes, e.Benefits];
}
