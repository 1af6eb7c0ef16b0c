using Gongkai.Platform;
using Gongkai.Requests;
using Gongkai.Requests.Handling;

namespace Gongkai.Tests.Requests;

/// <summary>What a proposed reply must state for its outcome (Art. 36–39, table 三).</summary>
public sealed class ReplyRulesTests
{
    private static string Refused(ReplyInput input) => Assert.Throws<ValidationFailure>(() => ReplyRules.Validate(input)).Message;

    [Fact]
    public void Disclosure_needs_no_ground()
    {
        var reply = ReplyRules.Validate(new ReplyInput { Outcome = RequestOutcome.Disclosed, Summary = "  以电子邮件提供  " });
        Assert.Equal("以电子邮件提供", reply.Summary);
        Assert.Null(reply.LegalGround);
    }

    public static TheoryData<RequestOutcome> EveryOtherOutcome => new(Enum.GetValues<RequestOutcome>()
        .Where(o => o is not (RequestOutcome.Disclosed or RequestOutcome.OtherNoCorrection or RequestOutcome.OtherFeeUnpaid)));

    [Theory]
    [MemberData(nameof(EveryOtherOutcome))]
    public void Every_other_outcome_is_refused_without_a_legal_ground(RequestOutcome outcome)
    {
        var message = Refused(new ReplyInput { Outcome = outcome, LegalGround = "  ", WithheldParts = outcome == RequestOutcome.PartlyDisclosed ? "第2页" : null });
        Assert.Contains("须写明法律依据和理由", message);
        Assert.Contains(ReplyRules.SuggestedGround(outcome), message);
    }

    [Theory]
    [InlineData(RequestOutcome.OtherNoCorrection)]
    [InlineData(RequestOutcome.OtherFeeUnpaid)]
    public void Lapses_are_never_proposed(RequestOutcome outcome) =>
        Assert.Contains("系统自动办结", Refused(new ReplyInput { Outcome = outcome, LegalGround = "条例第三十条" }));

    [Fact]
    public void Partial_disclosure_names_the_withheld_parts_and_only_it_does()
    {
        Assert.Contains("不予公开的部分", Refused(new ReplyInput { Outcome = RequestOutcome.PartlyDisclosed, LegalGround = "条例第三十七条" }));
        Assert.Contains("只有部分公开", Refused(new ReplyInput { Outcome = RequestOutcome.WithheldThirdParty, LegalGround = "条例第十五条", WithheldParts = "全部" }));
        var ok = ReplyRules.Validate(new ReplyInput { Outcome = RequestOutcome.PartlyDisclosed, LegalGround = "条例第三十七条", WithheldParts = "身份证号码" });
        Assert.Equal("身份证号码", ok.WithheldParts);
    }

    [Fact]
    public void Not_ours_names_the_responsible_organ_and_is_booked_as_not_held()
    {
        Assert.Contains("负责公开该信息的机关", Refused(new ReplyInput { Outcome = RequestOutcome.NotHeld, NotOurs = true, LegalGround = "第三十六条第五项" }));
        Assert.Contains("无法提供（本机关不掌握相关政府信息）", Refused(new ReplyInput { Outcome = RequestOutcome.WithheldByLaw, NotOurs = true, LegalGround = "x", ResponsibleOrgan = "市局" }));
        Assert.Contains("只有不属于本机关", Refused(new ReplyInput { Outcome = RequestOutcome.NotHeld, LegalGround = "x", ResponsibleOrgan = "市局" }));
        Assert.Equal("市局", ReplyRules.Validate(new ReplyInput { Outcome = RequestOutcome.NotHeld, NotOurs = true, LegalGround = "x", ResponsibleOrgan = "市局" }).ResponsibleOrgan);
    }

    [Fact]
    public void Only_a_disclosure_links_a_published_document_and_an_outcome_is_required()
    {
        Assert.Contains("关联已公开的信息", Refused(new ReplyInput { Outcome = RequestOutcome.NotHeld, LegalGround = "x", PublishedDocumentId = Guid.NewGuid() }));
        Assert.Contains("请选择办理结果", Refused(new ReplyInput()));
        Assert.Contains("请选择办理结果", Refused(new ReplyInput { Outcome = (RequestOutcome)999 }));
    }

    [Fact]
    public void Every_problem_of_a_reply_is_reported_at_once_with_its_field()
    {
        var failure = Assert.Throws<ValidationFailure>(() => ReplyRules.Validate(new ReplyInput
        {
            Outcome = RequestOutcome.PartlyDisclosed,
            LegalGround = " ",
            ResponsibleOrgan = "区财政局",
            Summary = new string('答', 4001),
        }));
        Assert.Equal(
            new (string?, string)[]
            {
                ("Summary", "答复内容不能超过4000个字。"),
                ("LegalGround", "“部分公开”须写明法律依据和理由（如条例第三十七条）。"),
                ("WithheldParts", "部分公开须写明不予公开的部分及其理由（条例第三十七条）。"),
                ("ResponsibleOrgan", "只有不属于本机关负责公开时才填写负责公开的机关。"),
            },
            failure.Errors.Select(e => (e.Field, e.Message)).ToArray());
    }
}
