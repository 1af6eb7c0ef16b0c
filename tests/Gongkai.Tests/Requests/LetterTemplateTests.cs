using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Organisation;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Fees;
using Gongkai.Requests.Intake;
using Gongkai.Requests.Letters;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>Templates, placeholders and the values a letter is filled from.</summary>
public sealed class LetterTemplateTests
{
    public static TheoryData<string> Keys() => [.. LetterKeys.All()];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_shipped_default_passes_its_own_checks_and_names_its_legal_basis(string key)
    {
        var t = LetterTemplates.Default(key);
        LetterPlaceholders.Check(key, t.Title, t.Body);
        Assert.Equal(0, t.Version);
        Assert.True(t.Body.Contains("{法律依据}", StringComparison.Ordinal) || t.Body.Contains("条例", StringComparison.Ordinal), key);
        Assert.Equal(key, LetterKeys.For(LetterKeys.Parse(key)!.Value.Kind, LetterKeys.Parse(key)!.Value.Outcome));
    }

    [Fact]
    public void There_is_a_reply_template_for_every_table_three_row_and_four_notices() =>
        Assert.Equal(Enum.GetValues<RequestOutcome>().Length + 4, LetterKeys.All().Count());

    [Theory]
    [InlineData("reply-Bogus")]
    [InlineData("reply-99")]
    [InlineData("envelope")]
    public void Unknown_keys_are_not_templates(string key) => Assert.Null(LetterKeys.Parse(key));

    [Theory]
    [InlineData("", "正文{受理编号}{救济途径}", "Title", "请填写文书标题")]
    [InlineData("标题", "", "Body", "请填写文书正文")]
    [InlineData("标题", "{受理编号}{救济途径}{手机号}", "Body", "无法识别的占位符：{手机号}")]
    [InlineData("标题", "{救济途径}", "Body", "必须包含占位符{受理编号}")]
    [InlineData("标题", "{受理编号}", "Body", "必须包含占位符{救济途径}")]
    public void A_bad_reply_template_is_refused(string title, string body, string field, string message)
    {
        var error = Assert.Throws<ValidationFailure>(() => LetterPlaceholders.Check("reply-Disclosed", title, body));
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_third_party_letter_needs_neither_case_number_nor_appeal_rights() =>
        LetterPlaceholders.Check(LetterKeys.ThirdParty, "征求第三方意见书", "<{第三方}：\n请提出意见。");

    [Fact]
    public void Unknown_values_become_a_blank_to_fill_in_by_hand()
    {
        var text = LetterPlaceholders.Fill("至{答复期限}，{说明}", new Dictionary<string, string?> { ["答复期限"] = "2026年3月2日" });
        Assert.Equal("至2026年3月2日，" + LetterPlaceholders.Blank, text);
    }

    [Fact]
    public void The_appeal_rights_name_the_district_for_departments_and_the_city_for_the_district_government()
    {
        var options = new AppealRightsOptions();
        Assert.Contains("六十日内向北京市西城区人民政府申请行政复议", options.Sentence(OrganKind.Department));
        Assert.Contains("六个月内向北京市西城区人民法院提起行政诉讼", options.Sentence(OrganKind.StreetOffice));
        Assert.Contains("六十日内向北京市人民政府申请行政复议", options.Sentence(OrganKind.DistrictGovernment));
    }

    private static LetterContext Context(params RequestClockEvent[] events)
    {
        var request = new DisclosureRequest
        {
            TrackingNumber = "2026-XC001-00007",
            SecretHash = "",
            ApplicantName = "张三",
            IdNumberProtected = "",
            PhoneProtected = "",
            InformationWanted = "2025年低保名单",
            Channel = RequestChannel.InPerson,
            SubmittedOn = D("2026-02-10"),
            ReceivedOn = D("2026-02-10"),
            Form = InformationForm.Paper,
            Delivery = DeliveryMethod.Post,
            Events = [.. events],
        };
        var organ = new Organ { Code = "XC001", ShortName = "区民政局", FullName = "北京市西城区民政局", Kind = OrganKind.Department };
        return new LetterContext(request, organ, "110***********0026", Shipped, null, null, new AppealRightsOptions(), D("2026-03-02"));
    }

    private static RequestClockEvent Event(ClockEventKind kind, string on, string? until = null, int? days = null, string? party = null) =>
        new() { Kind = kind, On = D(on), Until = until is null ? null : D(until), WorkingDays = days, Party = party, RecordedByName = "测试" };

    [Fact]
    public void A_reply_gets_the_default_ground_of_its_outcome_and_the_case_facts()
    {
        var (key, values) = LetterValues.Build(Context(), new LetterInput { Kind = LetterKind.Reply, Outcome = RequestOutcome.WithheldStateSecret });
        Assert.Equal("reply-WithheldStateSecret", key);
        Assert.Equal(LegalGrounds.Default(RequestOutcome.WithheldStateSecret), values["法律依据"]);
        Assert.Contains("第十四条", values["法律依据"]);
        Assert.Equal("2026年2月10日", values["收到申请日期"]);
        Assert.Equal("2026年3月2日", values["告知日期"]);
        Assert.Equal("纸质，邮寄", values["获取方式"]);
        Assert.Equal("110***********0026", values["证件号码"]);
    }

    [Fact]
    public void A_handler_ground_replaces_the_default() =>
        Assert.Equal("《中华人民共和国保守国家秘密法》第三条", LetterValues.Build(Context(), new LetterInput
        {
            Kind = LetterKind.Reply,
            Outcome = RequestOutcome.WithheldByLaw,
            LegalGround = " 《中华人民共和国保守国家秘密法》第三条 ",
        }).Values["法律依据"]);

    [Theory]
    [InlineData(LetterKind.Reply, null, "Outcome", "须选择办理结果")]
    [InlineData(LetterKind.Reply, RequestOutcome.PartlyDisclosed, "Withheld", "不予公开的内容")]
    [InlineData(LetterKind.CorrectionNotice, null, "Details", "需要补正的事项")]
    [InlineData(LetterKind.ExtensionNotice, null, "Kind", "尚未记录延长答复期限")]
    [InlineData(LetterKind.FeeNotice, null, "Kind", "尚未计算信息处理费")]
    [InlineData(LetterKind.ThirdPartyConsultation, null, "Party", "第三方")]
    public void A_letter_missing_what_the_law_requires_is_refused(LetterKind kind, RequestOutcome? outcome, string field, string message)
    {
        var error = Assert.Throws<ValidationFailure>(() => LetterValues.Build(Context(), new LetterInput { Kind = kind, Outcome = outcome }));
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_letter_dated_before_receipt_is_refused() =>
        Assert.Equal("Date", Assert.Throws<ValidationFailure>(() => LetterValues.Build(Context(), new LetterInput
        {
            Kind = LetterKind.Reply,
            Outcome = RequestOutcome.Disclosed,
            Date = D("2026-02-09"),
        })).Field);

    [Fact]
    public void Notices_take_their_dates_from_the_clock_events()
    {
        var context = Context(Event(ClockEventKind.CorrectionRequested, "2026-02-12", until: "2026-02-27"), Event(ClockEventKind.ExtensionApproved, "2026-02-13", days: 15),
            Event(ClockEventKind.ThirdPartyConsulted, "2026-02-13", party: "某某公司"));
        var values = LetterValues.Build(context, new LetterInput { Kind = LetterKind.CorrectionNotice, Details = "请写明文件名称" }).Values;
        Assert.Equal("2026年2月27日", values["补正期限"]);
        Assert.Equal("15", values["延长工作日数"]);
        Assert.Equal("某某公司", values["第三方"]);
        Assert.Equal(ChineseDates.Long(Shipped.AddWorkingDays(D("2026-02-13"), 15)), values["征求意见期限"]);
    }

    [Fact]
    public void A_fee_notice_carries_amount_method_tiers_and_payment_deadline()
    {
        var fee = new FeeAssessment
        {
            Method = FeeMethod.PerRequest,
            Amount = 300,
            Breakdown = "第11—13件：3件×100元=300元",
            PaymentInstructions = "窗口缴纳",
            NoticeOn = D("2026-02-24"),
            PayBy = D("2026-03-24"),
            CreatedByName = "测试",
        };
        var context = Context() with { Fee = fee };
        var values = LetterValues.Build(context, new LetterInput { Kind = LetterKind.FeeNotice }).Values;
        Assert.Equal("300", values["收费金额"]);
        Assert.Equal("按件计收", values["计费方式"]);
        Assert.Contains("第四条", values["收费依据"]);
        Assert.Equal("2026年3月24日", values["缴费期限"]);
        var letter = LetterPlaceholders.Render(LetterTemplates.Default(LetterKeys.Fee).Title, LetterTemplates.Default(LetterKeys.Fee).Body, values);
        Assert.Contains("应缴金额：人民币300元。", letter.PlainText());
        Assert.DoesNotContain(LetterPlaceholders.Blank, letter.PlainText());
    }
}
