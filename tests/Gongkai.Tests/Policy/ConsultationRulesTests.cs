using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Policy.Consultations;

namespace Gongkai.Tests.Policy;

/// <summary>The rules of consultations that need no database: period length on the calendar, state from the clock, drafts, diff, comment text.</summary>
public sealed class ConsultationRulesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Create(
        ShippedSchedules.All.Select(s => s.Year),
        ShippedSchedules.All.SelectMany(s => s.Days).Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil)));

    private static DateTimeOffset At(string local) => ConsultationInput.Instant(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));

    private static ConsultationOptions Working(int days) => new() { MinimumLength = days, MinimumUnit = PeriodUnit.WorkingDays };

    [Fact]
    public void Five_working_days_skip_the_National_Day_holiday_and_count_the_make_up_Sunday()
    {
        // 2025: 10月1日至8日放假, 9月28日（周日）上班. From Friday 26 September: 28, 29, 30 September, 9 and 10 October.
        var earliest = ConsultationPeriod.EarliestClosingDay(At("2025-09-26 09:00"), Working(5), Calendar);
        Assert.Equal(new DateOnly(2025, 10, 10), earliest);
        ConsultationPeriod.Check(At("2025-09-26 09:00"), At("2025-10-10 17:00"), Working(5), Calendar);
        var e = Assert.Throws<ValidationFailure>(() => ConsultationPeriod.Check(At("2025-09-26 09:00"), At("2025-10-09 23:59"), Working(5), Calendar));
        Assert.Contains("不得少于5个工作日", e.Message);
        Assert.Contains("2025年10月10日", e.Message);
    }

    [Fact]
    public void Calendar_days_count_weekends_and_holidays_alike()
    {
        var week = new ConsultationOptions { MinimumLength = 7, MinimumUnit = PeriodUnit.CalendarDays };
        Assert.Equal(new DateOnly(2025, 10, 3), ConsultationPeriod.EarliestClosingDay(At("2025-09-26 09:00"), week, Calendar));
        var e = Assert.Throws<ValidationFailure>(() => ConsultationPeriod.Check(At("2025-09-26 09:00"), At("2025-10-02 18:00"), week, Calendar));
        Assert.Contains("不得少于7个自然日", e.Message);
    }

    [Fact]
    public void A_reversed_period_or_one_past_the_loaded_calendar_is_refused()
    {
        Assert.Contains("晚于开始时间", Assert.Throws<ValidationFailure>(() => ConsultationPeriod.Check(At("2026-03-10 09:00"), At("2026-03-09 09:00"), Working(5), Calendar)).Message);
        var last = Calendar.LastDate;
        var e = Assert.Throws<ValidationFailure>(() => ConsultationPeriod.Check(
            new DateTimeOffset(last.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)),
            new DateTimeOffset(last.AddDays(20).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), Working(5), Calendar));
        Assert.Contains("超出已载入的节假日安排", e.Message);
        Assert.Null(ConsultationPeriod.FeedbackDue(new DateTimeOffset(last.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), new ConsultationOptions(), Calendar));
    }

    [Fact]
    public void The_state_follows_the_clock_and_the_closing_instant_is_closed()
    {
        var c = new Consultation { Title = "t" };
        c.Reschedule(At("2026-03-10 09:00"), At("2026-03-20 17:00"), null, At("2026-03-01 08:00"));
        Assert.Equal(ConsultationState.Draft, ConsultationStates.Of(c, At("2026-03-12 09:00")));
        c.Announce(At("2026-03-01 09:00"), null);
        Assert.Equal(ConsultationState.Upcoming, ConsultationStates.Of(c, At("2026-03-10 08:59")));
        Assert.Equal(ConsultationState.Open, ConsultationStates.Of(c, At("2026-03-10 09:00")));
        Assert.Equal(ConsultationState.Open, ConsultationStates.Of(c, At("2026-03-20 16:59")));
        Assert.Equal(ConsultationState.AwaitingFeedback, ConsultationStates.Of(c, At("2026-03-20 17:00")));
        c.PublishFeedback("采纳情况", At("2026-03-25 09:00"));
        Assert.Equal(ConsultationState.Concluded, ConsultationStates.Of(c, At("2026-03-26 09:00")));
    }

    [Fact]
    public void A_draft_splits_into_articles_keeping_paragraphs_inside_and_headings_with_the_next_article()
    {
        var units = DraftText.Split("西城区养老服务补贴办法（征求意见稿）\n第一章 总则\n第一条 为了规范补贴，制定本办法。\n本办法所称补贴包括运营补贴。\n第二条 区民政局负责实施。\n第二章 附则\n第三条 本办法自发布之日起施行。\n第四章");
        Assert.Equal(["序言", "第一条", "第二条", "第三条", "附"], units.Select(u => u.Label));
        Assert.Equal("西城区养老服务补贴办法（征求意见稿）", units[0].Text);
        Assert.Contains("本办法所称补贴包括运营补贴。", units[1].Text);
        Assert.StartsWith("第一章 总则", units[1].Text);
        Assert.StartsWith("第二章 附则", units[3].Text);
        Assert.Equal("第四章", units[4].Text);

        var paragraphs = DraftText.Split("一、总体目标。\n到2027年建成。\n\n二、主要任务。");
        Assert.Equal(["第1段", "第2段"], paragraphs.Select(u => u.Label));
    }

    [Fact]
    public void The_diff_matches_articles_by_label_and_marks_changed_sentences()
    {
        DraftArticle A(string label, string text, int pos) => new() { Label = label, Text = text, Position = pos };
        var v1 = new[] { A("第一条", "第一条 目的。", 1), A("第二条", "第二条 补贴标准为每人每月100元。按季度发放。", 2), A("第三条", "第三条 施行。", 3) };
        var v2 = new[] { A("第一条", "第一条 目的。", 1), A("第二条", "第二条 补贴标准为每人每月200元。按季度发放。", 2), A("第四条", "第四条 监督。", 3) };
        var diff = DraftDiff.Compare(v1, v2);
        Assert.Equal([ArticleChange.Same, ArticleChange.Changed, ArticleChange.Added, ArticleChange.Removed], diff.Select(d => d.Change));
        var changed = diff[1].Runs;
        Assert.Contains(changed, r => r.Op == '-' && r.Text.Contains("100元"));
        Assert.Contains(changed, r => r.Op == '+' && r.Text.Contains("200元"));
        Assert.Contains(changed, r => r.Op == '=' && r.Text == "按季度发放。");
        Assert.Equal("第三条", diff[3].Label);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>建议提高补贴", "HTML")]
    [InlineData("建议 <a href=\"x\">看这里</a>", "HTML")]
    [InlineData("建议&nbsp;提高", "HTML")]
    [InlineData("   ", "请填写意见内容")]
    public void Html_and_empty_comments_are_refused(string body, string message) =>
        Assert.Contains(message, Assert.Throws<ValidationFailure>(() => CommentText.Check(body, 2000)).Message);

    [Fact]
    public void An_oversized_comment_is_refused_with_its_length_and_comparisons_stay_allowed()
    {
        var e = Assert.Throws<ValidationFailure>(() => CommentText.Check(new string('议', 2001), 2000));
        Assert.Contains("不能超过2000字（现有2001字）", e.Message);
        Assert.Equal("补贴标准应 > 100元，且 a<b 时另议", CommentText.Check(" 补贴标准应 > 100元，且 a<b 时另议 ", 2000));
    }

    [Fact]
    public void Fingerprints_ignore_width_case_spaces_and_punctuation_but_not_words()
    {
        var a = CommentText.Fingerprint("建议将补贴提高到200元！");
        Assert.Equal(a, CommentText.Fingerprint("建议将补贴提高到２００元。"));
        Assert.Equal(a, CommentText.Fingerprint(" 建议 将补贴提高到200元 "));
        Assert.NotEqual(a, CommentText.Fingerprint("建议将补贴提高到300元！"));
    }

    [Theory]
    [InlineData("第三条", 3)]
    [InlineData("第十条", 10)]
    [InlineData("第十二条", 12)]
    [InlineData("第二十一条", 21)]
    [InlineData("第一百零五条", 105)]
    [InlineData("第7段", 7)]
    public void Articles_sort_in_reading_order(string label, int order) => Assert.Equal(order, FeedbackReports.ArticleOrder(label));

    [Fact]
    public void Receipt_numbers_are_distinct_and_normalised_for_lookup()
    {
        var day = new DateOnly(2026, 11, 23);
        var numbers = Enumerable.Range(0, 1000).Select(_ => ReceiptNumbers.Next(day)).ToHashSet();
        Assert.Equal(1000, numbers.Count);
        Assert.All(numbers, n => Assert.Matches("^YJ20261123-[2-9A-HJ-NP-Z]{8}$", n));
        Assert.Equal("YJ20261123-ABCD2345", ReceiptNumbers.Normalise(" yj20261123-abcd 2345 "));
    }
}
