namespace Gongkai.Disclosure.Documents;

/// <summary>Where a document is in its publishing workflow.</summary>
public enum DocumentStatus
{
    /// <summary>草稿</summary>
    Draft = 0,
    /// <summary>已提交审核</summary>
    Submitted = 1,
    /// <summary>已审核（保密审查通过），待发布</summary>
    Reviewed = 2,
    /// <summary>已发布</summary>
    Published = 3,
    /// <summary>已撤回（不再公开）</summary>
    Withdrawn = 4,
}

/// <summary>公开属性, fixed at drafting (国办发〔2016〕80号 源头认定; china-rules §7.2).</summary>
public enum DisclosureAttribute
{
    /// <summary>主动公开</summary>
    Proactive = 1,
    /// <summary>依申请公开</summary>
    OnRequest = 2,
    /// <summary>不予公开</summary>
    NotPublic = 3,
}

/// <summary>有效性: whether the document is still in force. A document no longer valid stays public with a banner.</summary>
public enum Validity
{
    /// <summary>有效</summary>
    Valid = 0,
    /// <summary>已修改</summary>
    Amended = 1,
    /// <summary>失效</summary>
    Expired = 2,
    /// <summary>废止</summary>
    Repealed = 3,
}

/// <summary>信息类别: the kind of information, used in the catalogue and for Art. 20 sections.</summary>
public enum InformationType
{
    /// <summary>规范性文件</summary>
    NormativeDocument = 1,
    /// <summary>其他政策文件</summary>
    PolicyDocument = 2,
    /// <summary>规划计划</summary>
    Plan = 3,
    /// <summary>统计信息</summary>
    Statistics = 4,
    /// <summary>财政预决算</summary>
    Budget = 5,
    /// <summary>行政许可和服务事项</summary>
    Licensing = 6,
    /// <summary>行政处罚和行政强制</summary>
    Enforcement = 7,
    /// <summary>人事信息</summary>
    Personnel = 8,
    /// <summary>通知公告</summary>
    Notice = 9,
    /// <summary>工作动态</summary>
    News = 10,
    /// <summary>清单</summary>
    List = 11,
    /// <summary>机构职能</summary>
    OrganInformation = 12,
    /// <summary>政府信息公开工作年度报告 (Art. 49–50), published by the annual report module or by hand</summary>
    AnnualReport = 13,
    /// <summary>其他</summary>
    Other = 99,
}

public static class DocumentLabels
{
    public static string Label(this DocumentStatus s) => s switch
    {
        DocumentStatus.Draft => "草稿",
        DocumentStatus.Submitted => "待审核",
        DocumentStatus.Reviewed => "待发布",
        DocumentStatus.Published => "已发布",
        DocumentStatus.Withdrawn => "已撤回",
        _ => s.ToString(),
    };

    public static string Label(this DisclosureAttribute a) => a switch
    {
        DisclosureAttribute.Proactive => "主动公开",
        DisclosureAttribute.OnRequest => "依申请公开",
        DisclosureAttribute.NotPublic => "不予公开",
        _ => a.ToString(),
    };

    public static string Label(this Validity v) => v switch
    {
        Validity.Valid => "有效",
        Validity.Amended => "已修改",
        Validity.Expired => "失效",
        Validity.Repealed => "废止",
        _ => v.ToString(),
    };

    public static string Label(this InformationType t) => t switch
    {
        InformationType.NormativeDocument => "规范性文件",
        InformationType.PolicyDocument => "其他政策文件",
        InformationType.Plan => "规划计划",
        InformationType.Statistics => "统计信息",
        InformationType.Budget => "财政预决算",
        InformationType.Licensing => "行政许可和服务事项",
        InformationType.Enforcement => "行政处罚和行政强制",
        InformationType.Personnel => "人事信息",
        InformationType.Notice => "通知公告",
        InformationType.News => "工作动态",
        InformationType.List => "清单",
        InformationType.OrganInformation => "机构职能",
        InformationType.AnnualReport => "年度报告",
        _ => "其他",
    };
}
