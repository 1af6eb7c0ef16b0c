namespace Gongkai.Requests.Clock;

/// <summary>Whether the reply clock is running, and if not, why.</summary>
public enum ClockPhase
{
    /// <summary>计时中</summary>
    Running,
    /// <summary>等待补正 (the clock has not started yet: it restarts on the correction)</summary>
    AwaitingCorrection,
    /// <summary>征求意见中 (paused)</summary>
    Consultation,
    /// <summary>等待缴费 (paused)</summary>
    AwaitingFee,
    /// <summary>视为放弃申请: the correction or the fee did not come in time</summary>
    Lapsed,
    /// <summary>已办结</summary>
    Closed,
}

/// <summary>Derived timeliness (时效): never stored as truth, always recomputed from the events.</summary>
public enum Timeliness
{
    /// <summary>正常</summary>
    OnTime,
    /// <summary>即将到期（3个工作日内）</summary>
    DueSoon,
    /// <summary>已逾期 (or, once closed, closed late)</summary>
    Overdue,
}

/// <summary>
/// The clock of one request at one day: the due date (null while waiting for a correction, after a lapse — then
/// <see cref="LapsedAs"/> says which, also once the lapse is closed: no reply is owed —, or while
/// pending because the calendar does not reach it — then <see cref="DuePendingReason"/> says so),
/// the phase, the timeliness and the sentences that explain how the date was reached.
/// </summary>
public sealed record ClockState(
    DateOnly ReceivedOn,
    DateOnly? DueOn,
    ClockPhase Phase,
    Timeliness Timeliness,
    RequestOutcome? LapsedAs,
    DateOnly? CorrectionNoticeLatest,
    int? WorkingDaysLeft,
    IReadOnlyList<string> Explanation,
    string? DuePendingReason = null,
    string? ProvisionalReason = null)
{
    /// <summary>
    /// The due date is not final yet: the calendar does not reach it (e.g. the next year's holidays are not published).
    /// Then either <see cref="DueOn"/> is null, or it is provisional (<see cref="DueProvisional"/>).
    /// </summary>
    public bool DuePending => DuePendingReason is not null;

    /// <summary>
    /// <see cref="DueOn"/> is 暂定: computed past the loaded schedules from weekends and the statutory holidays only;
    /// <see cref="ProvisionalReason"/> says so. It is a date to remind on, recomputed when the schedule is loaded.
    /// </summary>
    public bool DueProvisional => ProvisionalReason is not null && DueOn is not null;
}

public static class ClockLabels
{
    public static string Label(this Timeliness timeliness) => timeliness switch
    {
        Timeliness.OnTime => "正常",
        Timeliness.DueSoon => "即将到期",
        Timeliness.Overdue => "已逾期",
        _ => timeliness.ToString(),
    };

    public static string Label(this ClockPhase phase) => phase switch
    {
        ClockPhase.Running => "计时中",
        ClockPhase.AwaitingCorrection => "等待补正（暂不计时）",
        ClockPhase.Consultation => "征求意见（暂停计时）",
        ClockPhase.AwaitingFee => "等待缴费（暂停计时）",
        ClockPhase.Lapsed => "视为放弃申请",
        ClockPhase.Closed => "已办结",
        _ => phase.ToString(),
    };
}
