using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Requests.Clock;
using static Gongkai.Requests.Clock.ClockEventKind;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>What may be recorded on the clock; a refusal says why in Chinese and changes nothing.</summary>
public class ClockRulesTests
{
    private static void Allowed(string received, string today, ClockEntry next, params ClockEntry[] existing) =>
        ClockRules.Check(Shipped, InPerson(received), existing, next, D(today));

    private static string Refused(string received, string today, ClockEntry next, params ClockEntry[] existing) =>
        Assert.Throws<ValidationFailure>(() => ClockRules.Check(Shipped, InPerson(received), existing, next, D(today))).Message;

    [Fact]
    public void A_correction_notice_on_working_day_7_is_allowed_and_on_day_8_refused()
    {
        Allowed("2026-02-10", "2026-02-26", E(CorrectionRequested, "2026-02-26", until: "2026-03-12"));
        var message = Refused("2026-02-10", "2026-02-27", E(CorrectionRequested, "2026-02-27", until: "2026-03-12"));
        Assert.Contains("7个工作日内", message);
        Assert.Contains("最晚2026年2月26日", message);
        Assert.Contains("第8个工作日", message);
    }

    [Fact]
    public void Across_national_day_the_seventh_working_day_counts_the_make_up_saturday()
    {
        // 2026-09-30 receipt: 10-01~10-07 off, 10-08 (1), 10-09 (2), Saturday 10-10 make-up (3), 10-12..10-15 (4–7).
        Allowed("2026-09-30", "2026-10-15", E(CorrectionRequested, "2026-10-15", until: "2026-10-30"));
        Assert.Contains("第8个工作日", Refused("2026-09-30", "2026-10-16", E(CorrectionRequested, "2026-10-16", until: "2026-10-30")));
    }

    [Fact]
    public void Only_one_correction_notice()
    {
        var message = Refused("2026-02-10", "2026-03-02", E(CorrectionRequested, "2026-03-02", until: "2026-03-10"),
            E(CorrectionRequested, "2026-02-12", until: "2026-03-06"), E(CorrectionReceived, "2026-02-27"));
        Assert.Contains("只能发出一次", message);
    }

    [Fact]
    public void A_correction_notice_needs_a_period_after_the_notice()
    {
        Assert.Contains("补正期限", Refused("2026-02-10", "2026-02-12", E(CorrectionRequested, "2026-02-12")));
        Assert.Contains("晚于", Refused("2026-02-10", "2026-02-12", E(CorrectionRequested, "2026-02-12", until: "2026-02-12")));
    }

    [Fact]
    public void A_correction_after_the_period_is_refused()
    {
        var message = Refused("2026-02-10", "2026-03-09", E(CorrectionReceived, "2026-03-09"), E(CorrectionRequested, "2026-02-12", until: "2026-03-06"));
        Assert.Contains("视为放弃申请", message);
    }

    [Fact]
    public void A_correction_without_a_notice_is_refused() =>
        Assert.Contains("尚未发出补正通知", Refused("2026-02-10", "2026-02-12", E(CorrectionReceived, "2026-02-12")));

    [Fact]
    public void While_waiting_for_the_correction_only_the_correction_or_closure_may_be_recorded()
    {
        var notice = E(CorrectionRequested, "2026-02-12", until: "2026-03-06");
        Assert.Contains("等待申请人补正", Refused("2026-02-10", "2026-02-13", E(ThirdPartyConsulted, "2026-02-13", party: "某公司"), notice));
        Allowed("2026-02-10", "2026-02-13", E(CorrectionReceived, "2026-02-13"), notice);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(1)]
    public void An_extension_up_to_twenty_working_days_with_the_approver_is_allowed(int days) =>
        Allowed("2026-02-10", "2026-03-10", E(ExtensionApproved, "2026-03-10", days: days, approvedBy: "王主任"));

    [Theory]
    [InlineData(21)]
    [InlineData(0)]
    [InlineData(-3)]
    public void An_extension_outside_one_to_twenty_is_refused(int days) =>
        Assert.Contains("最长不得超过20个工作日", Refused("2026-02-10", "2026-03-10", E(ExtensionApproved, "2026-03-10", days: days, approvedBy: "王主任")));

    [Fact]
    public void An_extension_without_approval_is_refused() =>
        Assert.Contains("负责人同意", Refused("2026-02-10", "2026-03-10", E(ExtensionApproved, "2026-03-10", days: 10)));

    [Fact]
    public void Only_one_extension() =>
        Assert.Contains("只能延长一次", Refused("2026-02-10", "2026-03-12", E(ExtensionApproved, "2026-03-12", days: 5, approvedBy: "王主任"),
            E(ExtensionApproved, "2026-03-10", days: 5, approvedBy: "王主任")));

    [Fact]
    public void No_extension_after_the_deadline_has_passed() =>
        Assert.Contains("已于2026年3月16日届满", Refused("2026-02-10", "2026-03-17", E(ExtensionApproved, "2026-03-17", days: 10, approvedBy: "王主任")));

    [Fact]
    public void Dates_before_receipt_in_the_future_or_out_of_order_are_refused()
    {
        Assert.Contains("不能早于收到申请之日", Refused("2026-02-10", "2026-02-20", E(ThirdPartyConsulted, "2026-02-09", party: "某公司")));
        Assert.Contains("以后", Refused("2026-02-10", "2026-02-20", E(ThirdPartyConsulted, "2026-02-24", party: "某公司")));
        Assert.Contains("发生顺序", Refused("2026-02-10", "2026-03-02", E(FeeNoticeIssued, "2026-02-25"), E(ThirdPartyConsulted, "2026-02-26", party: "某公司")));
    }

    [Fact]
    public void An_answer_needs_an_open_consultation_with_that_party()
    {
        Assert.Contains("没有尚未答复", Refused("2026-02-10", "2026-02-20", E(ConsultationAnswered, "2026-02-20")));
        var asked = E(ThirdPartyConsulted, "2026-02-12", party: "某公司");
        Assert.Contains("乙公司", Refused("2026-02-10", "2026-02-20", E(ConsultationAnswered, "2026-02-20", party: "乙公司"), asked));
        Allowed("2026-02-10", "2026-02-20", E(ConsultationAnswered, "2026-02-20", party: "某公司"), asked);
        Assert.Contains("已经收到其意见", Refused("2026-02-10", "2026-02-25", E(ConsultationAnswered, "2026-02-25", party: "某公司"),
            asked, E(ConsultationAnswered, "2026-02-20", party: "某公司")));
    }

    [Fact]
    public void A_consultation_needs_the_party() =>
        Assert.Contains("第三方", Refused("2026-02-10", "2026-02-12", E(ThirdPartyConsulted, "2026-02-12")));

    [Fact]
    public void A_payment_after_twenty_working_days_is_refused_and_only_closure_remains()
    {
        var notice = E(FeeNoticeIssued, "2026-03-09");
        Allowed("2026-03-02", "2026-04-07", E(FeePaid, "2026-04-07"), notice);
        Assert.Contains("视为放弃申请", Refused("2026-03-02", "2026-04-08", E(FeePaid, "2026-04-08"), notice));
        Allowed("2026-03-02", "2026-04-08", E(Closed, "2026-04-08"), notice);
    }

    [Fact]
    public void An_article_35_delay_must_be_later_than_the_current_due_date_and_give_the_reason()
    {
        Assert.Contains("应晚于", Refused("2026-03-02", "2026-03-20", E(DelayedDeadlineSet, "2026-03-20", until: "2026-03-27", party: "大量申请")));
        Assert.Contains("第三十五条", Refused("2026-03-02", "2026-03-20", E(DelayedDeadlineSet, "2026-03-20", until: "2026-05-29")));
        Allowed("2026-03-02", "2026-03-20", E(DelayedDeadlineSet, "2026-03-20", until: "2026-05-29", party: "一个月内申请120件"));
    }

    [Fact]
    public void A_delay_past_the_loaded_calendar_is_refused() =>
        Assert.Throws<CalendarRangeException>(() => Allowed("2026-03-02", "2026-03-20", E(DelayedDeadlineSet, "2026-03-20", until: "2027-02-01", party: "大量申请")));

    [Fact]
    public void Nothing_more_after_closure() =>
        Assert.Contains("已办结", Refused("2026-03-02", "2026-03-20", E(FeeNoticeIssued, "2026-03-20"), E(Closed, "2026-03-10")));
}
