namespace Gongkai.Reports.Legacy;

/// <summary>A row of the pre-2019 statistics table: its key, block, label as printed, unit, and whether decimals are allowed.</summary>
public sealed record LegacyRow(string Key, string Block, string Label, string Unit, bool Decimal = false);

/// <summary>
/// 政府信息公开情况统计表 of the 2008–2018 era (国办发〔2014〕32号, revised about 2016; china-rules §4.6), with the
/// reply categories of the Beijing variant the 西城 2016 report published. Figures of a published report are imported
/// from the Excel template the app offers, never computed (the records of those years are not in the platform).
/// </summary>
public static class Pre2019Format
{
    public const string Id = "pre2019";
    public const string Name = "政府信息公开情况统计表（2019年以前）";

    private const string B1 = "一、主动公开情况";
    private const string B2 = "二、回应解读情况";
    private const string B3 = "三、依申请公开情况";
    private const string B4 = "四、行政复议数量";
    private const string B5 = "五、行政诉讼数量";
    private const string B6 = "六、举报投诉数量";
    private const string B7 = "七、依申请公开信息收取的费用";
    private const string B8 = "八、机构建设和保障经费情况";
    private const string B9 = "九、会议和培训情况";

    public static IReadOnlyList<LegacyRow> Rows { get; } =
    [
        new("active", B1, "主动公开政府信息数", "条"),
        new("activeNormative", B1, "其中：主动公开规范性文件数", "条"),
        new("normativeMade", B1, "制发规范性文件总数", "件"),
        new("gazette", B1, "政府公报公开政府信息数", "条"),
        new("website", B1, "政府网站公开政府信息数", "条"),
        new("weibo", B1, "政务微博公开政府信息数", "条"),
        new("wechat", B1, "政务微信公开政府信息数", "条"),
        new("otherChannels", B1, "其他方式公开政府信息数", "条"),
        new("responses", B2, "回应公众关注热点或重大舆情数", "次"),
        new("pressConferences", B2, "参加或举办新闻发布会总次数", "次"),
        new("pressConferencesLeaders", B2, "其中：主要负责同志参加新闻发布会次数", "次"),
        new("interviews", B2, "政府网站在线访谈次数", "次"),
        new("interviewsLeaders", B2, "其中：主要负责同志参加政府网站在线访谈次数", "次"),
        new("briefings", B2, "政策解读稿件发布数", "篇"),
        new("microResponses", B2, "微博微信回应事件数", "次"),
        new("otherResponses", B2, "其他方式回应事件数", "次"),
        new("received", B3, "收到申请数", "件"),
        new("inPerson", B3, "当面申请数", "件"),
        new("fax", B3, "传真申请数", "件"),
        new("online", B3, "网络申请数", "件"),
        new("letter", B3, "信函申请数", "件"),
        new("answered", B3, "申请答复数", "件"),
        new("alreadyPublic", B3, "属于已主动公开范围数", "件"),
        new("agreed", B3, "同意公开答复数", "件"),
        new("partly", B3, "同意部分公开答复数", "件"),
        new("refused", B3, "不同意公开答复数", "件"),
        new("notThisOrgan", B3, "不属于本行政机关公开数", "件"),
        new("notExist", B3, "申请信息不存在数", "件"),
        new("amend", B3, "告知作出更改补充数", "件"),
        new("otherRoute", B3, "告知通过其他途径办理数", "件"),
        new("notGovernmentInformation", B3, "非政府信息数", "件"),
        new("archived", B3, "已移送档案馆数", "件"),
        new("reconsiderationUpheld", B4, "维持具体行政行为数", "件"),
        new("reconsiderationCorrected", B4, "被依法纠错数（行政复议）", "件"),
        new("reconsiderationOther", B4, "其他情形数（行政复议）", "件"),
        new("litigationUpheld", B5, "维持具体行政行为或者驳回原告诉讼请求数", "件"),
        new("litigationCorrected", B5, "被依法纠错数（行政诉讼）", "件"),
        new("litigationOther", B5, "其他情形数（行政诉讼）", "件"),
        new("complaints", B6, "举报投诉数量", "件"),
        new("fees", B7, "依申请公开信息收取的费用", "万元", Decimal: true),
        new("bodies", B8, "政府信息公开工作专门机构数", "个"),
        new("readingPoints", B8, "设置政府信息公开查阅点数", "个"),
        new("staff", B8, "从事政府信息公开工作人员数", "人"),
        new("funding", B8, "政府信息公开专项经费", "万元", Decimal: true),
        new("meetings", B9, "召开政府信息公开工作会议或专题会议数", "次"),
        new("trainings", B9, "举办各类培训班数", "次"),
        new("trainees", B9, "接受培训人员数", "人次"),
    ];

    public static LegacyRow? Find(string label) => Rows.FirstOrDefault(r => r.Label == label.Trim());

    /// <summary>The sums the table implies: the total row and its parts.</summary>
    public static IReadOnlyList<(string Rule, string Total, string[] Parts)> Sums { get; } =
    [
        ("L1", "received", ["inPerson", "fax", "online", "letter"]),
        ("L2", "responses", ["pressConferences", "interviews", "briefings", "microResponses", "otherResponses"]),
        ("L3", "answered", ["alreadyPublic", "agreed", "partly", "refused", "notThisOrgan", "notExist", "amend", "otherRoute", "notGovernmentInformation", "archived"]),
    ];

    /// <summary>“其中” rows cannot exceed the row they are part of.</summary>
    public static IReadOnlyList<(string Rule, string Whole, string Part)> Parts { get; } =
    [
        ("L4", "pressConferences", "pressConferencesLeaders"),
        ("L4", "interviews", "interviewsLeaders"),
        ("L4", "active", "activeNormative"),
    ];
}
