using Gongkai.Plans.Parsing;

namespace Gongkai.Tests.Plans;

/// <summary>Synthetic plans: every label variant, every deadline form, damage, pairing, groups and bad input.</summary>
public sealed class PlanParserTests
{
    private static ParsedTask Single(string text) => Assert.Single(PlanParser.Parse(text).Tasks);

    [Theory]
    [InlineData("完成时限")]
    [InlineData("完成实现")]
    [InlineData("公开时限")]
    [InlineData("完成时间")]
    [InlineData("完 成 时 限")]
    public void Every_deadline_label_is_read(string label)
    {
        var task = Single($"一、公开\n1.做好年报工作。\n牵头单位：区政府办\n责任单位：各街道\n{label}：2019年6月\n");
        Assert.Equal(new DateOnly(2019, 6, 30), task.Deadline.Due);
        Assert.Equal(label == "完成实现", task.Warnings.Any(w => w.Contains("完成实现", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("责任单位")]
    [InlineData("责任主体")]
    [InlineData("责任部门")]
    [InlineData("责 任 单 位")]
    public void Every_responsible_label_is_read(string label)
    {
        var task = Single($"一、公开\n1.做好年报工作。\n牵头单位：区政府办\n{label}：区财政局、区民政局\n完成时限：2019年底前\n");
        Assert.Equal(["区政府办"], task.LeadUnits);
        Assert.Equal(["区财政局", "区民政局"], task.ResponsibleUnits);
    }

    [Theory]
    [InlineData("牵头单位:区政府办", "区政府办")]
    [InlineData("牵头单位： 区政府办，区财政局", "区政府办|区财政局")]
    [InlineData("牵头单位：区 政府办、区  政务服务局", "区政府办|区政务服务局")]
    [InlineData("牵头单位：区委宣传部(区政府新闻办)", "区委宣传部（区政府新闻办）")]
    public void Lead_unit_lines_with_half_width_punctuation_and_spaces(string line, string expected)
    {
        var task = Single($"一、公开\n1.做好年报工作。\n{line}\n完成时限：2019年底前\n");
        Assert.Equal(expected.Split('|'), task.LeadUnits);
    }

    [Theory]
    [InlineData("2023年10月", "2023-10-31", false, DeadlineKind.Date)]
    [InlineData("2023 年 2 月", "2023-02-28", false, DeadlineKind.Date)]
    [InlineData("2024年2月", "2024-02-29", false, DeadlineKind.Date)]
    [InlineData("2017年底前", "2017-12-31", false, DeadlineKind.Date)]
    [InlineData("2020年底并持续落实", "2020-12-31", true, DeadlineKind.Date)]
    [InlineData("2018年底前完成并持续落实", "2018-12-31", true, DeadlineKind.Date)]
    [InlineData("2020年底前完成并动态管理", "2020-12-31", true, DeadlineKind.Date)]
    [InlineData("2017年3月底前完成并持续落实", "2017-03-31", true, DeadlineKind.Date)]
    [InlineData("2019年6月15日前", "2019-06-15", false, DeadlineKind.Date)]
    [InlineData("2019年上半年", "2019-06-30", false, DeadlineKind.Date)]
    [InlineData("2019年第三季度", "2019-09-30", false, DeadlineKind.Date)]
    [InlineData("2019-09", "2019-09-30", false, DeadlineKind.Date)]
    [InlineData("在2016年推进的基础上持续落实", null, true, DeadlineKind.Ongoing)]
    [InlineData("在2016年底前完成的基础上持续落实", null, true, DeadlineKind.Ongoing)]
    [InlineData("按年度常态化进行", null, true, DeadlineKind.Ongoing)]
    [InlineData("长期坚持", null, true, DeadlineKind.Ongoing)]
    [InlineData("按照北京市统一部署落实", null, false, DeadlineKind.External)]
    [InlineData("按照北京市统一部署持续落实", null, true, DeadlineKind.External)]
    [InlineData("按照相关工作要求进行", null, false, DeadlineKind.External)]
    [InlineData("尽快", null, false, DeadlineKind.None)]
    [InlineData("2019年13月", null, false, DeadlineKind.None)]
    public void Deadline_forms(string written, string? due, bool recurring, DeadlineKind kind)
    {
        var d = DeadlineParser.Parse(written);
        Assert.Equal(due, d.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(recurring, d.Recurring);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(PlanText.Normalize(written).TrimEnd('。'), d.Text);
    }

    [Fact]
    public void An_unreadable_deadline_is_kept_and_flagged()
    {
        var task = Single("一、公开\n1.做好年报工作。\n牵头单位：区政府办\n完成时限：尽快\n");
        Assert.Equal("尽快", task.Deadline.Text);
        Assert.True(task.NeedsReview);
        Assert.Contains(task.Warnings, w => w.Contains("未能识别完成时限", StringComparison.Ordinal));
    }

    [Fact]
    public void Parenthesis_layout_with_lead_responsible_and_deadline()
    {
        var plan = PlanParser.Parse("一、公开\n(一) 专题\n1. 做好信息公开。(区政府办牵头,区政府相关部门负责落实,完成时限: 2023 年 12 月)\n2. 做好预算公开。（区财政局负责落实，完成时限：2023年10月）\n");
        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(["区政府办"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区政府相关部门"], plan.Tasks[0].ResponsibleUnits);
        Assert.Equal(new DateOnly(2023, 12, 31), plan.Tasks[0].Deadline.Due);
        Assert.Equal("做好信息公开。", plan.Tasks[0].Text);
        Assert.Equal(["一、公开", "（一）专题"], plan.Tasks[1].Path);
    }

    [Fact]
    public void Words_split_by_spaces_and_line_breaks_are_joined()
    {
        var plan = PlanParser.Parse("一、公开\n1. 做好政务 公开工作，加强\n\n信息发布。(区  政务服务局、区财政局分别负责 落实,完成时限: 2023\n年10月)\n");
        var task = Assert.Single(plan.Tasks);
        Assert.Equal("做好政务公开工作，加强信息发布。", task.Text);
        Assert.Equal(["区政务服务局", "区财政局"], task.ResponsibleUnits);
        Assert.Equal(new DateOnly(2023, 10, 31), task.Deadline.Due);
    }

    [Fact]
    public void Respectively_pairs_units_with_sentences_when_counts_match()
    {
        var task = Single("一、公开\n（一）做好公开。发布甲信息。发布乙信息；发布丙信息（区甲局、区乙局、区丙局分别负责落实）\n");
        Assert.Equal(["区甲局", "区乙局", "区丙局"], task.Pairs.Select(p => p.Unit));
        Assert.Equal(["发布甲信息", "发布乙信息", "发布丙信息"], task.Pairs.Select(p => p.Sentence));
        Assert.False(task.NeedsReview);
    }

    [Fact]
    public void Respectively_with_unequal_counts_attaches_all_and_asks_for_review()
    {
        var task = Single("一、公开\n（一）做好公开。发布甲信息。发布乙信息（区甲局、区乙局、区丙局分别负责落实）\n");
        Assert.Empty(task.Pairs);
        Assert.Equal(3, task.ResponsibleUnits.Count);
        Assert.True(task.NeedsReview);
    }

    [Fact]
    public void Group_names_are_recognised()
    {
        foreach (var group in new[] { "全区各部门", "各街道", "各相关部门", "各属地", "相关单位", "区政府各部门", "区政府相关部门" })
        {
            Assert.True(UnitList.IsGroup(group), group);
        }

        Assert.False(UnitList.IsGroup("区政府办"));
        Assert.False(UnitList.IsGroup("区科技和信息化局"));
    }

    [Fact]
    public void Open_lists_keep_the_named_units_and_the_group()
    {
        var units = UnitList.Split("区教委、区卫生健康委等区政府相关部门", out var open);
        Assert.True(open);
        Assert.Equal(["区教委", "区卫生健康委", "区政府相关部门"], units);
        var generic = UnitList.Split("区发改委、区产促中心等部门", out var open2);
        Assert.True(open2);
        Assert.Equal(["区发改委", "区产促中心"], generic);
        Assert.Equal(["区甲局"], UnitList.Split("区甲局", out var closed));
        Assert.False(closed);
    }

    [Fact]
    public void A_task_without_units_is_kept_and_flagged()
    {
        var plan = PlanParser.Parse("一、公开\n1.做好年报工作。\n完成时限：2019年底前\n2.做好数据报送工作。\n牵头单位：区政府办\n完成时限：2019年底前\n");
        Assert.Equal(2, plan.Tasks.Count);
        Assert.True(plan.Tasks[0].NeedsReview);
        Assert.Contains(plan.Tasks[0].Warnings, w => w.Contains("未写明牵头单位或责任单位", StringComparison.Ordinal));
        Assert.False(plan.Tasks[1].NeedsReview);
    }

    [Fact]
    public void Headings_of_all_four_levels_in_full_and_half_width()
    {
        var plan = PlanParser.Parse("一、第一部分\n(一)第一节\n1.第一条\n(1)做好甲工作。\n牵头单位：区甲局\n（2）做好乙工作。\n牵头单位：区乙局\n２．第二条\n（１）做好丙工作。\n牵头单位：区丙局\n二．第二部分\n（一）第一节\n1、做好丁工作。\n牵头单位：区丁局\n");
        Assert.Equal(4, plan.Tasks.Count);
        Assert.Equal(["一、第一部分", "（一）第一节", "1.第一条"], plan.Tasks[0].Path);
        Assert.Equal(["一、第一部分", "（一）第一节", "２．第二条"], plan.Tasks[2].Path);
        Assert.Equal(["二．第二部分", "（一）第一节"], plan.Tasks[3].Path);
        Assert.Equal(["1", "2", "1", "1"], plan.Tasks.Select(t => t.Number));
    }

    [Fact]
    public void Text_after_the_last_parenthesis_is_reported_not_dropped()
    {
        var plan = PlanParser.Parse("一、公开\n（一）做好公开。发布甲信息（区甲局负责落实）。另有一句没有单位。\n");
        Assert.Single(plan.Tasks);
        var reported = Assert.Single(plan.Unassigned);
        Assert.Equal("另有一句没有单位。", reported.Text);
        Assert.NotEmpty(plan.Warnings);
    }

    [Fact]
    public void A_label_line_without_a_task_is_reported()
    {
        var plan = PlanParser.Parse("一、公开\n说明文字。\n牵头单位：区甲局\n1.做好工作。\n牵头单位：区乙局\n");
        Assert.Single(plan.Tasks);
        Assert.Contains(plan.Unassigned, u => u.Text.Contains("区甲局", StringComparison.Ordinal));
    }

    [Fact]
    public void Page_numbers_are_reported_and_left_out_of_the_text()
    {
        var plan = PlanParser.Parse("一、公开\n1. 做好政务公开工作，加强\n— 3 —\n信息发布。(区甲局负责落实,完成时限: 2023年10月)\n");
        Assert.Equal("做好政务公开工作，加强信息发布。", Assert.Single(plan.Tasks).Text);
        Assert.Contains(plan.Unassigned, u => u.Reason.StartsWith("页码", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void Empty_input_has_a_clear_message(string text)
    {
        var e = Assert.Throws<PlanParseException>(() => PlanParser.Parse(text));
        Assert.Contains("没有文字内容", e.Message);
    }

    [Fact]
    public void A_document_without_tasks_has_a_clear_message()
    {
        var e = Assert.Throws<PlanParseException>(() => PlanParser.Parse("关于召开会议的通知\n各单位：\n定于下周一召开会议，请准时参加。\n"));
        Assert.Contains("没有找到可识别的任务", e.Message);
        var headingsOnly = Assert.Throws<PlanParseException>(() => PlanParser.Parse("一、总体要求\n二、工作安排\n"));
        Assert.Contains("没有找到可识别的任务", headingsOnly.Message);
    }

    [Fact]
    public void Reader_refuses_empty_binary_and_old_word_files()
    {
        Assert.Contains("空的", Assert.Throws<PlanParseException>(() => PlanDocumentReader.Read([])).Message);
        Assert.Contains("不是文本", Assert.Throws<PlanParseException>(() => PlanDocumentReader.Read([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 3])).Message);
        Assert.Contains(".docx", Assert.Throws<PlanParseException>(() => PlanDocumentReader.Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])).Message);
        Assert.Contains("Word", Assert.Throws<PlanParseException>(() => PlanDocumentReader.Read("PK\u0003\u0004garbage"u8.ToArray())).Message);
    }

    [Fact]
    public void Reader_reads_utf8_and_gb18030_text()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        const string text = "一、公开\n1.做好年报工作。\n牵头单位：区政府办\n";
        Assert.Equal(text, PlanDocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(text, PlanDocumentReader.Read(System.Text.Encoding.GetEncoding("GB18030").GetBytes(text)));
    }
}
