namespace Gongkai.Requests;

/// <summary>
/// Where a request stands in the office's work (办理阶段). Phase A moves requests between the first few;
/// the queues of the next phase (review, ready to send) are already named so stored values never change.
/// </summary>
public enum RequestStage
{
    /// <summary>新收（待登记办理）</summary>
    Received = 1,
    /// <summary>办理中</summary>
    InHandling = 2,
    /// <summary>等待申请人补正</summary>
    AwaitingCorrection = 3,
    /// <summary>征求意见中</summary>
    Consultation = 4,
    /// <summary>等待缴费</summary>
    AwaitingFee = 5,
    /// <summary>待审核</summary>
    AwaitingReview = 6,
    /// <summary>待送达</summary>
    ReadyToSend = 7,
    /// <summary>已办结</summary>
    Closed = 9,
}

public static class RequestStages
{
    /// <summary>What the applicant and staff read; the applicant sees only this, never notes.</summary>
    public static string Label(this RequestStage stage) => stage switch
    {
        RequestStage.Received => "已收到，待办理",
        RequestStage.InHandling => "办理中",
        RequestStage.AwaitingCorrection => "等待申请人补正",
        RequestStage.Consultation => "征求意见中（答复期限暂停计算）",
        RequestStage.AwaitingFee => "等待缴纳信息处理费（答复期限暂停计算）",
        RequestStage.AwaitingReview => "办理中（审核）",
        RequestStage.ReadyToSend => "办理中（待送达）",
        RequestStage.Closed => "已办结",
        _ => stage.ToString(),
    };
}
