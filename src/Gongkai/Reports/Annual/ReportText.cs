using System.Text.RegularExpressions;
using Gongkai.Platform;

namespace Gongkai.Reports.Annual;

/// <summary>
/// Placeholders of table figures in the narrative sections: <c>{三|new|total}</c> (any cell id) or a named one such as
/// <c>{本年新收申请}</c>. Unknown placeholders are refused when saving.
/// </summary>
public static partial class ReportText
{
    public static IReadOnlyDictionary<string, string> Named { get; } = new Dictionary<string, string>
    {
        ["本年新收申请"] = NationalFormat2021.Table3.CellId("new", NationalFormat2021.TotalColumn),
        ["上年结转申请"] = NationalFormat2021.Table3.CellId("carried", NationalFormat2021.TotalColumn),
        ["本年办结申请"] = NationalFormat2021.Table3.CellId("closed", NationalFormat2021.TotalColumn),
        ["结转下年申请"] = NationalFormat2021.Table3.CellId("out", NationalFormat2021.TotalColumn),
        ["予以公开"] = NationalFormat2021.Table3.CellId("o10", NationalFormat2021.TotalColumn),
        ["部分公开"] = NationalFormat2021.Table3.CellId("o20", NationalFormat2021.TotalColumn),
        ["本年制发规范性文件"] = NationalFormat2021.Item1.CellId("normative", "issued"),
        ["现行有效规范性文件"] = NationalFormat2021.Item1.CellId("normative", "valid"),
        ["行政复议总计"] = NationalFormat2021.Table4.CellId("all", "reconsideration-total"),
        ["直接起诉总计"] = NationalFormat2021.Table4.CellId("all", "direct-total"),
        ["复议后起诉总计"] = NationalFormat2021.Table4.CellId("all", "after-total"),
    };

    [GeneratedRegex(@"\{([^{}]{1,60})\}")]
    private static partial Regex Placeholder();

    private static string? CellOf(string name) =>
        Named.TryGetValue(name, out var id) ? id : ReportFormat.All.SelectMany(f => f.Grids).Any(g => g.Rows.Any(r => g.Columns.Any(c => g.CellId(r.Key, c.Key) == name))) ? name : null;

    /// <summary>Refuses text with a placeholder that names no figure.</summary>
    public static void Validate(string? text, string section)
    {
        foreach (Match m in Placeholder().Matches(text ?? ""))
        {
            if (CellOf(m.Groups[1].Value) is null)
            {
                throw new ValidationFailure($"{section}中的占位符“{m.Value}”不对应任何表格数字，请从可用占位符列表中选择。", section);
            }
        }
    }

    public static string Fill(string? text, ReportFigures figures) =>
        Placeholder().Replace(text ?? "", m => CellOf(m.Groups[1].Value) is { } id && figures[id] is { } v ? ReportLayout.Number(v) : m.Value);
}
