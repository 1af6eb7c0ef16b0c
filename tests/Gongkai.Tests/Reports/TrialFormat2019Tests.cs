using Gongkai.Reports.Annual;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Intake;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The 2019 trial format (国办公开办函〔2019〕60号) compared label by label with china-rules.md §4.5 (its table 二
/// blocks and columns; table 三 as §4.2 with （六）其他处理 as one row, 20 rows under 三; table 四 as 2021), the choice
/// of format by year, and the rules on a 2019-format report.
/// </summary>
public sealed class TrialFormat2019Tests
{
    [Fact]
    public void Years_2019_and_2020_use_the_trial_format_and_2021_on_the_2021_format()
    {
        Assert.Same(ReportFormat.Trial2019, ReportFormat.ForYear(2019));
        Assert.Same(ReportFormat.Trial2019, ReportFormat.ForYear(2020));
        Assert.Same(ReportFormat.National2021, ReportFormat.ForYear(2021));
        Assert.Same(ReportFormat.National2021, ReportFormat.ForYear(2025));
        Assert.Equal("国办公开办函〔2019〕60号", ReportFormat.Trial2019.Name);
    }

    [Fact]
    public void Table_2_has_the_five_blocks_of_the_trial_format_with_their_labels_verbatim()
    {
        var g = ReportFormat.Trial2019.Table2;
        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"], g.Select(x => x.Heading));
        Assert.All(g, x => Assert.Equal("信息内容", x.Corner));
        Assert.Equal(["本年新制作数量", "本年新公开数量", "对外公开总数量"], g[0].Columns.Select(c => c.Label));
        Assert.Equal(["规章", "规范性文件"], g[0].Rows.Select(r => r.Label));
        Assert.Equal(["上一年项目数量", "本年增/减", "处理决定数量"], g[1].Columns.Select(c => c.Label));
        Assert.Equal(["行政许可", "其他对外管理服务事项"], g[1].Rows.Select(r => r.Label));
        Assert.Equal(["上一年项目数量", "本年增/减", "处理决定数量"], g[2].Columns.Select(c => c.Label));
        Assert.Equal(["行政处罚", "行政强制"], g[2].Rows.Select(r => r.Label));
        Assert.Equal(["上一年项目数量", "本年增/减"], g[3].Columns.Select(c => c.Label));
        Assert.Equal(["行政事业性收费"], g[3].Rows.Select(r => r.Label));
        Assert.Equal(["采购项目数量", "采购总金额"], g[4].Columns.Select(c => c.Label));
        Assert.Equal(["政府集中采购"], g[4].Rows.Select(r => r.Label));
        Assert.Equal(["二"], g.Select(x => x.Table).Distinct());
    }

    [Fact]
    public void Table_3_has_other_handling_as_one_row_and_20_rows_under_the_results()
    {
        var t = ReportFormat.Trial2019.Table3;
        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", t.Corner);
        Assert.Equal([
            ["申请人情况", "自然人"],
            ["申请人情况", "法人或其他组织", "商业企业"],
            ["申请人情况", "法人或其他组织", "科研机构"],
            ["申请人情况", "法人或其他组织", "社会公益组织"],
            ["申请人情况", "法人或其他组织", "法律服务机构"],
            ["申请人情况", "法人或其他组织", "其他"],
            ["申请人情况", "总计"],
        ], t.Columns.Select(c => c.Path.ToArray()));
        string[][] rows =
        [
            ["一、本年新收政府信息公开申请数量"],
            ["二、上年结转政府信息公开申请数量"],
            ["三、本年度办理结果", "（一）予以公开"],
            ["三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
            ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"],
            ["三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开"],
            ["三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"],
            ["三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益"],
            ["三、本年度办理结果", "（三）不予公开", "5.属于三类内部事务信息"],
            ["三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息"],
            ["三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷"],
            ["三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"],
            ["三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"],
            ["三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作"],
            ["三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确"],
            ["三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请"],
            ["三、本年度办理结果", "（五）不予处理", "2.重复申请"],
            ["三、本年度办理结果", "（五）不予处理", "3.要求提供公开出版物"],
            ["三、本年度办理结果", "（五）不予处理", "4.无正当理由大量反复申请"],
            ["三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"],
            ["三、本年度办理结果", "（六）其他处理"],
            ["三、本年度办理结果", "（七）总计"],
            ["四、结转下年度继续办理"],
        ];
        Assert.Equal(rows, t.Rows.Select(r => r.Path.ToArray()));
        var label = ReportLayout.RowLabels(t).SelectMany(r => r).Single(c => c.Text == "三、本年度办理结果");
        Assert.Equal(20, label.RowSpan);
        Assert.Equal(1, label.ColSpan);
        // （六）其他处理 is a leaf row now: it spans the two label columns to its right.
        Assert.Equal(2, ReportLayout.RowLabels(t).SelectMany(r => r).Single(c => c.Text == "（六）其他处理").ColSpan);
    }

    [Fact]
    public void Table_4_and_the_sections_are_those_of_the_2021_format()
    {
        Assert.Equal(NationalFormat2021.Table4.Columns.Select(c => c.Path.ToArray()), ReportFormat.Trial2019.Table4.Columns.Select(c => c.Path.ToArray()));
        Assert.Equal(15, ReportFormat.Trial2019.Table4.Columns.Count);
        Assert.Equal(NationalFormat2021.Sections, ReportFormat.Trial2019.Sections);
    }

    private static RequestFigures Figures(params (RequestOutcome Outcome, ApplicantType Type, int Count)[] closed) => new(
        StatisticsPeriod.Year(2020),
        new Dictionary<(RequestChannel, ApplicantType), int> { [(RequestChannel.Online, ApplicantType.NaturalPerson)] = closed.Sum(c => c.Count) },
        new Dictionary<ApplicantType, int>(),
        closed.ToDictionary(c => (c.Outcome, c.Type), c => c.Count),
        new Dictionary<ApplicantType, int>(),
        0, new Dictionary<ApplicantType, int>(), 0, 0, 0);

    [Fact]
    public void Other_handling_sums_the_three_outcomes_and_rule_R2_holds_on_the_trial_format()
    {
        var requests = Figures(
            (RequestOutcome.OtherNoCorrection, ApplicantType.NaturalPerson, 2),
            (RequestOutcome.OtherFeeUnpaid, ApplicantType.NaturalPerson, 3),
            (RequestOutcome.OtherHandling, ApplicantType.NaturalPerson, 4),
            (RequestOutcome.Disclosed, ApplicantType.NaturalPerson, 5));
        var f = ComputeAnnualReport.Fill(ReportFormat.Trial2019, null, requests, ComputeAnnualReport.DocumentCounts.None, []);
        var t3 = ReportFormat.Trial2019.Table3;
        Assert.Equal(9, f.Value(t3, "o6", "NaturalPerson"));
        Assert.Equal(9, f.Value(t3, "o6", "total"));
        Assert.Equal(5, f.Value(t3, "o10", "total"));
        Assert.Equal(14, f.Value(t3, "closed", "total"));
        Assert.Null(f[t3.CellId("o61", "total")]); // the 2021 rows are not in the trial format
        var rules = Reconciliation.Check(f, null, computedFromRecords: true, format: ReportFormat.Trial2019);
        Assert.Equal(RuleOutcome.Passed, rules.Single(r => r.Rule == "R2").Outcome);
        Assert.Equal(RuleOutcome.Passed, rules.Single(r => r.Rule == "R1").Outcome);

        // The same figures checked against the 2021 rows miss （六）: R2 fails there — the rule reads the format's rows.
        Assert.Contains(Reconciliation.Check(f, null, computedFromRecords: true, format: ReportFormat.National2021), r => r.Rule == "R2" && r.Outcome == RuleOutcome.Failed);
    }

    [Fact]
    public void R7_is_not_applicable_to_the_trial_format_and_its_amount_may_have_decimals()
    {
        var f = new ReportFigures(new Dictionary<string, decimal>
        {
            [TrialFormat2019.Item9.CellId("purchase", "amount")] = 12.5m,
            [TrialFormat2019.Item9.CellId("purchase", "items")] = 1.5m,
        });
        var rules = Reconciliation.Check(f, f, computedFromRecords: true, format: ReportFormat.Trial2019);
        Assert.Equal(RuleOutcome.NotApplicable, rules.Single(r => r.Rule == "R7").Outcome);
        var r8 = Assert.Single(rules, r => r.Rule == "R8" && r.Outcome == RuleOutcome.Failed);
        Assert.Equal([TrialFormat2019.Item9.CellId("purchase", "items")], r8.Cells);
        Assert.Contains("表二第二十条第（九）项“政府集中采购·采购项目数量”为1.5，应为非负整数", r8.Message);
    }
}
