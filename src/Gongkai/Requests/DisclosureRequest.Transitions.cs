using Gongkai.Requests.Clock;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Intake;

namespace Gongkai.Requests;

/// <summary>
/// The request's state changes, the only code that sets its stored fields (docs/ARCHITECTURE.md §State lives in the
/// aggregate). Every change ends by recomputing the clock on <see cref="ClockNow"/> and copying due date, pending flag,
/// timeliness and stage onto the request, so the stored copies never disagree with the events. The use cases check the
/// law and the input and say why in Chinese; the methods here refuse, with <see cref="InvalidOperationException"/>, only a
/// move no use case should ever attempt (a programming error, not bad input).
/// </summary>
public sealed partial class DisclosureRequest
{
    /// <summary>Filing: who entered it, whether the office registered it at once (staff-entered), the first due date.</summary>
    public ClockState StartClock(string? enteredById, bool registered, ClockNow at)
    {
        RegisteredById = enteredById;
        RegisteredOn = registered ? at.Today : null;
        return Track(at);
    }

    /// <summary>受理编号: given when the request is saved (again after a clash with another filing of the same organ).</summary>
    public void AssignTrackingNumber(string trackingNumber) => this.trackingNumber = trackingNumber;

    /// <summary>登记 of an online request.</summary>
    public ClockState Register(string? byId, ClockNow at)
    {
        RefuseIfClosed();
        RegisteredOn = at.Today;
        RegisteredById = byId;
        return Track(at);
    }

    /// <summary>分办 or 改派 to a handler; assigning registers a request not yet registered.</summary>
    public ClockState Assign(string handlerId, string handlerName, string? byId, ClockNow at)
    {
        RefuseIfClosed();
        AssignedToId = handlerId;
        AssignedToName = handlerName;
        RegisteredOn ??= at.Today;
        RegisteredById ??= byId;
        return Track(at);
    }

    /// <summary>转办: the request moves to another organ, which registers and assigns it afresh.</summary>
    public ClockState TransferTo(Guid organId, ClockNow at)
    {
        RefuseIfClosed();
        this.organId = organId;
        (AssignedToId, AssignedToName, RegisteredOn) = (null, null, null);
        return Track(at);
    }

    /// <summary>拟办: the handler's reply waits for review; an earlier review is void.</summary>
    public ClockState ProposeReply(ValidReply reply, string? byId, string byName, ClockNow at)
    {
        RefuseIfClosed();
        ClearReply();
        ProposedOutcome = reply.Outcome;
        LegalGround = reply.LegalGround;
        WithheldParts = reply.WithheldParts;
        ResponsibleOrgan = reply.ResponsibleOrgan;
        PublishedDocumentId = reply.PublishedDocumentId;
        ReplySummary = reply.Summary;
        (ProposedById, ProposedByName, ProposedOn) = (byId, byName, at.Today);
        return Track(at);
    }

    /// <summary>审核通过: the reply is ready to send.</summary>
    public ClockState ApproveReply(string? byId, string byName, string opinion, ClockNow at)
    {
        RefuseUnlessAwaitingReview();
        (ReviewedById, ReviewedByName, ReviewedOn, ReviewOpinion) = (byId, byName, at.Today, opinion);
        return Track(at);
    }

    /// <summary>退回: the proposal goes back to the handler with the reviewer's opinion (its text stays for the next proposal).</summary>
    public ClockState ReturnReply(string opinion, ClockNow at)
    {
        RefuseUnlessAwaitingReview();
        ProposedOutcome = null;
        ReviewOpinion = opinion;
        return Track(at);
    }

    /// <summary>
    /// One event on the clock (补正, consultation, extension, fee, Art. 35 delay …) that neither closes nor reopens the request
    /// (<see cref="Close"/>, <see cref="DeliverReply"/>, <see cref="Reopen"/> do those).
    /// </summary>
    public ClockState Append(RequestClockEvent recorded, ClockNow at)
    {
        RefuseIfClosed();
        if (recorded.Kind is ClockEventKind.Closed or ClockEventKind.Reopened)
        {
            throw new InvalidOperationException($"A {recorded.Kind} event goes through Close or Reopen.");
        }

        return AddEvent(recorded, at);
    }

    /// <summary>办结 with the closing event's outcome, on its day: the clock says whether it was in time.</summary>
    public ClockState Close(RequestClockEvent closing, ClockNow at)
    {
        RefuseIfClosed();
        if (closing.Kind != ClockEventKind.Closed || closing.Outcome is null)
        {
            throw new InvalidOperationException("A request closes with a Closed event that names the outcome.");
        }

        var state = AddEvent(closing, at);
        (Outcome, ClosedOn) = (closing.Outcome, closing.On);
        return state;
    }

    /// <summary>送达: the reviewed reply reached the applicant; the request closes with the reviewed outcome on that day.</summary>
    public ClockState DeliverReply(DeliveryMethod how, RequestClockEvent closing, ClockNow at)
    {
        if (ProposedOutcome is not { } outcome || ReviewedOn is null || closing.Outcome != outcome)
        {
            throw new InvalidOperationException("Only the reviewed reply is delivered, with its own outcome.");
        }

        (DeliveredBy, DeliveredOn) = (how, closing.On);
        return Close(closing, at);
    }

    /// <summary>
    /// 重新办理 after an appeal corrected the reply: the earlier reply, its delivery and the outcome stay in the events and the
    /// audit trail; the request starts a new reply from handling, due by the event's date (or the default period).
    /// </summary>
    public ClockState Reopen(RequestClockEvent reopened, ClockNow at)
    {
        if (Stage != RequestStage.Closed || reopened.Kind != ClockEventKind.Reopened)
        {
            throw new InvalidOperationException("Only a closed request reopens, with a Reopened event.");
        }

        var state = AddEvent(reopened, at, () =>
        {
            ClearReply();
            (DeliveredBy, DeliveredOn) = (null, null);
            (Outcome, ClosedOn) = (null, null);
        });
        return state;
    }

    /// <summary>Recomputes the stored due date, timeliness and stage on today's calendar (e.g. after a year's holidays load).</summary>
    public ClockState Refresh(ClockNow at) => Track(at);

    /// <summary>Test and benchmark rows only: the stored state as given (<see cref="StoredRequestState"/>).</summary>
    internal DisclosureRequest WithStoredState(StoredRequestState stored)
    {
        (Stage, DueOn, DuePending, Timeliness, CheckedOn) = (stored.Stage, stored.DueOn, stored.DuePending, stored.Timeliness, stored.CheckedOn);
        (RegisteredOn, AssignedToId, Outcome, ClosedOn, UpdatedAt) = (stored.RegisteredOn, stored.AssignedToId, stored.Outcome, stored.ClosedOn, stored.UpdatedAt);
        return this;
    }

    /// <summary>The reply as proposed and reviewed, gone (a new proposal or a reopened case starts from nothing).</summary>
    private void ClearReply()
    {
        (ProposedOutcome, LegalGround, WithheldParts, ResponsibleOrgan, PublishedDocumentId, ReplySummary) = (null, null, null, null, null, null);
        (ProposedById, ProposedByName, ProposedOn) = (null, null, null);
        (ReviewedById, ReviewedByName, ReviewedOn, ReviewOpinion) = (null, null, null, null);
    }

    /// <summary>
    /// Numbers the event after the last one and adds it; the clock is computed with it first, so a calendar that does not
    /// reach a date (<see cref="Platform.Calendar.CalendarRangeException"/>) leaves the request as it was.
    /// </summary>
    private ClockState AddEvent(RequestClockEvent recorded, ClockNow at, Action? alongside = null)
    {
        var state = Compute([.. ClockEntries(), recorded.ToEntry()], at);
        recorded.RequestId = Id;
        recorded.Sequence = events.Count == 0 ? 1 : events.Max(e => e.Sequence) + 1;
        events.Add(recorded);
        alongside?.Invoke();
        return Keep(state, at);
    }

    private ClockState Track(ClockNow at) => Keep(Compute(ClockEntries(), at), at);

    private ClockState Compute(IEnumerable<ClockEntry> entries, ClockNow at) =>
        ReplyDeadline.Compute(at.Calendar, Receipt(), entries, at.Today, at.Explain);

    /// <summary>Copies the computed due date, its pending flag, timeliness and stage onto the request; the events stay the truth.</summary>
    private ClockState Keep(ClockState state, ClockNow at)
    {
        DueOn = state.DueOn;
        DuePending = state.DuePending;
        Timeliness = state.DueOn is null ? null : state.Timeliness;
        CheckedOn = at.Today;
        Stage = RequestStages.Derive(this, state.Phase);
        UpdatedAt = at.Now;
        return state;
    }

    private void RefuseIfClosed()
    {
        if (Stage == RequestStage.Closed)
        {
            throw new InvalidOperationException($"Request {TrackingNumber} is closed.");
        }
    }

    private void RefuseUnlessAwaitingReview()
    {
        if (ProposedOutcome is null || ReviewedOn is not null)
        {
            throw new InvalidOperationException("No proposed reply awaits review.");
        }
    }
}
