using Gongkai.Platform.Calendar;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using static Gongkai.Requests.Clock.ClockEventKind;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>The reply clock from recorded events (Art. 30–35), across holidays and make-up working days.</summary>
public class ReplyDeadlineTests
{
    [Theory]
    [InlineData("2024-09-27", "2024-10-30")] // 国庆节 2024 with make-up Saturdays 09-29 and 10-12
    [InlineData("2025-01-20", "2025-02-21")] // 春节 2025, make-up 01-26 and 02-08
    [InlineData("2026-02-10", "2026-03-16")] // 春节 2026, nine days off, make-up 02-14 and 02-28
    [InlineData("2020-01-20", "2020-02-25")] // 春节 2020 extended to 02-02
    [InlineData("2026-02-13", "2026-03-19")] // the first counted day is the make-up Saturday 02-14
    [InlineData("2026-10-09", "2026-11-05")] // 国庆节 2026, make-up Saturday 10-10
    [InlineData("2026-03-02", "2026-03-30")] // an ordinary month
    public void Twenty_working_days_after_receipt(string received, string due)
    {
        var state = Compute(InPerson(received), received);
        Assert.Equal(D(due), state.DueOn);
        Assert.Equal(ClockPhase.Running, state.Phase);
        Assert.Equal(20, state.WorkingDaysLeft);
    }

    [Fact]
    public void The_explanation_names_receipt_start_holidays_make_up_days_and_the_due_date()
    {
        var receipt = ReceiptDate.Determine(RequestChannel.Online, D("2026-10-09"));
        var lines = Compute(receipt, "2026-10-09").Explanation;
        Assert.StartsWith("2026年10月9日在线提交申请", lines[0]);
        Assert.Contains(lines, l => l.Contains("次一工作日起算") && l.Contains("20个工作日"));
        Assert.Contains(lines, l => l.Contains("2026年10月10日") && l.Contains("调休上班"));
        Assert.Equal("答复期限届满日为2026年11月5日（星期四）。", lines[^1]);

        var spring = Compute(InPerson("2026-02-10"), "2026-02-10").Explanation;
        Assert.Contains(spring, l => l.Contains("春节假期2026年2月15日至2月23日"));
        Assert.Contains(spring, l => l.Contains("2026年2月14日") && l.Contains("调休上班"));
        Assert.Contains(spring, l => l.Contains("2026年2月28日") && l.Contains("调休上班"));
    }

    [Fact]
    public void The_correction_notice_deadline_is_seven_working_days_after_receipt()
    {
        Assert.Equal(D("2026-02-26"), Compute(InPerson("2026-02-10"), "2026-02-10").CorrectionNoticeLatest);
    }

    [Fact]
    public void While_waiting_for_a_correction_there_is_no_due_date()
    {
        var state = Compute(InPerson("2026-02-10"), "2026-03-02", E(CorrectionRequested, "2026-02-12", until: "2026-03-06"));
        Assert.Equal(ClockPhase.AwaitingCorrection, state.Phase);
        Assert.Null(state.DueOn);
        Assert.Contains(state.Explanation, l => l.Contains("第2个工作日") && l.Contains("补正期限至2026年3月6日"));
    }

    [Fact]
    public void The_clock_restarts_from_zero_when_the_correction_arrives()
    {
        var state = Compute(InPerson("2026-02-10"), "2026-03-02",
            E(CorrectionRequested, "2026-02-12", until: "2026-03-06"),
            E(CorrectionReceived, "2026-03-02"));
        Assert.Equal(D("2026-03-30"), state.DueOn);
        Assert.Equal(ClockPhase.Running, state.Phase);
        Assert.Contains(state.Explanation, l => l.Contains("2026年3月2日收到补正") && l.Contains("重新计算"));
    }

    [Fact]
    public void Time_consumed_before_the_correction_is_not_carried_over_even_with_a_pause_before_it()
    {
        var state = Compute(InPerson("2026-03-02"), "2026-03-16",
            E(CorrectionRequested, "2026-03-03", until: "2026-03-20"),
            E(CorrectionReceived, "2026-03-16"));
        Assert.Equal(D("2026-04-14"), state.DueOn);
    }

    [Fact]
    public void No_correction_within_the_period_means_the_request_is_abandoned_as_other_handling_1()
    {
        var state = Compute(InPerson("2026-02-10"), "2026-03-09", E(CorrectionRequested, "2026-02-12", until: "2026-03-06"));
        Assert.Equal(ClockPhase.Lapsed, state.Phase);
        Assert.Equal(RequestOutcome.OtherNoCorrection, state.LapsedAs);
        Assert.Null(state.DueOn);
        Assert.Contains(state.Explanation, l => l.Contains("视为放弃申请") && l.Contains("其他处理"));

        var lastDay = Compute(InPerson("2026-02-10"), "2026-03-06", E(CorrectionRequested, "2026-02-12", until: "2026-03-06"));
        Assert.Equal(ClockPhase.AwaitingCorrection, lastDay.Phase);
    }

    [Fact]
    public void A_third_party_consultation_pauses_the_clock_for_the_days_it_took()
    {
        var state = Compute(InPerson("2026-03-02"), "2026-03-16",
            E(ThirdPartyConsulted, "2026-03-09", party: "某公司"),
            E(ConsultationAnswered, "2026-03-16", party: "某公司"));
        Assert.Equal(D("2026-04-07"), state.DueOn); // 20 + 5 paused, skipping 清明节 04-04~04-06
        Assert.Equal(ClockPhase.Running, state.Phase);
        Assert.Contains(state.Explanation, l => l.Contains("第三方某公司") && l.Contains("5个工作日不计入"));
        Assert.Contains(state.Explanation, l => l.Contains("20个工作日加上暂停计算的5个工作日"));
    }

    [Fact]
    public void An_open_consultation_keeps_the_clock_paused_up_to_today()
    {
        var state = Compute(InPerson("2026-03-02"), "2026-03-12", E(ThirdPartyConsulted, "2026-03-09", party: "某公司"));
        Assert.Equal(ClockPhase.Consultation, state.Phase);
        Assert.Equal(D("2026-04-02"), state.DueOn);
    }

    [Fact]
    public void A_silent_third_party_pauses_at_most_fifteen_working_days()
    {
        var state = Compute(InPerson("2026-03-02"), "2026-04-20", E(ThirdPartyConsulted, "2026-03-09", party: "某公司"));
        Assert.Equal(D("2026-04-21"), state.DueOn);
        Assert.Equal(ClockPhase.Running, state.Phase);
        Assert.Equal(Timeliness.DueSoon, state.Timeliness);
        Assert.Contains(state.Explanation, l => l.Contains("逾期未提出意见") && l.Contains("第三十二条"));
    }

    [Fact]
    public void A_silent_co_producing_organ_is_taken_to_consent()
    {
        var state = Compute(InPerson("2026-03-02"), "2026-04-20", E(OrganConsulted, "2026-03-09", party: "区财政局"));
        Assert.Equal(D("2026-04-21"), state.DueOn);
        Assert.Contains(state.Explanation, l => l.Contains("视为同意公开") && l.Contains("第三十四条"));
    }

    [Fact]
    public void A_late_answer_still_pauses_only_fifteen_working_days()
    {
        var state = Compute(InPerson("2026-03-02"), "2026-04-22",
            E(ThirdPartyConsulted, "2026-03-09", party: "某公司"),
            E(ConsultationAnswered, "2026-04-22", party: "某公司"));
        Assert.Equal(D("2026-04-21"), state.DueOn);
        Assert.Equal(Timeliness.Overdue, state.Timeliness);
    }

    [Fact]
    public void Overlapping_consultations_pause_once()
    {
        var state = Compute(InPerson("2026-03-02"), "2026-03-18",
            E(ThirdPartyConsulted, "2026-03-09", party: "某公司"),
            E(OrganConsulted, "2026-03-11", party: "区财政局"),
            E(ConsultationAnswered, "2026-03-16", party: "某公司"),
            E(ConsultationAnswered, "2026-03-18", party: "区财政局"));
        Assert.Equal(D("2026-04-09"), state.DueOn); // paused (03-09, 03-18] = 7 working days
    }

    [Theory]
    [InlineData(20, "2026-04-14")]
    [InlineData(10, "2026-03-30")]
    [InlineData(1, "2026-03-17")]
    public void An_approved_extension_adds_its_working_days(int days, string due)
    {
        var state = Compute(InPerson("2026-02-10"), "2026-03-10", E(ExtensionApproved, "2026-03-10", days: days, approvedBy: "王主任"));
        Assert.Equal(D(due), state.DueOn);
        Assert.Contains(state.Explanation, l => l.Contains("王主任") && l.Contains($"延长答复期限{days}个工作日"));
    }

    [Fact]
    public void The_2020_spring_festival_extension_with_an_extension()
    {
        var state = Compute(InPerson("2020-01-20"), "2020-02-20", E(ExtensionApproved, "2020-02-20", days: 20, approvedBy: "王主任"));
        Assert.Equal(D("2020-03-24"), state.DueOn);
    }

    [Fact]
    public void A_fee_notice_pauses_the_clock_until_payment()
    {
        var state = Compute(InPerson("2026-03-02"), "2026-03-13",
            E(FeeNoticeIssued, "2026-03-09"),
            E(FeePaid, "2026-03-13"));
        Assert.Equal(D("2026-04-03"), state.DueOn);
        Assert.Contains(state.Explanation, l => l.Contains("缴纳信息处理费") && l.Contains("4个工作日不计入"));
    }

    [Fact]
    public void An_unpaid_fee_pauses_and_then_lapses_as_other_handling_2_after_twenty_working_days()
    {
        var waiting = Compute(InPerson("2026-03-02"), "2026-04-07", E(FeeNoticeIssued, "2026-03-09"));
        Assert.Equal(ClockPhase.AwaitingFee, waiting.Phase);
        Assert.Null(waiting.LapsedAs);

        var lapsed = Compute(InPerson("2026-03-02"), "2026-04-08", E(FeeNoticeIssued, "2026-03-09"));
        Assert.Equal(ClockPhase.Lapsed, lapsed.Phase);
        Assert.Equal(RequestOutcome.OtherFeeUnpaid, lapsed.LapsedAs);
        Assert.Contains(lapsed.Explanation, l => l.Contains("2026年4月7日") && l.Contains("视为放弃申请"));
    }

    [Fact]
    public void An_article_35_delayed_deadline_replaces_the_computed_one()
    {
        var state = Compute(InPerson("2026-03-02"), "2026-03-20",
            E(DelayedDeadlineSet, "2026-03-20", until: "2026-05-29", party: "一个月内申请120件"));
        Assert.Equal(D("2026-05-29"), state.DueOn);
        Assert.Contains(state.Explanation, l => l.Contains("第三十五条") && l.Contains("2026年5月29日"));
    }

    [Theory]
    [InlineData("2026-03-10", Timeliness.OnTime, 4)]
    [InlineData("2026-03-11", Timeliness.DueSoon, 3)]
    [InlineData("2026-03-16", Timeliness.DueSoon, 0)]
    [InlineData("2026-03-17", Timeliness.Overdue, -1)]
    [InlineData("2026-03-21", Timeliness.Overdue, -4)]
    public void Timeliness_is_derived_from_the_due_date(string today, Timeliness expected, int left)
    {
        var state = Compute(InPerson("2026-02-10"), today);
        Assert.Equal(expected, state.Timeliness);
        Assert.Equal(left, state.WorkingDaysLeft);
    }

    [Theory]
    [InlineData("2026-03-16", Timeliness.OnTime)]
    [InlineData("2026-03-17", Timeliness.Overdue)]
    public void A_closed_request_keeps_whether_it_was_closed_in_time(string closedOn, Timeliness expected)
    {
        var state = Compute(InPerson("2026-02-10"), "2026-06-01", E(Closed, closedOn));
        Assert.Equal(ClockPhase.Closed, state.Phase);
        Assert.Equal(expected, state.Timeliness);
    }

    [Fact]
    public void A_receipt_before_the_loaded_calendar_leaves_the_due_date_pending_not_guessed()
    {
        var state = Compute(InPerson("2015-12-30"), "2026-06-01");
        Assert.Null(state.DueOn);
        Assert.StartsWith("收到申请之日不在已载入的节假日安排范围内", state.DuePendingReason);
    }

    [Theory]
    [InlineData("2026-12-15", "2026-12-15", "2027-01-13")]
    [InlineData("2027-03-01", "2026-06-01", "2027-03-29")]
    public void A_deadline_past_the_last_loaded_year_is_provisional_and_still_pending(string received, string today, string provisional)
    {
        var state = Compute(InPerson(received), today);
        Assert.Equal(D(provisional), state.DueOn);
        Assert.True(state.DueProvisional);
        Assert.Equal("截止日期待2027年节假日安排发布后计算", state.DuePendingReason);
    }
}
