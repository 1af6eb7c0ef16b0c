using Gongkai.Platform;
using Gongkai.Requests.Clock;
using static Gongkai.Requests.Clock.ClockEventKind;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>
/// Every clock step is judged on the day it happened, not on the day it is entered: entering each step of a history on
/// its own day, or days and weeks later, is accepted alike and gives the same due date, stage, timeliness and lapse; a
/// step the law refuses is refused alike, with the same reason, however late it is entered.
/// </summary>
public sealed class LateEntryTests
{
    /// <summary>How late each step is entered, in calendar days (0: on the day).</summary>
    private static readonly int[] Delays = [0, 1, 2, 4, 9, 16, 31];

    private static ClockEntry PaidOnLastDay(string feeOn) =>
        new(FeePaid, Shipped.AddWorkingDays(D(feeOn), ReplyDeadline.FeePaymentWorkingDays));

    private static ClockEntry ClosedAfterPayment(string feeOn) =>
        new(Closed, Shipped.AddWorkingDays(D(feeOn), ReplyDeadline.FeePaymentWorkingDays).AddDays(1));

    /// <summary>Histories a handler may record, in the order the steps happened.</summary>
    public static TheoryData<string, string, ClockEntry[]> Histories => new()
    {
        // Issue 14 item 9: the correction came a day before its period ended and was entered after it.
        { "correction-before-end", "2026-11-16", [E(CorrectionRequested, "2026-11-20", until: "2026-12-04"), E(CorrectionReceived, "2026-12-03")] },
        { "correction-on-last-day", "2026-03-02", [E(CorrectionRequested, "2026-03-05", until: "2026-03-19"), E(CorrectionReceived, "2026-03-19"),
            E(ExtensionApproved, "2026-04-15", days: 10, approvedBy: "王主任")] },
        { "correction-lapsed-closed", "2026-03-02", [E(CorrectionRequested, "2026-03-05", until: "2026-03-19"), E(Closed, "2026-03-20")] },
        { "fee-paid-on-last-day", "2026-04-01", [E(FeeNoticeIssued, "2026-04-10"), PaidOnLastDay("2026-04-10")] },
        { "fee-lapsed-closed", "2026-04-01", [E(FeeNoticeIssued, "2026-04-10"), ClosedAfterPayment("2026-04-10")] },
        { "consultation-answered", "2026-06-01", [E(ThirdPartyConsulted, "2026-06-05", party: "某公司"), E(ConsultationAnswered, "2026-06-15", party: "某公司")] },
        { "consultation-unanswered-then-extended", "2026-06-01", [E(OrganConsulted, "2026-06-03", party: "区财政局"),
            E(ExtensionApproved, "2026-07-20", days: 20, approvedBy: "王主任")] },
        { "extension-on-the-due-day", "2026-03-02", [E(ExtensionApproved, "2026-03-30", days: 20, approvedBy: "王主任")] },
        { "fee-notice-on-the-due-day-then-paid", "2026-03-02", [E(FeeNoticeIssued, "2026-03-30"), E(FeePaid, "2026-04-08")] },
        { "consultation-during-fee", "2026-05-06", [E(FeeNoticeIssued, "2026-05-08"), E(ThirdPartyConsulted, "2026-05-11", party: "某公司"),
            E(ConsultationAnswered, "2026-06-01", party: "某公司"), PaidOnLastDay("2026-05-08")] },
        { "delayed-deadline", "2026-07-01", [E(DelayedDeadlineSet, "2026-07-20", until: "2026-09-30", party: "同一申请人一月内提出300件申请")] },
        { "closed-late", "2026-03-02", [E(Closed, "2026-04-10")] },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void A_history_entered_late_is_accepted_and_gives_the_same_clock_as_entered_on_the_day(string name, string received, ClockEntry[] steps)
    {
        var receipt = InPerson(received);
        var evaluatedOn = steps[^1].On.AddDays(60);
        ClockState? onTheDay = null;
        IReadOnlyList<ClockState?>? closingsOnTheDay = null;
        foreach (var delay in Delays)
        {
            var entered = new List<ClockEntry>();
            var closings = new List<ClockState?>();
            foreach (var step in steps)
            {
                var today = step.On.AddDays(delay);
                ClockState before;
                try
                {
                    before = ClockRules.Check(Shipped, receipt, entered, step, today);
                }
                catch (ValidationFailure e)
                {
                    throw new Xunit.Sdk.XunitException($"{name}: {step.Kind} of {step.On} entered {delay} days later was refused: {e.Message}");
                }

                closings.Add(step.Kind == Closed ? before : null);
                entered.Add(step);
            }

            var state = ReplyDeadline.Compute(Shipped, receipt, entered, evaluatedOn);
            if (onTheDay is null)
            {
                onTheDay = state;
                closingsOnTheDay = closings;
                continue;
            }

            Assert.True(onTheDay.DueOn == state.DueOn, $"{name}, {delay} days late: due {state.DueOn} instead of {onTheDay.DueOn}");
            Assert.Equal(onTheDay.Phase, state.Phase);
            Assert.Equal(onTheDay.Timeliness, state.Timeliness);
            Assert.Equal(onTheDay.LapsedAs, state.LapsedAs);
            Assert.Equal(onTheDay.DuePendingReason, state.DuePendingReason);
            Assert.Equal(onTheDay.Explanation, state.Explanation);
            // A lapse closes as it stood on the closing day, whenever that is entered.
            Assert.Equal(closingsOnTheDay!.Select(c => c?.LapsedAs), closings.Select(c => c?.LapsedAs));
        }
    }

    /// <summary>Steps the law refuses, after a lawful history; refused alike on the day and however late entered.</summary>
    public static TheoryData<string, ClockEntry[], ClockEntry, string> Unlawful => new()
    {
        { "2026-11-16", [E(CorrectionRequested, "2026-11-20", until: "2026-12-04")], E(CorrectionReceived, "2026-12-07"), "视为放弃申请" },
        { "2026-11-16", [E(CorrectionRequested, "2026-11-20", until: "2026-12-04")], E(Closed, "2026-12-04"), "尚在补正期限内" },
        { "2026-04-01", [E(FeeNoticeIssued, "2026-04-10")], new ClockEntry(FeePaid, Shipped.AddWorkingDays(D("2026-04-10"), 20).AddDays(1)), "逾期未缴纳信息处理费，视为放弃申请" },
        { "2026-04-01", [E(FeeNoticeIssued, "2026-04-10")], PaidOnLastDay("2026-04-10") with { Kind = Closed }, "尚在缴费期限内" },
        { "2026-03-02", [], E(ExtensionApproved, "2026-03-31", days: 10, approvedBy: "王主任"), "不能再延长" },
        { "2026-03-02", [], E(FeeNoticeIssued, "2026-03-31"), "答复期限内发出" },
        { "2026-02-10", [], E(CorrectionRequested, "2026-02-27", until: "2026-03-12"), "第8个工作日" },
        { "2026-03-02", [E(ThirdPartyConsulted, "2026-03-10", party: "某公司")], E(ConsultationAnswered, "2026-03-09", party: "某公司"), "按发生顺序" },
        { "2026-03-02", [], E(ExtensionApproved, "2026-02-27", days: 10, approvedBy: "王主任"), "不能早于收到申请之日" },
    };

    [Theory]
    [MemberData(nameof(Unlawful))]
    public void A_step_the_law_refuses_is_refused_alike_however_late_it_is_entered(string received, ClockEntry[] history, ClockEntry step, string reason)
    {
        var messages = Delays.Select(delay =>
            Assert.Throws<ValidationFailure>(() => ClockRules.Check(Shipped, InPerson(received), history, step, step.On.AddDays(delay))).Message).Distinct().ToList();
        Assert.Single(messages);
        Assert.Contains(reason, messages[0]);
    }

    [Fact]
    public void Only_a_step_dated_after_today_is_refused_for_its_entry_day()
    {
        var step = E(CorrectionReceived, "2026-12-03");
        var history = new[] { E(CorrectionRequested, "2026-11-20", until: "2026-12-04") };
        Assert.Contains("以后才发生", Assert.Throws<ValidationFailure>(() => ClockRules.Check(Shipped, InPerson("2026-11-16"), history, step, D("2026-12-02"))).Message);
        ClockRules.Check(Shipped, InPerson("2026-11-16"), history, step, D("2026-12-03"));
    }

    [Fact]
    public void A_lapse_closed_inside_the_correction_period_is_refused_with_the_period()
    {
        var message = Assert.Throws<ValidationFailure>(() => ClockRules.Check(Shipped, InPerson("2026-11-16"),
            [E(CorrectionRequested, "2026-11-20", until: "2026-12-04")], E(Closed, "2026-12-03"), D("2026-12-07"))).Message;
        Assert.Contains("补正期限至2026年12月4日", message);
        Assert.Contains("2026年12月5日起", message);
        var lapsed = ClockRules.Check(Shipped, InPerson("2026-11-16"), [E(CorrectionRequested, "2026-11-20", until: "2026-12-04")], E(Closed, "2026-12-05"), D("2026-12-07"));
        Assert.Equal(Gongkai.Requests.RequestOutcome.OtherNoCorrection, lapsed.LapsedAs);
    }

    [Fact]
    public void A_lapse_closed_inside_the_payment_period_is_refused_with_the_period()
    {
        var payBy = Shipped.AddWorkingDays(D("2026-04-10"), 20);
        var message = Assert.Throws<ValidationFailure>(() => ClockRules.Check(Shipped, InPerson("2026-04-01"),
            [E(FeeNoticeIssued, "2026-04-10")], new ClockEntry(Closed, payBy), payBy.AddDays(10))).Message;
        Assert.Contains($"应于{ChineseDates.Long(payBy)}前缴纳", message);
        Assert.Contains("其他处理第2项", message);
        var lapsed = ClockRules.Check(Shipped, InPerson("2026-04-01"), [E(FeeNoticeIssued, "2026-04-10")], new ClockEntry(Closed, payBy.AddDays(1)), payBy.AddDays(10));
        Assert.Equal(Gongkai.Requests.RequestOutcome.OtherFeeUnpaid, lapsed.LapsedAs);
    }
}
