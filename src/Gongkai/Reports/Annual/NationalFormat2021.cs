using Gongkai.Requests;
using Gongkai.Requests.Applicants;

namespace Gongkai.Reports.Annual;

/// <summary>A row of “三、本年度办理结果” and the one outcome it counts (china-rules §4.2, mapping §4.4).</summary>
public sealed record OutcomeRow(RequestOutcome Outcome, IReadOnlyList<string> Path)
{
    public string Key => "o" + (int)Outcome;
}

/// <summary>The rows of table 三 that count closed requests, in the printed order.</summary>
public static class OutcomeRows
{
    private const string Results = "三、本年度办理结果";
    private const string Withheld = "（三）不予公开";
    private const string Unable = "（四）无法提供";
    private const string NotProcessed = "（五）不予处理";
    private const string Other = "（六）其他处理";

    public static IReadOnlyList<OutcomeRow> All { get; } =
    [
        new(RequestOutcome.Disclosed, [Results, "（一）予以公开"]),
        new(RequestOutcome.PartlyDisclosed, [Results, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
        new(RequestOutcome.WithheldStateSecret, [Results, Withheld, "1.属于国家秘密"]),
        new(RequestOutcome.WithheldByLaw, [Results, Withheld, "2.其他法律行政法规禁止公开"]),
        new(RequestOutcome.WithheldSecurityStability, [Results, Withheld, "3.危及“三安全一稳定”"]),
        new(RequestOutcome.WithheldThirdParty, [Results, Withheld, "4.保护第三方合法权益"]),
        new(RequestOutcome.WithheldInternalAffairs, [Results, Withheld, "5.属于三类内部事务信息"]),
        new(RequestOutcome.WithheldProcess, [Results, Withheld, "6.属于四类过程性信息"]),
        new(RequestOutcome.WithheldEnforcementFile, [Results, Withheld, "7.属于行政执法案卷"]),
        new(RequestOutcome.WithheldQueryMatter, [Results, Withheld, "8.属于行政查询事项"]),
        new(RequestOutcome.NotHeld, [Results, Unable, "1.本机关不掌握相关政府信息"]),
        new(RequestOutcome.WouldNeedCreation, [Results, Unable, "2.没有现成信息需要另行制作"]),
        new(RequestOutcome.StillUnclear, [Results, Unable, "3.补正后申请内容仍不明确"]),
        new(RequestOutcome.PetitionOrComplaint, [Results, NotProcessed, "1.信访举报投诉类申请"]),
        new(RequestOutcome.Repeated, [Results, NotProcessed, "2.重复申请"]),
        new(RequestOutcome.PublishedMaterial, [Results, NotProcessed, "3.要求提供公开出版物"]),
        new(RequestOutcome.Excessive, [Results, NotProcessed, "4.无正当理由大量反复申请"]),
        new(RequestOutcome.ConfirmOrReissue, [Results, NotProcessed, "5.要求行政机关确认或重新出具已获取信息"]),
        new(RequestOutcome.OtherNoCorrection, [Results, Other, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
        new(RequestOutcome.OtherFeeUnpaid, [Results, Other, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
        new(RequestOutcome.OtherHandling, [Results, Other, "3.其他"]),
    ];
}

/// <summary>
/// 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》: the six section titles and tables 二, 三, 四
/// with every row and column label verbatim (china-rules §4.2). No subtotal rows or columns are added.
/// </summary>
public static class NationalFormat2021
{
    public const string Id = "2021";
    public const string Name = "国办公开办函〔2021〕30号";

    public static IReadOnlyList<string> Sections { get; } =
    [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ];

    public const string Table3Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    // Table 二 ------------------------------------------------------------------------------------------------
    public static ReportGrid Item1 { get; } = new("二", "二1", "第二十条第（一）项", "信息内容",
        [new("issued", ["本年制发件数"]), new("repealed", ["本年废止件数"]), new("valid", ["现行有效件数"])],
        [new("rules", ["规章"]), new("normative", ["行政规范性文件"])]);

    public static ReportGrid Item5 { get; } = new("二", "二5", "第二十条第（五）项", "信息内容",
        [new("decisions", ["本年处理决定数量"])],
        [new("licensing", ["行政许可"])]);

    public static ReportGrid Item6 { get; } = new("二", "二6", "第二十条第（六）项", "信息内容",
        [new("decisions", ["本年处理决定数量"])],
        [new("penalty", ["行政处罚"]), new("coercion", ["行政强制"])]);

    public static ReportGrid Item8 { get; } = new("二", "二8", "第二十条第（八）项", "信息内容",
        [new("amount", ["本年收费金额（单位：万元）"])],
        [new("fees", ["行政事业性收费"])]);

    // Table 三 ------------------------------------------------------------------------------------------------
    public const string TotalColumn = "total";

    public static string ColumnKey(ApplicantType type) => type.ToString();

    private static readonly string[] Applicants = ["申请人情况"];
    private static readonly string[] Organisations = ["申请人情况", "法人或其他组织"];

    public static ReportGrid Table3 { get; } = new("三", "三", null, Table3Note,
    [
        new(ColumnKey(ApplicantType.NaturalPerson), [.. Applicants, "自然人"]),
        new(ColumnKey(ApplicantType.CommercialEnterprise), [.. Organisations, "商业企业"]),
        new(ColumnKey(ApplicantType.ResearchInstitution), [.. Organisations, "科研机构"]),
        new(ColumnKey(ApplicantType.PublicInterestOrganisation), [.. Organisations, "社会公益组织"]),
        new(ColumnKey(ApplicantType.LegalServiceInstitution), [.. Organisations, "法律服务机构"]),
        new(ColumnKey(ApplicantType.OtherOrganisation), [.. Organisations, "其他"]),
        new(TotalColumn, [.. Applicants, "总计"]),
    ],
    [
        new("new", ["一、本年新收政府信息公开申请数量"]),
        new("carried", ["二、上年结转政府信息公开申请数量"]),
        .. OutcomeRows.All.Select(o => new GridRow(o.Key, o.Path)),
        new("closed", ["三、本年度办理结果", "（七）总计"]),
        new("out", ["四、结转下年度继续办理"]),
    ]);

    /// <summary>The applicant columns of table 三, in the printed order (without 总计).</summary>
    public static IReadOnlyList<ApplicantType> ApplicantColumns { get; } = ApplicantTypes.All;

    // Table 四 ------------------------------------------------------------------------------------------------
    public static IReadOnlyList<string> AppealResults { get; } = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    private static readonly string[] ResultKeys = ["upheld", "corrected", "other", "pending", "total"];

    public static IReadOnlyList<(string Key, string[] Path)> AppealGroups { get; } =
    [
        ("reconsideration", ["行政复议"]),
        ("direct", ["行政诉讼", "未经复议直接起诉"]),
        ("after", ["行政诉讼", "复议后起诉"]),
    ];

    public static ReportGrid Table4 { get; } = new("四", "四", null, null,
        [.. AppealGroups.SelectMany(g => ResultKeys.Select((k, i) => new GridColumn($"{g.Key}-{k}", [.. g.Path, AppealResults[i]])))],
        [new("all", [])]);

    public static IReadOnlyList<ReportGrid> Grids { get; } = [Item1, Item5, Item6, Item8, Table3, Table4];
}
