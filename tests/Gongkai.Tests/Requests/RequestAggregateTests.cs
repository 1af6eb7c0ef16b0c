using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Intake;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>
/// The request as an aggregate (no database): every state change leaves the stored due date, timeliness and stage equal to
/// what the clock computes from the events, and a move no use case may make is refused without changing anything.
/// </summary>
public class RequestAggregateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static ClockNow At(string today) => new(Shipped, D(today), Now);

    /// <summary>Received at the counter on Monday 2 March 2026: due 20 working days later, 30 March.</summary>
    private static DisclosureRequest Filed()
    {
        var request = new DisclosureRequest
        {
            SecretHash = "0",
            ApplicantName = "张三",
            IdNumberProtected = "x",
            PhoneProtected = "x",
            InformationWanted = "2025年低保名单",
            Channel = RequestChannel.InPerson,
            SubmittedOn = D("2026-03-02"),
            ReceivedOn = D("2026-03-02"),
        };
        request.StartClock("staff-1", registered: true, At("2026-03-02"));
        return request;
    }

    private static RequestClockEvent Event(ClockEventKind kind, string on, RequestOutcome? outcome = null, string? until = null) =>
        new() { Kind = kind, On = D(on), Outcome = outcome, Until = until is null ? null : D(until), RecordedByName = "测试" };

    private static ValidReply Reply(RequestOutcome outcome = RequestOutcome.Disclosed) => new(outcome, null, null, null, null, "电子邮件提供");

    /// <summary>The stored copies equal the clock computed afresh from the request's own events.</summary>
    private static void AssertConsistent(DisclosureRequest request, string today)
    {
        var state = ReplyDeadline.Compute(Shipped, request.Receipt(), request.ClockEntries(), D(today));
        Assert.Equal(state.DueOn, request.DueOn);
        Assert.Equal(state.DuePending, request.DuePending);
        Assert.Equal(state.DueOn is null ? null : state.Timeliness, request.Timeliness);
        Assert.Equal(RequestStages.Derive(request, state.Phase), request.Stage);
        Assert.Equal(D(today), request.CheckedOn);
    }

    private static DisclosureRequest Delivered(string on)
    {
        var request = Filed();
        request.Assign("handler", "李四（lisi）", "staff-1", At("2026-03-03"));
        request.ProposeReply(Reply(), "handler", "李四", At("2026-03-20"));
        request.ApproveReply("reviewer", "王五", "同意", At("2026-03-20"));
        request.DeliverReply(DeliveryMethod.Email, Event(ClockEventKind.Closed, on, RequestOutcome.Disclosed), At(on));
        return request;
    }

    [Fact]
    public void Filing_starts_the_clock_and_registers_a_staff_entered_request()
    {
        var request = Filed();
        Assert.Equal((D("2026-03-30"), Timeliness.OnTime, RequestStage.Registered), (request.DueOn, request.Timeliness, request.Stage));
        Assert.Equal((D("2026-03-02"), "staff-1", Now), (request.RegisteredOn, request.RegisteredById, request.UpdatedAt));
        AssertConsistent(request, "2026-03-02");
    }

    [Fact]
    public void Append_keeps_the_due_date_in_step_with_the_events()
    {
        var request = Filed();
        request.Append(Event(ClockEventKind.CorrectionRequested, "2026-03-04"), At("2026-03-04"));
        Assert.Equal((RequestStage.AwaitingCorrection, null, null), (request.Stage, request.DueOn, request.Timeliness));
        AssertConsistent(request, "2026-03-04");

        // The correction arrives on Tuesday 10 March: 20 working days from the next day; a request with events is in handling.
        request.Append(Event(ClockEventKind.CorrectionReceived, "2026-03-10"), At("2026-03-10"));
        Assert.Equal((RequestStage.InHandling, D("2026-04-08")), (request.Stage, request.DueOn));
        Assert.Equal([1, 2], request.Events.Select(e => e.Sequence));
        Assert.All(request.Events, e => Assert.Equal(request.Id, e.RequestId));
        AssertConsistent(request, "2026-03-10");
    }

    [Fact]
    public void The_handling_steps_move_the_stage_and_keep_the_clock()
    {
        var request = Filed();
        request.Assign("handler", "李四（lisi）", "staff-2", At("2026-03-03"));
        Assert.Equal((RequestStage.InHandling, "staff-1"), (request.Stage, request.RegisteredById));
        request.ProposeReply(Reply(), "handler", "李四", At("2026-03-05"));
        Assert.Equal((RequestStage.AwaitingReview, D("2026-03-05")), (request.Stage, request.ProposedOn));
        request.ReturnReply("依据不充分", At("2026-03-06"));
        Assert.Equal((RequestStage.InHandling, null, "依据不充分"), (request.Stage, request.ProposedOutcome, request.ReviewOpinion));
        request.ProposeReply(Reply(RequestOutcome.NotHeld), "handler", "李四", At("2026-03-09"));
        Assert.Null(request.ReviewOpinion);
        request.ApproveReply("reviewer", "王五", "同意", At("2026-03-09"));
        Assert.Equal((RequestStage.ReadyToSend, D("2026-03-09")), (request.Stage, request.ReviewedOn));
        AssertConsistent(request, "2026-03-09");
    }

    [Theory]
    [InlineData("2026-03-30", Timeliness.OnTime)]
    [InlineData("2026-03-31", Timeliness.Overdue)]
    public void Delivering_the_reply_closes_the_request_and_sets_its_timeliness(string on, Timeliness timeliness)
    {
        var request = Delivered(on);
        Assert.Equal((RequestStage.Closed, RequestOutcome.Disclosed, D(on), D(on)), (request.Stage, request.Outcome, request.ClosedOn, request.DeliveredOn));
        Assert.Equal((D("2026-03-30"), timeliness), (request.DueOn, request.Timeliness));
        AssertConsistent(request, on);
    }

    [Fact]
    public void Reopening_clears_the_reply_the_delivery_and_the_outcome_and_sets_the_new_due_date()
    {
        var request = Delivered("2026-03-20");
        request.Reopen(Event(ClockEventKind.Reopened, "2026-05-11", RequestOutcome.Disclosed, until: "2026-05-29"), At("2026-05-11"));
        Assert.Equal((RequestStage.InHandling, D("2026-05-29")), (request.Stage, request.DueOn));
        Assert.Equal((null, null, null, null), (request.Outcome, request.ClosedOn, request.DeliveredBy, request.DeliveredOn));
        Assert.Equal((null, null, null, null), (request.ProposedOutcome, request.ReplySummary, request.ReviewedOn, request.ProposedOn));
        AssertConsistent(request, "2026-05-11");

        request.Close(Event(ClockEventKind.Closed, "2026-05-20", RequestOutcome.PartlyDisclosed), At("2026-05-20"));
        Assert.Equal((RequestStage.Closed, RequestOutcome.PartlyDisclosed, Timeliness.OnTime), (request.Stage, request.Outcome, request.Timeliness));
    }

    [Fact]
    public void Transfer_leaves_the_receipt_and_starts_registration_afresh()
    {
        var request = Filed();
        request.Assign("handler", "李四（lisi）", "staff-1", At("2026-03-03"));
        var target = Guid.NewGuid();
        request.TransferTo(target, At("2026-03-04"));
        Assert.Equal((target, null, null, RequestStage.Received), (request.OrganId, request.AssignedToId, request.RegisteredOn, request.Stage));
        Assert.Equal(D("2026-03-30"), request.DueOn);
    }

    [Fact]
    public void Moves_no_use_case_may_make_are_refused_and_change_nothing()
    {
        var open = Filed();
        Assert.Throws<InvalidOperationException>(() => open.Append(Event(ClockEventKind.Closed, "2026-03-05", RequestOutcome.Disclosed), At("2026-03-05")));
        Assert.Throws<InvalidOperationException>(() => open.Close(Event(ClockEventKind.Closed, "2026-03-05"), At("2026-03-05")));
        Assert.Throws<InvalidOperationException>(() => open.Reopen(Event(ClockEventKind.Reopened, "2026-03-05"), At("2026-03-05")));
        Assert.Throws<InvalidOperationException>(() => open.ApproveReply("reviewer", "王五", "同意", At("2026-03-05")));
        Assert.Throws<InvalidOperationException>(() => open.DeliverReply(DeliveryMethod.Email, Event(ClockEventKind.Closed, "2026-03-05", RequestOutcome.Disclosed), At("2026-03-05")));
        Assert.Empty(open.Events);
        Assert.Equal((RequestStage.Registered, D("2026-03-02"), Now), (open.Stage, open.CheckedOn, open.UpdatedAt));

        var closed = Delivered("2026-03-20");
        Assert.Throws<InvalidOperationException>(() => closed.Append(Event(ClockEventKind.ExtensionApproved, "2026-03-25"), At("2026-03-25")));
        Assert.Throws<InvalidOperationException>(() => closed.ProposeReply(Reply(), "handler", "李四", At("2026-03-25")));
        Assert.Throws<InvalidOperationException>(() => closed.Assign("other", "赵六", "staff-1", At("2026-03-25")));
        Assert.Single(closed.Events);
        Assert.Equal((RequestStage.Closed, RequestOutcome.Disclosed), (closed.Stage, closed.Outcome));
    }
}
