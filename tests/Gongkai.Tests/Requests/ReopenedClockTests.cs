using Gongkai.Platform;
using Gongkai.Requests.Clock;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>A 纠正 result reopens a closed request: a new reply period, the history kept, only a new reply allowed.</summary>
public sealed class ReopenedClockTests
{
    private static readonly ClockEntry Closed = E(ClockEventKind.Closed, "2026-03-02");

    [Fact]
    public void Reopening_without_a_set_date_gives_twenty_working_days_from_the_decision()
    {
        var state = Compute(InPerson("2026-02-10"), "2026-06-01", Closed, E(ClockEventKind.Reopened, "2026-06-01", party: "北京市西城区人民政府行政复议"));
        Assert.Equal(ClockPhase.Running, state.Phase);
        Assert.Equal(Shipped.AddWorkingDays(D("2026-06-01"), 20), state.DueOn);
        Assert.Contains(state.Explanation, l => l.Contains("北京市西城区人民政府行政复议纠正原处理结果", StringComparison.Ordinal));
        Assert.Contains(state.Explanation, l => l.Contains("2026年3月2日办结", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-12-07", null)]
    [InlineData("2026-12-07", "2026-12-18")]
    public void Reopening_in_December_gives_a_provisional_new_date_and_the_request_stays_open_until_replied_again(string reopened, string? replied)
    {
        var events = new List<ClockEntry> { E(ClockEventKind.Closed, "2026-11-20"), E(ClockEventKind.Reopened, reopened) };
        if (replied is not null)
        {
            events.Add(E(ClockEventKind.Closed, replied));
        }

        var state = Compute(InPerson("2026-11-02"), "2026-12-18", [.. events]);
        // 12-07 + 20: 12-08..12-31 (18), 2027-01-01 元旦 off, 01-04, 01-05.
        Assert.Equal(D("2027-01-05"), state.DueOn);
        Assert.True(state.DueProvisional);
        Assert.Equal("截止日期待2027年节假日安排发布后计算", state.DuePendingReason);
        Assert.Equal(replied is null ? ClockPhase.Running : ClockPhase.Closed, state.Phase);
        Assert.StartsWith("以上答复期限2027年1月5日为暂定", state.Explanation[^1]);
        if (replied is not null)
        {
            Assert.Equal("2026年12月18日重新答复，在期限内。", state.Explanation[^2]);
        }
    }

    [Fact]
    public void Reopening_across_the_dragon_boat_holiday_skips_it()
    {
        // 2026 端午节: 6月19日 (Friday) off.
        var state = Compute(InPerson("2026-02-10"), "2026-06-01", Closed, E(ClockEventKind.Reopened, "2026-06-01"));
        Assert.Equal(D("2026-06-30"), state.DueOn);
    }

    [Fact]
    public void The_deadline_set_by_the_decision_wins()
    {
        var state = Compute(InPerson("2026-02-10"), "2026-06-01", Closed, E(ClockEventKind.Reopened, "2026-06-01", until: "2026-06-10"));
        Assert.Equal(D("2026-06-10"), state.DueOn);
        Assert.Contains(state.Explanation, l => l.Contains("按决定应于2026年6月10日前重新答复", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-06-05", Timeliness.OnTime)]
    [InlineData("2026-06-12", Timeliness.Overdue)]
    public void The_new_reply_closes_it_on_time_or_late(string repliedOn, Timeliness timeliness)
    {
        var state = Compute(InPerson("2026-02-10"), "2026-06-15", Closed, E(ClockEventKind.Reopened, "2026-06-01", until: "2026-06-10"), E(ClockEventKind.Closed, repliedOn));
        Assert.Equal(ClockPhase.Closed, state.Phase);
        Assert.Equal(timeliness, state.Timeliness);
    }

    [Fact]
    public void Overdue_while_reopened_shows_as_overdue()
    {
        var state = Compute(InPerson("2026-02-10"), "2026-06-12", Closed, E(ClockEventKind.Reopened, "2026-06-01", until: "2026-06-10"));
        Assert.Equal(Timeliness.Overdue, state.Timeliness);
    }

    [Fact]
    public void A_second_correction_reopens_again_from_its_own_date()
    {
        var state = Compute(InPerson("2026-02-10"), "2026-09-01", Closed, E(ClockEventKind.Reopened, "2026-06-01"), E(ClockEventKind.Closed, "2026-06-05"),
            E(ClockEventKind.Reopened, "2026-09-01", until: "2026-09-15"));
        Assert.Equal(ClockPhase.Running, state.Phase);
        Assert.Equal(D("2026-09-15"), state.DueOn);
    }

    [Fact]
    public void Staff_cannot_record_a_reopening_as_a_clock_step()
    {
        var error = Assert.Throws<ValidationFailure>(() => ClockRules.Check(Shipped, InPerson("2026-02-10"), [Closed], E(ClockEventKind.Reopened, "2026-06-01"), D("2026-06-01")));
        Assert.Contains("办结", error.Message);
    }

    [Theory]
    [InlineData(ClockEventKind.ExtensionApproved)]
    [InlineData(ClockEventKind.FeeNoticeIssued)]
    [InlineData(ClockEventKind.Reopened)]
    public void While_reopened_only_a_new_reply_may_be_recorded(ClockEventKind kind)
    {
        var error = Assert.Throws<ValidationFailure>(() => ClockRules.Check(Shipped, InPerson("2026-02-10"), [Closed, E(ClockEventKind.Reopened, "2026-06-01")],
            E(kind, "2026-06-02", days: 5, approvedBy: "王主任"), D("2026-06-02")));
        Assert.Equal("Kind", error.Field);
    }

    [Fact]
    public void While_reopened_the_new_reply_is_allowed() =>
        ClockRules.Check(Shipped, InPerson("2026-02-10"), [Closed, E(ClockEventKind.Reopened, "2026-06-01")], E(ClockEventKind.Closed, "2026-06-02"), D("2026-06-02"));
}
