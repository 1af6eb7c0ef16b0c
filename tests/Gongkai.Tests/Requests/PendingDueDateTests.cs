using Gongkai.Platform.Calendar;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using static Gongkai.Requests.Clock.ClockEventKind;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>
/// The calendar stops at the last loaded year (2026 here): a request whose due date falls after it is still filed, with a
/// provisional (暂定) due date from weekends and the statutory holidays, the reason, still pending, and computed finally as
/// soon as the next year is loaded.
/// </summary>
public sealed class PendingDueDateTests
{
    /// <summary>The shipped years plus a 2027 with only weekends (stands for the schedule an administrator loads).</summary>
    private static readonly WorkingDayCalendar With2027 = WorkingDayCalendar.Create(
        ShippedSchedules.All.Select(s => s.Year).Append(2027),
        ShippedSchedules.All.SelectMany(s => s.Days).Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil)));

    [Theory]
    [InlineData("2026-12-02", "2026-12-30")]
    [InlineData("2026-12-03", "2026-12-31")]
    public void A_due_date_inside_the_calendar_is_computed(string received, string due)
    {
        var state = Compute(InPerson(received), received);
        Assert.Equal(D(due), state.DueOn);
        Assert.False(state.DuePending);
    }

    [Theory]
    [InlineData("2026-12-04")]
    [InlineData("2026-12-21")]
    [InlineData("2026-12-31")]
    public void A_due_date_past_the_calendar_is_provisional_and_pending_with_the_reason(string received)
    {
        var state = Compute(InPerson(received), received);
        Assert.Equal(Shipped.WithProvisionalYears().AddWorkingDays(D(received), 20), state.DueOn);
        Assert.True(state.DueOn > Shipped.LastDate);
        Assert.True(state.DuePending);
        Assert.True(state.DueProvisional);
        Assert.Equal("截止日期待2027年节假日安排发布后计算", state.DuePendingReason);
        Assert.Equal("2027年节假日安排尚未发布，按周末和法定节假日推算，发布后重新计算", state.ProvisionalReason);
        Assert.Equal(ClockPhase.Running, state.Phase);
        Assert.Contains("暂定：2027年节假日安排尚未发布，按周末和法定节假日推算，发布后重新计算", state.Explanation[^1]);
        Assert.Contains(state.Explanation, l => l.Contains("当面提交申请", StringComparison.Ordinal));
        Assert.EndsWith("（暂定）", RequestClock.DueText(state));
    }

    [Fact]
    public void The_provisional_date_skips_new_year_and_the_spring_festival_of_2027()
    {
        // 2026-12-21 + 20: 12-22..12-31 (8), 2027-01-01 元旦 off, 01-04..01-15 (18), 01-18, 01-19 (20th). 2027 春节: 除夕 02-05 – 初三 02-08.
        Assert.Equal(D("2027-01-19"), Compute(InPerson("2026-12-21"), "2026-12-21").DueOn);
        var extended = Compute(InPerson("2026-12-21"), "2026-12-28", E(ExtensionApproved, "2026-12-28", days: 20, approvedBy: "王主任"));
        // 01-19 + 20: 01-20..02-04 (12), 02-05 and 02-08 off (春节; 初一 and 初二 a weekend), 02-09..02-18 (20).
        Assert.Equal(D("2027-02-18"), extended.DueOn);
        Assert.True(extended.DueProvisional);
    }

    [Fact]
    public void Loading_the_next_year_computes_the_pending_date()
    {
        var state = ReplyDeadline.Compute(With2027, InPerson("2026-12-21"), [], D("2026-12-21"));
        Assert.False(state.DuePending);
        Assert.Equal(D("2027-01-18"), state.DueOn);
    }

    [Fact]
    public void An_extension_past_the_calendar_makes_the_date_pending_and_the_next_year_resolves_it()
    {
        var events = new[] { E(ExtensionApproved, "2026-11-30", days: 20, approvedBy: "王主任") };
        var pending = Compute(InPerson("2026-11-23"), "2026-11-30", events);
        Assert.True(pending.DuePending);
        Assert.Equal(D("2027-01-19"), pending.DueOn); // 元旦 counted off: one day later than on the loaded 2027 below
        Assert.True(pending.DueProvisional);
        Assert.Equal(D("2026-12-02"), pending.CorrectionNoticeLatest);

        var computed = ReplyDeadline.Compute(With2027, InPerson("2026-11-23"), events, D("2026-11-30"));
        Assert.Equal(D("2027-01-18"), computed.DueOn);
    }

    [Fact]
    public void A_day_past_the_calendar_itself_leaves_the_date_pending_not_an_error()
    {
        var state = Compute(InPerson("2026-12-28"), "2027-01-04");
        Assert.True(state.DuePending);
        Assert.True(state.DueProvisional);
        Assert.Equal(D("2027-01-07"), state.CorrectionNoticeLatest);
        Assert.Equal(Timeliness.OnTime, state.Timeliness);
    }

    [Fact]
    public void A_pending_request_can_still_be_closed()
    {
        var state = Compute(InPerson("2026-12-21"), "2026-12-30", E(Closed, "2026-12-30"));
        Assert.Equal(ClockPhase.Closed, state.Phase);
        Assert.Equal(Timeliness.OnTime, state.Timeliness);

        // The explanation ends with the close against the provisional deadline.
        Assert.Equal("2026年12月30日办结，在答复期限内。", state.Explanation[^2]);
        Assert.StartsWith("以上答复期限2027年1月19日为暂定", state.Explanation[^1]);
    }

    [Fact]
    public void A_fee_notice_or_a_consultation_in_December_pauses_the_clock_though_their_periods_end_next_year()
    {
        var fee = Compute(InPerson("2026-12-03"), "2026-12-14", E(FeeNoticeIssued, "2026-12-10"));
        Assert.Equal(ClockPhase.AwaitingFee, fee.Phase);
        Assert.True(fee.DuePending);
        Assert.Contains(fee.Explanation, l => l.Contains("申请人应于2027年1月8日前缴纳", StringComparison.Ordinal));

        var consulted = Compute(InPerson("2026-12-03"), "2026-12-15", E(ThirdPartyConsulted, "2026-12-14", party: "某公司"));
        Assert.Equal(ClockPhase.Consultation, consulted.Phase);
        Assert.Contains(consulted.Explanation, l => l.Contains("意见期限15个工作日，至2027年1月5日", StringComparison.Ordinal));

        // Paid (or answered) in December: the pause ends, and the date is computed when it can be.
        var paid = ReplyDeadline.Compute(With2027, InPerson("2026-12-03"), [E(FeeNoticeIssued, "2026-12-10"), E(FeePaid, "2026-12-14")], D("2026-12-14"));
        Assert.Equal(ClockPhase.Running, paid.Phase);
        Assert.Equal(With2027.AddWorkingDays(D("2026-12-03"), 20 + 2), paid.DueOn);
    }

    [Fact]
    public void The_correction_notice_rule_works_near_the_end_of_the_calendar()
    {
        var receipt = InPerson("2026-12-21");
        ClockRules.Check(Shipped, receipt, [], E(CorrectionRequested, "2026-12-30", until: "2027-01-15"), D("2026-12-30"));
        var refused = Assert.Throws<Gongkai.Platform.ValidationFailure>(() =>
            ClockRules.Check(Shipped, receipt, [], E(CorrectionRequested, "2026-12-31", until: "2027-01-15"), D("2026-12-31")));
        Assert.Contains("第8个工作日", refused.Message);
    }

    public static TheoryData<string, string, ClockEntry[]> Cases => new()
    {
        { "2026-02-10", "2026-03-01", [] },
        { "2026-02-10", "2026-03-20", [] },
        { "2026-03-02", "2026-04-20", [E(ExtensionApproved, "2026-03-20", days: 10, approvedBy: "王主任")] },
        { "2026-03-02", "2026-03-20", [E(ThirdPartyConsulted, "2026-03-05", party: "某公司")] },
        { "2026-03-02", "2026-04-20", [E(FeeNoticeIssued, "2026-03-05")] },
        { "2026-03-02", "2026-03-06", [E(CorrectionRequested, "2026-03-04", until: "2026-03-20")] },
        { "2026-12-21", "2026-12-22", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_fast_sweep_computation_gives_the_same_date_and_timeliness(string received, string today, ClockEntry[] events)
    {
        var full = Compute(InPerson(received), today, events);
        var fast = ReplyDeadline.Compute(Shipped, InPerson(received), events, D(today), explain: false);
        Assert.Equal(full with { Explanation = [] }, fast with { Explanation = [] });
        Assert.Empty(fast.Explanation);
        Assert.NotEmpty(full.Explanation);
    }
}
