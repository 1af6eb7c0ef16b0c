using Gongkai.Policy.Consultations;

namespace Gongkai.Tests.Policy;

/// <summary>The steps of a consultation as its methods (no database): legal steps set their fields, others are refused and change nothing.</summary>
public class ConsultationAggregateTests
{
    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + " +08:00", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly DateOnly Due = new(2026, 4, 3);

    private static Consultation Scheduled()
    {
        var c = new Consultation { Title = "西城区养老服务补贴办法（征求意见稿）" };
        c.Reschedule(At("2026-03-10 09:00"), At("2026-03-20 17:00"), null, At("2026-03-01 08:00"));
        return c;
    }

    private static Consultation Announced()
    {
        var c = Scheduled();
        c.Announce(At("2026-03-01 09:00"), Due);
        return c;
    }

    private static object Fields(Consultation c) =>
        (c.OpensAt, c.ClosesAt, c.FeedbackDueOn, c.AnnouncedAt, c.FeedbackPublishedAt, c.FeedbackSummary, c.DecisionDocumentId, c.CurrentVersion, c.UpdatedAt);

    [Fact]
    public void A_consultation_is_scheduled_announced_extended_decided_and_concluded()
    {
        var c = Scheduled();
        Assert.Equal((At("2026-03-10 09:00"), At("2026-03-20 17:00"), (DateOnly?)null, 1, At("2026-03-01 08:00")), (c.OpensAt, c.ClosesAt, c.FeedbackDueOn, c.CurrentVersion, c.UpdatedAt));
        c.Announce(At("2026-03-01 09:00"), Due);
        Assert.Equal((At("2026-03-10 09:00"), At("2026-03-01 09:00"), Due), (c.OpensAt, c.AnnouncedAt, c.FeedbackDueOn));
        Assert.Equal(2, c.AddVersion(At("2026-03-12 09:00")));
        c.Reschedule(At("2026-03-10 09:00"), At("2026-03-25 17:00"), Due.AddDays(3), At("2026-03-15 09:00"));
        Assert.Equal((At("2026-03-25 17:00"), Due.AddDays(3)), (c.ClosesAt, c.FeedbackDueOn));
        var decision = Guid.CreateVersion7();
        c.SetDecision(decision, At("2026-03-26 09:00"));
        c.PublishFeedback("采纳12条", At("2026-03-27 09:00"));
        Assert.Equal((decision, At("2026-03-27 09:00"), "采纳12条", ConsultationState.Concluded),
            (c.DecisionDocumentId, c.FeedbackPublishedAt, c.FeedbackSummary, ConsultationStates.Of(c, At("2026-03-28 09:00"))));
    }

    [Fact]
    public void Announced_late_it_opens_when_announced()
    {
        var c = Scheduled();
        c.Announce(At("2026-03-12 10:00"), Due);
        Assert.Equal((At("2026-03-12 10:00"), At("2026-03-12 10:00")), (c.OpensAt, c.AnnouncedAt));
    }

    [Fact]
    public void While_open_the_period_may_only_be_extended()
    {
        var c = Announced();
        var before = Fields(c);
        Assert.Throws<InvalidOperationException>(() => c.Reschedule(At("2026-03-11 09:00"), At("2026-03-20 17:00"), Due, At("2026-03-12 09:00")));
        Assert.Throws<InvalidOperationException>(() => c.Reschedule(At("2026-03-10 09:00"), At("2026-03-19 17:00"), Due, At("2026-03-12 09:00")));
        Assert.Equal(before, Fields(c));
    }

    [Fact]
    public void Steps_out_of_turn_are_refused_and_change_nothing()
    {
        var draft = Scheduled();
        var before = Fields(draft);
        Assert.Throws<InvalidOperationException>(() => draft.PublishFeedback("s", At("2026-03-25 09:00")));
        Assert.Throws<InvalidOperationException>(() => draft.SetDecision(Guid.CreateVersion7(), At("2026-03-25 09:00")));
        Assert.Throws<InvalidOperationException>(() => draft.Announce(At("2026-03-20 17:00"), Due));
        Assert.Throws<InvalidOperationException>(() => draft.Reschedule(At("2026-03-10 09:00"), At("2026-03-20 17:00"), Due, At("2026-03-02 09:00")));
        Assert.Equal(before, Fields(draft));

        var open = Announced();
        before = Fields(open);
        Assert.Throws<InvalidOperationException>(() => open.Announce(At("2026-03-12 09:00"), Due));
        Assert.Throws<InvalidOperationException>(() => open.PublishFeedback("s", At("2026-03-12 09:00")));
        Assert.Throws<InvalidOperationException>(() => open.SetDecision(Guid.CreateVersion7(), At("2026-03-12 09:00")));
        Assert.Equal(before, Fields(open));

        var closed = Announced();
        closed.PublishFeedback("s", At("2026-03-21 09:00"));
        before = Fields(closed);
        Assert.Throws<InvalidOperationException>(() => closed.AddVersion(At("2026-03-22 09:00")));
        Assert.Throws<InvalidOperationException>(() => closed.Reschedule(At("2026-03-10 09:00"), At("2026-03-30 17:00"), Due, At("2026-03-22 09:00")));
        Assert.Throws<InvalidOperationException>(() => closed.PublishFeedback("again", At("2026-03-22 09:00")));
        Assert.Equal(before, Fields(closed));
    }
}
