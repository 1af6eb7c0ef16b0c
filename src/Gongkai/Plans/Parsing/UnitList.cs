using System.Text.RegularExpressions;

namespace Gongkai.Plans.Parsing;

/// <summary>What one unit clause says: who leads, who is responsible, whether 分别, the deadline words.</summary>
public sealed class UnitClause
{
    public List<string> Lead { get; } = [];
    public List<string> Responsible { get; } = [];
    public bool Respectively { get; set; }
    public bool OpenList { get; set; }
    public string? DeadlineText { get; set; }
    public string? DeadlineLabel { get; set; }
    public List<string> Unread { get; } = [];

    public bool NamesUnits => Lead.Count > 0 || Responsible.Count > 0;
}

/// <summary>
/// Unit lists as plans write them: "区教委、区卫生健康委等区政府相关部门", "区政府办牵头，相关单位负责落实",
/// group names (全区各部门, 各街道, 各相关部门, 各属地) and 分别负责落实.
/// </summary>
public static partial class UnitList
{
    /// <summary>Labels a plan uses, including the typos seen in real documents (完成实现, 责任主体, 公开时限).</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["牵头单位"] = "lead",
        ["牵头部门"] = "lead",
        ["责任单位"] = "responsible",
        ["责任部门"] = "responsible",
        ["责任主体"] = "responsible",
        ["配合单位"] = "responsible",
        ["完成时限"] = "deadline",
        ["完成实现"] = "deadline",
        ["完成时间"] = "deadline",
        ["公开时限"] = "deadline",
        ["时间要求"] = "deadline",
    };

    [GeneratedRegex(@"^\s*(牵\s*头\s*单\s*位|牵\s*头\s*部\s*门|责\s*任\s*单\s*位|责\s*任\s*部\s*门|责\s*任\s*主\s*体|配\s*合\s*单\s*位|完\s*成\s*时\s*限|完\s*成\s*实\s*现|完\s*成\s*时\s*间|公\s*开\s*时\s*限|时\s*间\s*要\s*求)\s*[:：]")]
    public static partial Regex LabelPattern();

    /// <summary>Splits a list of units; "X等Y" keeps X and the group Y and marks the list open.</summary>
    public static List<string> Split(string written, out bool openList)
    {
        openList = false;
        var units = new List<string>();
        foreach (var part in Separators().Split(PlanText.Compact(written)))
        {
            var name = PlanText.UnitName(part);
            if (name.Length == 0)
            {
                continue;
            }

            var deng = name.LastIndexOf('等');
            if (deng > 0 && !name.EndsWith("等级", StringComparison.Ordinal))
            {
                openList = true;
                var before = name[..deng];
                var after = name[(deng + 1)..];
                units.Add(before);
                if (after.Length > 2 || IsGroup(after) && after.Length > 2)
                {
                    units.Add(after);
                }

                continue;
            }

            if (deng == 0)
            {
                openList = true;
                name = name[1..];
                if (name.Length <= 2)
                {
                    continue;
                }
            }

            units.Add(name);
        }

        return units.Distinct().ToList();
    }

    /// <summary>A name that stands for many organs: 全区各部门, 各街道, 各相关部门, 各属地, 相关单位, 区政府相关部门.</summary>
    public static bool IsGroup(string name) =>
        name.StartsWith('各') || name.StartsWith("全区", StringComparison.Ordinal) || name.StartsWith("相关", StringComparison.Ordinal)
        || name.Contains("各", StringComparison.Ordinal) || name.Contains("相关部门", StringComparison.Ordinal)
        || name.Contains("相关单位", StringComparison.Ordinal) || name.Contains("属地", StringComparison.Ordinal);

    /// <summary>Whether a parenthesis's words name units (…负责落实, …牵头) or a deadline: a task ends there.</summary>
    public static bool IsUnitClause(string compact) =>
        compact.Contains("负责落实", StringComparison.Ordinal) || UnitClauseHint().IsMatch(compact);

    [GeneratedRegex("牵头([，,]|$)|负责$|^(完成时限|完成实现|完成时间|公开时限)[:：]|[，,](完成时限|完成实现|完成时间|公开时限)[:：]")]
    private static partial Regex UnitClauseHint();

    /// <summary>Reads "区政府办、区城市管理指挥中心牵头,区政府相关部门负责落实,完成时限: 2023年12月".</summary>
    public static UnitClause ParseClause(string written)
    {
        var result = new UnitClause();
        var compact = PlanText.Compact(written);
        var deadline = DeadlineStart().Match(compact);
        if (deadline.Success)
        {
            result.DeadlineLabel = deadline.Groups[1].Value;
            result.DeadlineText = compact[(deadline.Index + deadline.Length)..].Trim('，', ',', '；', ';', '。');
            compact = compact[..deadline.Index];
        }

        foreach (var clause in ClauseSeparators().Split(compact))
        {
            if (clause.Length == 0)
            {
                continue;
            }

            var lead = LeadEnd().Match(clause);
            if (lead.Success)
            {
                result.Lead.AddRange(Split(clause[..lead.Index], out var open));
                result.OpenList |= open;
                continue;
            }

            var responsible = ResponsibleEnd().Match(clause);
            if (responsible.Success)
            {
                result.Respectively |= responsible.Groups["resp"].Success;
                result.Responsible.AddRange(Split(clause[..responsible.Index], out var open));
                result.OpenList |= open;
                continue;
            }

            result.Unread.Add(clause);
        }

        // "区政府办公室，全区各部门负责落实": a comma inside a list leaves a clause of bare names before the verb.
        if (result.Unread.Count > 0 && result.NamesUnits)
        {
            foreach (var names in result.Unread.ToList())
            {
                if (names.Length <= 40 && !names.Contains('。'))
                {
                    result.Responsible.InsertRange(0, Split(names, out var open));
                    result.OpenList |= open;
                    result.Unread.Remove(names);
                }
            }
        }

        return result;
    }

    [GeneratedRegex("[、，,；;/／]")]
    private static partial Regex Separators();

    [GeneratedRegex("[，,；;]")]
    private static partial Regex ClauseSeparators();

    [GeneratedRegex("(牵头负责|牵头)$")]
    private static partial Regex LeadEnd();

    [GeneratedRegex("(?<resp>分别)?(负责落实|负责|落实|配合|承办)$")]
    private static partial Regex ResponsibleEnd();

    [GeneratedRegex("(完成时限|完成实现|完成时间|公开时限|时间要求|时限)[:：]?")]
    private static partial Regex DeadlineStart();
}
