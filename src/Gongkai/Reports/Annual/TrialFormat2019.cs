using Gongkai.Requests;

namespace Gongkai.Reports.Annual;

/// <summary>
/// 国办公开办函〔2019〕60号 (试行), the format of the reports for 2019 and 2020 (china-rules §4.5): the same six sections,
/// table 二 in five blocks with its own columns (第二十条第（一）（五）（六）（八）（九）项), table 三 as in 2021 except
/// that （六）其他处理 is one row (20 rows under 三), table 四 as in 2021. Labels verbatim.
/// </summary>
public static class TrialFormat2019
{
    public const string Id = "2019";
    public const string Name = "国办公开办函〔2019〕60号";

    /// <summary>The three 2021 outcomes that the trial format counts in its one row （六）其他处理.</summary>
    public static IReadOnlyList<RequestOutcome> OtherHandling { get; } =
        [RequestOutcome.OtherNoCorrection, RequestOutcome.OtherFeeUnpaid, RequestOutcome.OtherHandling];

    public const string OtherHandlingKey = "o6";

    // Table 二 ------------------------------------------------------------------------------------------------
    public static ReportGrid Item1 { get; } = new("二", "2019二1", "第二十条第（一）项", "信息内容",
        [new("made", ["本年新制作数量"]), new("published", ["本年新公开数量"]), new("total", ["对外公开总数量"])],
        [new("rules", ["规章"]), new("normative", ["规范性文件"])]);

    private static readonly GridColumn[] ItemColumns =
        [new("last", ["上一年项目数量"]), new("change", ["本年增/减"]), new("decisions", ["处理决定数量"])];

    public static ReportGrid Item5 { get; } = new("二", "2019二5", "第二十条第（五）项", "信息内容", ItemColumns,
        [new("licensing", ["行政许可"]), new("services", ["其他对外管理服务事项"])]);

    public static ReportGrid Item6 { get; } = new("二", "2019二6", "第二十条第（六）项", "信息内容", ItemColumns,
        [new("penalty", ["行政处罚"]), new("coercion", ["行政强制"])]);

    public static ReportGrid Item8 { get; } = new("二", "2019二8", "第二十条第（八）项", "信息内容",
        [new("last", ["上一年项目数量"]), new("change", ["本年增/减"])],
        [new("fees", ["行政事业性收费"])]);

    public static ReportGrid Item9 { get; } = new("二", "2019二9", "第二十条第（九）项", "信息内容",
        [new("items", ["采购项目数量"]), new("amount", ["采购总金额"])],
        [new("purchase", ["政府集中采购"])]);

    // Table 三: the 2021 rows with （六）'s three rows as one ------------------------------------------------------
    public static ReportGrid Table3 { get; } = NationalFormat2021.Table3 with
    {
        Rows =
        [
            .. NationalFormat2021.Table3.Rows.Where(r => !OtherHandling.Any(o => r.Key == "o" + (int)o)).Take(2 + 18),
            new(OtherHandlingKey, ["三、本年度办理结果", "（六）其他处理"]),
            .. NationalFormat2021.Table3.Rows.Skip(2 + OutcomeRows.All.Count),
        ],
    };

    public static ReportGrid Table4 => NationalFormat2021.Table4;
}
