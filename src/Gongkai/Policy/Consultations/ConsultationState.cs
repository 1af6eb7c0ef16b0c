namespace Gongkai.Policy.Consultations;

/// <summary>Where a consultation stands, derived from the clock and its records (GOV.UK's display states).</summary>
public enum ConsultationState
{
    /// <summary>草稿 (not announced; staff only)</summary>
    Draft,
    /// <summary>即将开始</summary>
    Upcoming,
    /// <summary>征集中</summary>
    Open,
    /// <summary>已截止，待反馈</summary>
    AwaitingFeedback,
    /// <summary>已反馈</summary>
    Concluded,
}

public static class ConsultationStates
{
    /// <summary>The state at <paramref name="now"/>: the period is half-open, so at <c>ClosesAt</c> it is closed.</summary>
    public static ConsultationState Of(Consultation c, DateTimeOffset now) =>
        c.AnnouncedAt is null ? ConsultationState.Draft
        : now < c.OpensAt ? ConsultationState.Upcoming
        : now < c.ClosesAt ? ConsultationState.Open
        : c.FeedbackPublishedAt is null ? ConsultationState.AwaitingFeedback
        : ConsultationState.Concluded;

    public static string Label(this ConsultationState state) => state switch
    {
        ConsultationState.Draft => "草稿",
        ConsultationState.Upcoming => "即将开始",
        ConsultationState.Open => "征集中",
        ConsultationState.AwaitingFeedback => "已截止，待反馈",
        ConsultationState.Concluded => "已反馈",
        _ => state.ToString(),
    };

    public static string Label(this ConsultationKind kind) => kind switch
    {
        ConsultationKind.MajorDecision => "重大决策预公开",
        _ => "意见征集",
    };

    public static string Label(this BasisKind kind) => kind switch
    {
        BasisKind.Basis => "依据",
        BasisKind.Explanation => "起草说明",
        _ => "相关材料",
    };
}
