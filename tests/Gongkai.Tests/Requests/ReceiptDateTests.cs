using Gongkai.Platform;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>Art. 31: which day counts as receipt, per channel.</summary>
public class ReceiptDateTests
{
    [Theory]
    [InlineData(RequestChannel.InPerson, "2026-10-09", null, null, "2026-10-09", "当面提交")]
    [InlineData(RequestChannel.Oral, "2026-10-09", null, null, "2026-10-09", "口头提出")]
    [InlineData(RequestChannel.RegisteredMail, "2026-09-29", "2026-10-09", null, "2026-10-09", "签收")]
    [InlineData(RequestChannel.OrdinaryLetter, "2026-10-09", null, "2026-10-09", "2026-10-09", "确认")]
    [InlineData(RequestChannel.OrdinaryLetter, "2026-10-08", null, "2026-10-09", "2026-10-09", "未能当日确认")]
    [InlineData(RequestChannel.Fax, "2026-10-08", null, "2026-10-09", "2026-10-09", "双方确认")]
    [InlineData(RequestChannel.Online, "2026-10-09", null, null, "2026-10-09", "在线提交")]
    public void Each_channel_has_its_receipt_day(RequestChannel channel, string submitted, string? signed, string? confirmed, string expected, string words)
    {
        var receipt = ReceiptDate.Determine(channel, D(submitted), signed is null ? null : D(signed), confirmed is null ? null : D(confirmed));
        Assert.Equal(D(expected), receipt.ReceivedOn);
        Assert.Contains(words, receipt.Explanation);
        Assert.Contains("第三十一条", receipt.Explanation);
    }

    [Fact]
    public void Signed_post_without_the_signing_day_is_refused()
    {
        var e = Assert.Throws<ValidationFailure>(() => ReceiptDate.Determine(RequestChannel.RegisteredMail, D("2026-10-09")));
        Assert.Contains("签收日期", e.Message);
    }

    [Theory]
    [InlineData(RequestChannel.OrdinaryLetter)]
    [InlineData(RequestChannel.Fax)]
    public void Letters_and_faxes_need_the_confirmation_day(RequestChannel channel)
    {
        var e = Assert.Throws<ValidationFailure>(() => ReceiptDate.Determine(channel, D("2026-10-09")));
        Assert.Contains("确认", e.Message);
    }

    [Fact]
    public void A_confirmation_before_arrival_is_refused()
    {
        var e = Assert.Throws<ValidationFailure>(() => ReceiptDate.Determine(RequestChannel.Fax, D("2026-10-09"), confirmedOn: D("2026-10-08")));
        Assert.Contains("不能早于", e.Message);
    }

    [Fact]
    public void The_signing_day_starts_the_clock_not_the_posting_day()
    {
        var state = ReplyDeadline.Compute(Shipped, ReceiptDate.Determine(RequestChannel.RegisteredMail, D("2026-02-03"), D("2026-02-10")), [], D("2026-02-10"));
        Assert.Equal(D("2026-03-16"), state.DueOn);
    }
}
