using Gongkai.Platform;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using static Gongkai.Requests.Clock.ClockEventKind;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>
/// One rule for a lapse (视为放弃申请): no due date, open or closed, after a 补正 or a fee lapse alike, and an
/// explanation that never ends with a date the due date does not have.
/// </summary>
public sealed class LapseDueDateTests
{
    private static readonly DateOnly PayBy = Shipped.AddWorkingDays(D("2026-04-10"), ReplyDeadline.FeePaymentWorkingDays);

    public static TheoryData<string, string, RequestOutcome, ClockEntry[]> Lapses => new()
    {
        { "correction lapsed, open", "2026-03-02", RequestOutcome.OtherNoCorrection, [E(CorrectionRequested, "2026-03-05", until: "2026-03-19")] },
        { "correction lapsed, closed", "2026-03-02", RequestOutcome.OtherNoCorrection, [E(CorrectionRequested, "2026-03-05", until: "2026-03-19"), E(Closed, "2026-03-20")] },
        { "fee lapsed, open", "2026-04-01", RequestOutcome.OtherFeeUnpaid, [E(FeeNoticeIssued, "2026-04-10")] },
        { "fee lapsed, closed", "2026-04-01", RequestOutcome.OtherFeeUnpaid, [E(FeeNoticeIssued, "2026-04-10"), new ClockEntry(Closed, PayBy.AddDays(1))] },
        { "fee lapsed after an extension and a consultation, closed", "2026-04-01", RequestOutcome.OtherFeeUnpaid,
            [E(ThirdPartyConsulted, "2026-04-03", party: "某公司"), E(ConsultationAnswered, "2026-04-08", party: "某公司"),
             E(ExtensionApproved, "2026-04-09", days: 5, approvedBy: "王主任"), E(FeeNoticeIssued, "2026-04-10"), new ClockEntry(Closed, PayBy.AddDays(3))] },
    };

    [Theory]
    [MemberData(nameof(Lapses))]
    public void A_lapse_has_no_due_date_and_its_explanation_names_none(string name, string received, RequestOutcome outcome, ClockEntry[] events)
    {
        foreach (var today in new[] { PayBy.AddDays(5), D("2026-07-01"), D("2026-12-01") })
        {
            var state = ReplyDeadline.Compute(Shipped, InPerson(received), events, today);
            Assert.True(state.DueOn is null, $"{name}: due {state.DueOn}");
            Assert.Equal(outcome, state.LapsedAs);
            Assert.Equal(events[^1].Kind == Closed ? ClockPhase.Closed : ClockPhase.Lapsed, state.Phase);
            Assert.DoesNotContain(state.Explanation, l => l.Contains("届满日为", StringComparison.Ordinal));
            Assert.Contains("视为放弃申请", string.Concat(state.Explanation));
            Assert.Equal($"无（{outcome.Label()}，不再答复）", RequestClock.DueText(state));
        }
    }

    [Fact]
    public void A_fee_paid_in_time_keeps_its_due_date_and_the_explanation_ends_with_it()
    {
        var state = ReplyDeadline.Compute(Shipped, InPerson("2026-04-01"), [E(FeeNoticeIssued, "2026-04-10"), new ClockEntry(FeePaid, PayBy)], D("2026-06-01"));
        Assert.NotNull(state.DueOn);
        Assert.Contains($"答复期限届满日为{ChineseDates.Long(state.DueOn!.Value)}", state.Explanation[^1]);
    }
}
