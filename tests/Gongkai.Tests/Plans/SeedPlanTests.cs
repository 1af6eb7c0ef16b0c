using Gongkai.Plans.Parsing;

namespace Gongkai.Tests.Plans;

/// <summary>The seeds parsed with the counts the issue names and field checks on samples of each layout.</summary>
public sealed class SeedPlanTests
{
    [Fact]
    public void Seed_000_has_122_tasks_numbered_1_to_122()
    {
        var plan = Seeds.Parse("000");
        Assert.Equal(122, plan.Tasks.Count);
        Assert.Equal(Enumerable.Range(1, 122).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), plan.Tasks.Select(t => t.Number));
        Assert.Equal("关于贯彻落实西城区政务公开实施意见的细则", plan.Title);
        Assert.Equal(2017, plan.Year);
    }

    [Fact]
    public void Seed_000_label_lines_fill_units_and_deadlines()
    {
        var plan = Seeds.Parse("000");
        var first = plan.Tasks[0];
        Assert.StartsWith("对已经在政府网站集中公开的区级部门权力清单和责任清单", first.Text);
        Assert.EndsWith("清单调整后10个工作日内将调整情况向社会公开。", first.Text);
        Assert.Equal(["区编办"], first.LeadUnits);
        Assert.Equal(["全区各部门"], first.ResponsibleUnits);
        Assert.Equal(DeadlineKind.Ongoing, first.Deadline.Kind);
        Assert.Null(first.Deadline.Due);
        Assert.Equal(["1、深化公开内容", "（1）以清单促公开内容标准化"], first.Path);

        var t6 = plan.Tasks[5];
        Assert.Equal(["区政府办公室", "区政府法制办", "区编办"], t6.LeadUnits);
        Assert.Equal(new DateOnly(2020, 12, 31), t6.Deadline.Due);
        Assert.True(t6.Deadline.Recurring);

        var t4 = plan.Tasks[3];
        Assert.Equal(new DateOnly(2017, 3, 31), t4.Deadline.Due);
        Assert.Equal(["全区各部门", "各街道"], t4.ResponsibleUnits);

        var t10 = plan.Tasks[9];
        Assert.Equal(DeadlineKind.External, t10.Deadline.Kind);
        Assert.Equal("按照北京市统一部署持续落实", t10.Deadline.Text);

        // "牵头单位：区委宣传部（区政府新闻办）": brackets inside a unit's name stay with it.
        Assert.Contains("区委宣传部（区政府新闻办）", plan.Tasks[13].LeadUnits);
        // A 完成时限 line directly after the text, without a blank line, still belongs to its task.
        Assert.Equal(["区政府办公室", "区委宣传部（区政府新闻办）"], plan.Tasks[13].LeadUnits);
    }

    [Fact]
    public void Seed_000_label_typos_and_variants_are_read()
    {
        var plan = Seeds.Parse("000");
        // 责任主体 is read as 责任单位, 公开时限 and 完成实现 as 完成时限.
        var t110 = plan.Tasks.Single(t => t.Number == "110");
        Assert.Equal(["全区政务公开牵头机构"], t110.ResponsibleUnits);
        var typo = plan.Tasks.Single(t => t.Warnings.Any(w => w.Contains("完成实现", StringComparison.Ordinal)));
        Assert.Equal(new DateOnly(2017, 12, 31), typo.Deadline.Due);
        var t117 = plan.Tasks.Single(t => t.Number == "117");
        Assert.Equal(DeadlineKind.Ongoing, t117.Deadline.Kind);
        Assert.Equal("在2016年推进的基础上持续落实", t117.Deadline.Text);
        // Task 121 names no lead unit, only a responsible one.
        var t121 = plan.Tasks.Single(t => t.Number == "121");
        Assert.Empty(t121.LeadUnits);
        Assert.Equal(["各依申请受理部门"], t121.ResponsibleUnits);
        Assert.Equal(["七、日常工作"], t121.Path);
    }

    [Fact]
    public void Seed_000_deadline_kinds_add_up()
    {
        var plan = Seeds.Parse("000");
        Assert.All(plan.Tasks, t => Assert.NotEqual(DeadlineKind.None, t.Deadline.Kind));
        Assert.Equal(3, plan.Tasks.Count(t => t.Deadline.Kind == DeadlineKind.External));
        Assert.Equal(122, plan.Tasks.Count(t => t.Deadline.Kind is DeadlineKind.Date or DeadlineKind.Ongoing or DeadlineKind.External));
        Assert.Contains(plan.Tasks, t => t.Deadline.Text == "2017年底前完成并持续落实." || t.Deadline.Text == "2017年底前完成并持续落实");
    }

    [Fact]
    public void Seed_001_has_42_tasks_with_deadlines_from_the_parentheses()
    {
        var plan = Seeds.Parse("001");
        Assert.Equal(42, plan.Tasks.Count);
        Assert.Equal("西城区2023年政务公开工作要点", plan.Title);
        Assert.Equal(2023, plan.Year);
        Assert.All(plan.Tasks, t => Assert.Equal(DeadlineKind.Date, t.Deadline.Kind));
        Assert.All(plan.Tasks, t => Assert.NotEmpty(t.ResponsibleUnits));
        Assert.Equal(new DateOnly(2023, 10, 31), plan.Tasks[0].Deadline.Due);
        Assert.Equal(["区发展改革委"], plan.Tasks[0].ResponsibleUnits);
        Assert.Equal(["一、推进行政权力运行全流程公开", "（一）围绕经济高质量发展做好政府信息专题公开"], plan.Tasks[0].Path);
        Assert.Contains(plan.Tasks, t => t.Deadline.Due == new DateOnly(2023, 12, 31));
        Assert.Contains(plan.Tasks, t => t.Deadline.Due == new DateOnly(2023, 6, 30));
    }

    [Fact]
    public void Seed_001_whitespace_damage_is_repaired()
    {
        var plan = Seeds.Parse("001");
        // "发布商事登记制度 改革措施" and "(区城市管理委、区城管执法局分别负责 落实".
        var t5 = plan.Tasks[4];
        Assert.Contains("发布商事登记制度改革措施和成果", t5.Text);
        var waste = plan.Tasks.Single(t => t.Text.StartsWith("持续做好生活垃圾分类信息公开", StringComparison.Ordinal));
        Assert.Equal(["区城市管理委", "区城管执法局"], waste.ResponsibleUnits);
        Assert.Contains("\"有路无灯\"治理", waste.Text);
        // A paragraph broken by a blank line ("污染防\n\n治工作情况") is one task.
        var pollution = plan.Tasks.Single(t => t.Text.StartsWith("深入做好污染防治", StringComparison.Ordinal));
        Assert.Contains("及时发布污染防治工作情况和阶段性进展信息", pollution.Text);
        Assert.Equal(["区生态环境局", "区城市管理委"], pollution.ResponsibleUnits);
        // "(区体育局 负责落实" and a unit list across a page number ("-10 -").
        Assert.Contains(plan.Tasks, t => t.ResponsibleUnits.SequenceEqual(["区体育局"]));
        var across = plan.Tasks.Single(t => t.Text.StartsWith("强化政府网站和政务新媒体服务能力", StringComparison.Ordinal));
        Assert.DoesNotContain("10", across.Text.Replace("2023", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("续推进移动端适老化与无障碍改造", across.Text);
        Assert.Equal(["区政务服务局"], across.LeadUnits);
    }

    [Fact]
    public void Seed_001_respectively_pairs_sentences_when_the_counts_match()
    {
        var plan = Seeds.Parse("001");
        var traffic = plan.Tasks.Single(t => t.Text.StartsWith("加强交通综合治理信息公开", StringComparison.Ordinal));
        Assert.Equal(2, traffic.Pairs.Count);
        Assert.Equal("区城市管理委", traffic.Pairs[0].Unit);
        Assert.StartsWith("加强交通综合治理信息公开", traffic.Pairs[0].Sentence);
        Assert.Equal("市规划自然资源委西城分局", traffic.Pairs[1].Unit);
        Assert.StartsWith("推进不动产登记信息公开", traffic.Pairs[1].Sentence);
        Assert.False(traffic.NeedsReview);

        // Three sentences, two units: all units attached, marked for review.
        var housing = plan.Tasks.Single(t => t.Text.StartsWith("围绕老旧小区改造项目实施", StringComparison.Ordinal));
        Assert.Empty(housing.Pairs);
        Assert.Equal(["区住房城市建设委", "区房管局"], housing.ResponsibleUnits);
        Assert.True(housing.NeedsReview);
        Assert.Contains(housing.Warnings, w => w.Contains("分别负责落实", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_001_open_lists_and_lead_units()
    {
        var plan = Seeds.Parse("001");
        var open = plan.Tasks.Single(t => t.Text.StartsWith("深入推进公共企事业单位信息公开", StringComparison.Ordinal));
        Assert.True(open.OpenList);
        Assert.Equal(["区教委", "区卫生健康委", "区生态环境局", "区城市管理委", "区政府相关部门"], open.ResponsibleUnits);
        Assert.True(open.NeedsReview);
        var led = plan.Tasks.Single(t => t.Text.StartsWith("按季度向社会公开区政府工作报告重点任务", StringComparison.Ordinal));
        Assert.Equal(["区政府办", "区城市管理指挥中心"], led.LeadUnits);
        Assert.Equal(["区政府相关部门"], led.ResponsibleUnits);
        Assert.Equal(new DateOnly(2023, 12, 31), led.Deadline.Due);
    }

    [Fact]
    public void Seed_004_has_one_task_per_closing_parenthesis_that_names_units()
    {
        var plan = Seeds.Parse("004");
        Assert.Equal(57, plan.Tasks.Count);
        Assert.Equal("大兴区2018年政务公开工作要点", plan.Title);
        Assert.Equal(2018, plan.Year);
        Assert.All(plan.Tasks, t => Assert.NotEmpty(t.ResponsibleUnits));
        Assert.All(plan.Tasks, t => Assert.Equal(DeadlineKind.None, t.Deadline.Kind));
        var first = plan.Tasks[0];
        Assert.Equal("及时准确发布我区重点工作、民生实事进展完成情况", first.Text);
        Assert.Equal(["区政府办"], first.LeadUnits);
        Assert.Equal(["相关单位"], first.ResponsibleUnits);
        Assert.Equal(["一、加强重点工作信息公开", "（一）围绕促进首都功能提升做好信息公开"], first.Path);
        // The heading sentence belongs to the heading, not to the first task.
        Assert.DoesNotContain(plan.Tasks, t => t.Text.Contains("围绕促进首都功能提升做好信息公开", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_004_respectively_is_paired_only_where_counts_allow()
    {
        var plan = Seeds.Parse("004");
        var unpaired = plan.Tasks.Single(t => t.Text.StartsWith("发布一般制造业企业", StringComparison.Ordinal));
        Assert.Equal(["区经信委", "区国资委", "区卫计委"], unpaired.ResponsibleUnits);
        Assert.True(unpaired.NeedsReview);
        Assert.Empty(unpaired.Pairs);
        Assert.All(plan.Tasks.Where(t => t.Pairs.Count > 0), t => Assert.Equal(t.ResponsibleUnits, t.Pairs.Select(p => p.Unit)));
        var open = plan.Tasks.Single(t => t.ResponsibleUnits.Contains("区产促中心") && t.ResponsibleUnits.Count > 1);
        Assert.True(open.OpenList);
    }

    [Fact]
    public void Seed_004_missing_deadlines_take_the_year_end_when_asked()
    {
        var plan = Seeds.Parse("004", new PlanParseOptions { MissingDeadlineIsYearEnd = true });
        Assert.All(plan.Tasks, t => Assert.Equal(new DateOnly(2018, 12, 31), t.Deadline.Due));
        Assert.All(plan.Tasks, t => Assert.Equal(DeadlineKind.Date, t.Deadline.Kind));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("004")]
    public void No_text_is_dropped_silently(string seed)
    {
        var plan = Seeds.Parse(seed);
        var covered = new bool[plan.Source.Length];
        foreach (var span in plan.Tasks.Select(t => t.Span).Concat(plan.Headings.Select(h => h.Span)).Concat(plan.Unassigned.Select(u => u.Span)))
        {
            for (var i = span.Start; i < span.End; i++)
            {
                covered[i] = true;
            }
        }

        var missing = Enumerable.Range(plan.BodyStart, plan.BodyEnd - plan.BodyStart)
            .Where(i => !covered[i] && !char.IsWhiteSpace(plan.Source[i]) && plan.Source[i] != '-').ToList();
        Assert.Empty(missing.Select(i => plan.Source[i]));

        // Every task's text really comes from its own span of the source.
        foreach (var t in plan.Tasks)
        {
            var own = PlanText.Compact(t.Span.Of(plan.Source));
            Assert.Contains(PlanText.Compact(t.Text).Replace("\n", "", StringComparison.Ordinal)[..Math.Min(10, t.Text.Length)], own);
        }
    }

    [Fact]
    public void Seed_004_closing_paragraph_without_units_is_reported()
    {
        var plan = Seeds.Parse("004");
        var reported = Assert.Single(plan.Unassigned);
        Assert.StartsWith("区政府各部门、各属地要高度重视政务公开工作", reported.Text);
        Assert.Contains(plan.Warnings, w => w.Contains("1 段文字未归入", StringComparison.Ordinal));
    }
}
