namespace Gongkai.Requests.Clock;

/// <summary>Kinds of recorded event the reply clock is computed from (答复期限的计算依据).</summary>
public enum ClockEventKind
{
    /// <summary>补正通知 sent (Art. 30); <see cref="ClockEntry.Until"/> is the stated correction period.</summary>
    CorrectionRequested = 1,
    /// <summary>补正 received: the clock restarts from zero (Art. 30).</summary>
    CorrectionReceived = 2,
    /// <summary>征求第三方意见 (Art. 32): 15 working days, the main clock paused.</summary>
    ThirdPartyConsulted = 3,
    /// <summary>征求其他机关意见 (Art. 33 ¶2, Art. 34): 15 working days; silence of a co-producing organ means consent.</summary>
    OrganConsulted = 4,
    /// <summary>The consulted party answered; <see cref="ClockEntry.Party"/> names which consultation ends.</summary>
    ConsultationAnswered = 5,
    /// <summary>延长答复期限, approved by the head of the openness office (Art. 33 ¶1): at most once, at most 20 working days.</summary>
    ExtensionApproved = 6,
    /// <summary>收费通知 (国办函〔2020〕109号): the clock pauses; unpaid in 20 working days means abandoned.</summary>
    FeeNoticeIssued = 7,
    /// <summary>信息处理费已缴纳: the clock runs again.</summary>
    FeePaid = 8,
    /// <summary>Art. 35: a reasonable delayed deadline for an excessive request; <see cref="ClockEntry.Until"/> is that date.</summary>
    DelayedDeadlineSet = 9,
    /// <summary>办结 (reply delivered or the request closed otherwise).</summary>
    Closed = 10,
    /// <summary>
    /// 重新办理: a reconsideration or a court corrected the handling (结果纠正); <see cref="ClockEntry.Until"/> is the
    /// deadline the decision set, if any. Recorded only by the appeal, never as a step of its own.
    /// </summary>
    Reopened = 20,
}

/// <summary>
/// One recorded event as the clock sees it. <see cref="On"/> is the district calendar day it happened;
/// the other fields are used by the kinds that need them.
/// </summary>
public sealed record ClockEntry(
    ClockEventKind Kind,
    DateOnly On,
    DateOnly? Until = null,
    int? WorkingDays = null,
    string? Party = null,
    string? ApprovedBy = null);

public static class ClockEventKinds
{
    public static string Label(this ClockEventKind kind) => kind switch
    {
        ClockEventKind.CorrectionRequested => "发出补正通知",
        ClockEventKind.CorrectionReceived => "收到补正",
        ClockEventKind.ThirdPartyConsulted => "征求第三方意见",
        ClockEventKind.OrganConsulted => "征求其他机关意见",
        ClockEventKind.ConsultationAnswered => "收到征求意见答复",
        ClockEventKind.ExtensionApproved => "延长答复期限",
        ClockEventKind.FeeNoticeIssued => "发出收费通知",
        ClockEventKind.FeePaid => "收到信息处理费",
        ClockEventKind.DelayedDeadlineSet => "确定延迟答复期限（第三十五条）",
        ClockEventKind.Closed => "办结",
        ClockEventKind.Reopened => "复议或诉讼纠正后重新办理",
        _ => kind.ToString(),
    };
}
