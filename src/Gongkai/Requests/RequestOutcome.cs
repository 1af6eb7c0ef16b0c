namespace Gongkai.Requests;

/// <summary>
/// The result of a closed request, exactly one row of “三、本年度办理结果” of the 2021 annual-report table 三
/// (china-rules §4.2, mapping §4.4). Phase A closes requests only as 其他处理-1/-2 from the clock; replies with
/// the other outcomes come with the handling phase. Values are stable: reports count them.
/// </summary>
public enum RequestOutcome
{
    /// <summary>（一）予以公开</summary>
    Disclosed = 10,
    /// <summary>（二）部分公开</summary>
    PartlyDisclosed = 20,
    /// <summary>（三）1 属于国家秘密</summary>
    WithheldStateSecret = 31,
    /// <summary>（三）2 其他法律行政法规禁止公开</summary>
    WithheldByLaw = 32,
    /// <summary>（三）3 危及“三安全一稳定”</summary>
    WithheldSecurityStability = 33,
    /// <summary>（三）4 保护第三方合法权益</summary>
    WithheldThirdParty = 34,
    /// <summary>（三）5 属于三类内部事务信息</summary>
    WithheldInternalAffairs = 35,
    /// <summary>（三）6 属于四类过程性信息</summary>
    WithheldProcess = 36,
    /// <summary>（三）7 属于行政执法案卷</summary>
    WithheldEnforcementFile = 37,
    /// <summary>（三）8 属于行政查询事项</summary>
    WithheldQueryMatter = 38,
    /// <summary>（四）1 本机关不掌握相关政府信息</summary>
    NotHeld = 41,
    /// <summary>（四）2 没有现成信息需要另行制作</summary>
    WouldNeedCreation = 42,
    /// <summary>（四）3 补正后申请内容仍不明确</summary>
    StillUnclear = 43,
    /// <summary>（五）1 信访举报投诉类申请</summary>
    PetitionOrComplaint = 51,
    /// <summary>（五）2 重复申请</summary>
    Repeated = 52,
    /// <summary>（五）3 要求提供公开出版物</summary>
    PublishedMaterial = 53,
    /// <summary>（五）4 无正当理由大量反复申请</summary>
    Excessive = 54,
    /// <summary>（五）5 要求行政机关确认或重新出具已获取信息</summary>
    ConfirmOrReissue = 55,
    /// <summary>（六）1 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (Art. 30)</summary>
    OtherNoCorrection = 61,
    /// <summary>（六）2 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</summary>
    OtherFeeUnpaid = 62,
    /// <summary>（六）3 其他</summary>
    OtherHandling = 63,
}

public static class RequestOutcomes
{
    public static string Label(this RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Disclosed => "予以公开",
        RequestOutcome.PartlyDisclosed => "部分公开",
        RequestOutcome.WithheldStateSecret => "不予公开（属于国家秘密）",
        RequestOutcome.WithheldByLaw => "不予公开（其他法律行政法规禁止公开）",
        RequestOutcome.WithheldSecurityStability => "不予公开（危及“三安全一稳定”）",
        RequestOutcome.WithheldThirdParty => "不予公开（保护第三方合法权益）",
        RequestOutcome.WithheldInternalAffairs => "不予公开（属于三类内部事务信息）",
        RequestOutcome.WithheldProcess => "不予公开（属于四类过程性信息）",
        RequestOutcome.WithheldEnforcementFile => "不予公开（属于行政执法案卷）",
        RequestOutcome.WithheldQueryMatter => "不予公开（属于行政查询事项）",
        RequestOutcome.NotHeld => "无法提供（本机关不掌握相关政府信息）",
        RequestOutcome.WouldNeedCreation => "无法提供（没有现成信息需要另行制作）",
        RequestOutcome.StillUnclear => "无法提供（补正后申请内容仍不明确）",
        RequestOutcome.PetitionOrComplaint => "不予处理（信访举报投诉类申请）",
        RequestOutcome.Repeated => "不予处理（重复申请）",
        RequestOutcome.PublishedMaterial => "不予处理（要求提供公开出版物）",
        RequestOutcome.Excessive => "不予处理（无正当理由大量反复申请）",
        RequestOutcome.ConfirmOrReissue => "不予处理（要求行政机关确认或重新出具已获取信息）",
        RequestOutcome.OtherNoCorrection => "其他处理（申请人无正当理由逾期不补正）",
        RequestOutcome.OtherFeeUnpaid => "其他处理（申请人逾期未缴纳信息处理费）",
        RequestOutcome.OtherHandling => "其他处理（其他）",
        _ => outcome.ToString(),
    };
}
