namespace Gongkai.Requests;

/// <summary>
/// Where a request stands in the office's work (办理阶段), one per queue. Derived by <see cref="RequestStages.Derive"/> from
/// the clock phase and the handling steps recorded on the request; stored for lists. Values are stable.
/// </summary>
public enum RequestStage
{
    /// <summary>待登记: an online request the office has not registered yet.</summary>
    Received = 1,
    /// <summary>新收（已登记，待分办）: registered, no handler assigned yet.</summary>
    Registered = 8,
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
    /// <summary>The queues in the order the work flows (the admin list shows them as tabs with counts).</summary>
    public static IReadOnlyList<RequestStage> Queues { get; } =
    [
        RequestStage.Received, RequestStage.Registered, RequestStage.InHandling, RequestStage.AwaitingReview, RequestStage.AwaitingCorrection,
        RequestStage.Consultation, RequestStage.AwaitingFee, RequestStage.ReadyToSend, RequestStage.Closed,
    ];

    /// <summary>Every stage but 已办结.</summary>
    public static IReadOnlyList<RequestStage> Open { get; } = [.. Queues.Where(s => s != RequestStage.Closed)];

    /// <summary>The queue name staff see.</summary>
    public static string QueueLabel(this RequestStage stage) => stage switch
    {
        RequestStage.Received => "待登记",
        RequestStage.Registered => "新收待分办",
        RequestStage.InHandling => "办理中",
        RequestStage.AwaitingReview => "待审核",
        RequestStage.AwaitingCorrection => "等待申请人补正",
        RequestStage.Consultation => "征求意见",
        RequestStage.AwaitingFee => "等待缴费",
        RequestStage.ReadyToSend => "待送达",
        RequestStage.Closed => "已办结",
        _ => stage.ToString(),
    };

    /// <summary>
    /// The stage from the clock phase (a pause or a wait for the applicant wins) and the handling steps: a reply reviewed
    /// is ready to send, a proposed one awaits review, an assigned request is in handling, a registered one is new.
    /// </summary>
    public static RequestStage Derive(DisclosureRequest r, Clock.ClockPhase phase) =>
        Derive(phase, r.ProposedOutcome is not null, r.ReviewedOn is not null, r.AssignedToId is not null || r.Events.Count > 0, r.RegisteredOn is not null);

    public static RequestStage Derive(Clock.ClockPhase phase, bool proposed, bool reviewed, bool inHandling, bool registered) => phase switch
    {
        Clock.ClockPhase.Closed => RequestStage.Closed,
        Clock.ClockPhase.AwaitingCorrection => RequestStage.AwaitingCorrection,
        Clock.ClockPhase.Consultation => RequestStage.Consultation,
        Clock.ClockPhase.AwaitingFee => RequestStage.AwaitingFee,
        _ when proposed && reviewed => RequestStage.ReadyToSend,
        _ when proposed => RequestStage.AwaitingReview,
        _ when inHandling => RequestStage.InHandling,
        _ when registered => RequestStage.Registered,
        _ => RequestStage.Received,
    };

    /// <summary>What the applicant and staff read; the applicant sees only this, never notes.</summary>
    public static string Label(this RequestStage stage) => stage switch
    {
        RequestStage.Received => "已收到，待办理",
        RequestStage.Registered => "已登记，待办理",
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
