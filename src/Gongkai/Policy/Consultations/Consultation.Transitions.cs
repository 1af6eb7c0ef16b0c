namespace Gongkai.Policy.Consultations;

/// <summary>
/// The steps of a consultation (docs/ARCHITECTURE.md §State lives in the aggregate): the only code that sets its period,
/// announcement, draft version, decision and feedback. Its state is still derived from the clock
/// (<see cref="ConsultationStates.Of"/>); each step names the states it is allowed in. The use cases check permissions
/// and input and explain refusals in Chinese; a step the state does not allow throws
/// <see cref="InvalidOperationException"/> here (a programming error, never bad input).
/// </summary>
public sealed partial class Consultation
{
    /// <summary>
    /// Sets the comment period (at creation or on an edit) and, once announced, the feedback due day counted from its close.
    /// Before it opens the period may change freely; while open only the closing instant, and only later (an extension).
    /// </summary>
    public void Reschedule(DateTimeOffset opens, DateTimeOffset closes, DateOnly? feedbackDueOn, DateTimeOffset now)
    {
        var state = Require(now, ConsultationState.Draft, ConsultationState.Upcoming, ConsultationState.Open);
        if (state == ConsultationState.Open && (opens != OpensAt || closes < ClosesAt))
        {
            throw new InvalidOperationException($"Consultation {Id} is open: only its closing instant may move, and only later.");
        }

        if (AnnouncedAt is null && feedbackDueOn is not null)
        {
            throw new InvalidOperationException($"Consultation {Id} is not announced: it has no feedback due day yet.");
        }

        (OpensAt, ClosesAt, FeedbackDueOn, UpdatedAt) = (opens, closes, feedbackDueOn, now);
    }

    /// <summary>发布: the public sees it from now on; announced late, the period opens now.</summary>
    public void Announce(DateTimeOffset now, DateOnly? feedbackDueOn)
    {
        Require(now, ConsultationState.Draft);
        if (ClosesAt <= now)
        {
            throw new InvalidOperationException($"Consultation {Id} closed at {ClosesAt:O}: it cannot be announced.");
        }

        OpensAt = OpensAt < now ? now : OpensAt;
        (AnnouncedAt, FeedbackDueOn, UpdatedAt) = (now, feedbackDueOn, now);
    }

    /// <summary>A new version of the draft while comments may still come; returns its number.</summary>
    public int AddVersion(DateTimeOffset now)
    {
        Require(now, ConsultationState.Draft, ConsultationState.Upcoming, ConsultationState.Open);
        CurrentVersion++;
        UpdatedAt = now;
        return CurrentVersion;
    }

    /// <summary>The decision document adopted after the period closed.</summary>
    public void SetDecision(Guid documentId, DateTimeOffset now)
    {
        Require(now, ConsultationState.AwaitingFeedback, ConsultationState.Concluded);
        (DecisionDocumentId, UpdatedAt) = (documentId, now);
    }

    /// <summary>公布意见采纳情况: the consultation is concluded.</summary>
    public void PublishFeedback(string summary, DateTimeOffset now)
    {
        Require(now, ConsultationState.AwaitingFeedback);
        (FeedbackPublishedAt, FeedbackSummary, UpdatedAt) = (now, summary, now);
    }

    private ConsultationState Require(DateTimeOffset now, params ConsultationState[] allowed)
    {
        var state = ConsultationStates.Of(this, now);
        if (!allowed.Contains(state))
        {
            throw new InvalidOperationException($"Consultation {Id} is {state}; this step needs {string.Join(" or ", allowed)}.");
        }

        return state;
    }
}
