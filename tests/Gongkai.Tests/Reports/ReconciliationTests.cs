using Gongkai.Reports.Annual;
using Gongkai.Requests.Applicants;

namespace Gongkai.Tests.Reports;

/// <summary>Every rule R1–R8 passing on consistent figures and failing, with its numbers and cells, when one figure is off.</summary>
public sealed class ReconciliationTests
{
    private static readonly ReportGrid T3 = NationalFormat2021.Table3;
    private static readonly ReportGrid T4 = NationalFormat2021.Table4;

    /// <summary>Consistent figures: column c has new = c+3, carried = 1, outcomes spread, out = 2.</summary>
    private static Dictionary<string, decimal> Consistent()
    {
        var cells = new Dictionary<string, decimal>();
        foreach (var (type, i) in NationalFormat2021.ApplicantColumns.Select((t, i) => (t, i)))
        {
            var c = NationalFormat2021.ColumnKey(type);
            cells[T3.CellId("new", c)] = i + 3;
            cells[T3.CellId("carried", c)] = 1;
            var closed = i + 3 + 1 - 2;
            foreach (var o in OutcomeRows.All)
            {
                cells[T3.CellId(o.Key, c)] = 0;
            }

            cells[T3.CellId(OutcomeRows.All[0].Key, c)] = closed - 1;
            cells[T3.CellId(OutcomeRows.All[^1].Key, c)] = 1;
            cells[T3.CellId("closed", c)] = closed;
            cells[T3.CellId("out", c)] = 2;
        }

        foreach (var row in T3.Rows)
        {
            cells[T3.CellId(row.Key, NationalFormat2021.TotalColumn)] = NationalFormat2021.ApplicantColumns.Sum(a => cells[T3.CellId(row.Key, NationalFormat2021.ColumnKey(a))]);
        }

        foreach (var (key, _) in NationalFormat2021.AppealGroups)
        {
            (cells[T4.CellId("all", $"{key}-upheld")], cells[T4.CellId("all", $"{key}-corrected")], cells[T4.CellId("all", $"{key}-other")], cells[T4.CellId("all", $"{key}-pending")]) = (3, 1, 1, 2);
            cells[T4.CellId("all", $"{key}-total")] = 7;
        }

        var g = NationalFormat2021.Item1;
        (cells[g.CellId("normative", "issued")], cells[g.CellId("normative", "repealed")], cells[g.CellId("normative", "valid")]) = (5, 2, 40);
        (cells[g.CellId("rules", "issued")], cells[g.CellId("rules", "repealed")], cells[g.CellId("rules", "valid")]) = (0, 0, 0);
        cells[NationalFormat2021.Item8.CellId("fees", "amount")] = 1.25m;
        return cells;
    }

    private static Dictionary<string, decimal> PreviousYear()
    {
        var cells = Consistent();
        foreach (var c in T3.Columns)
        {
            cells[T3.CellId("out", c.Key)] = c.Key == NationalFormat2021.TotalColumn ? 6 : 1; // = this year's 上年结转
        }

        cells[NationalFormat2021.Item1.CellId("normative", "valid")] = 37; // 37 + 5 − 2 = 40
        return cells;
    }

    private static IReadOnlyList<RuleResult> Check(Dictionary<string, decimal> cells, Dictionary<string, decimal>? previous = null) =>
        Reconciliation.Check(new ReportFigures(cells), previous is null ? new ReportFigures(PreviousYear()) : new ReportFigures(previous), computedFromRecords: true);

    private static List<RuleResult> Failed(IReadOnlyList<RuleResult> results, string rule) => results.Where(r => r.Rule == rule && r.Outcome == RuleOutcome.Failed).ToList();

    [Fact]
    public void Consistent_figures_pass_every_rule()
    {
        var results = Check(Consistent());
        Assert.Equal(["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"], results.Select(r => r.Rule).Distinct());
        Assert.All(results, r => Assert.Equal(RuleOutcome.Passed, r.Outcome));
    }

    [Fact]
    public void R1_fails_when_received_and_carried_do_not_equal_closed_and_carried_out()
    {
        var cells = Consistent();
        cells[T3.CellId("out", nameof(ApplicantType.ResearchInstitution))] = 3;
        cells[T3.CellId("out", NationalFormat2021.TotalColumn)] += 1;
        var failed = Failed(Check(cells), "R1");
        Assert.Equal(2, failed.Count);
        var f = failed[0];
        Assert.True(f.Hard);
        Assert.Equal("“科研机构”列：5＋1＝6，而4＋3＝7", f.Message);
        Assert.Equal("“总计”列：33＋6＝39，而27＋13＝40", failed[1].Message);
        Assert.Contains(T3.CellId("out", nameof(ApplicantType.ResearchInstitution)), f.Cells);
    }

    [Fact]
    public void R2_fails_when_the_total_row_is_not_the_sum_of_the_outcome_rows()
    {
        var cells = Consistent();
        cells[T3.CellId("o33", nameof(ApplicantType.NaturalPerson))] = 1;
        cells[T3.CellId("o33", NationalFormat2021.TotalColumn)] += 1;
        var failed = Failed(Check(cells), "R2");
        Assert.Equal(["“自然人”列：（七）总计为2，而（一）至（六）各行之和为3", "“总计”列：（七）总计为27，而（一）至（六）各行之和为28"], failed.Select(f => f.Message));
        Assert.Empty(Failed(Check(cells), "R1"));
    }

    [Fact]
    public void R3_fails_when_the_total_column_is_not_the_sum_of_the_applicant_columns()
    {
        var cells = Consistent();
        cells[T3.CellId("new", NationalFormat2021.TotalColumn)] = 40;
        var failed = Failed(Check(cells), "R3");
        var f = Assert.Single(failed);
        Assert.Equal("“一、本年新收政府信息公开申请数量”行：总计为40，而各申请人类型之和为33", f.Message);
    }

    [Fact]
    public void R4_fails_when_a_closed_request_has_no_outcome_and_is_not_applicable_to_imported_figures()
    {
        var f = Reconciliation.Check(new ReportFigures(Consistent()), null, computedFromRecords: true, closedWithoutOutcome: 2);
        Assert.Equal("有2件已办结申请没有办理结果，未计入任何一行", Assert.Single(Failed(f, "R4")).Message);
        Assert.Equal(RuleOutcome.NotApplicable, Reconciliation.Check(new ReportFigures(Consistent()), null, computedFromRecords: false).Single(r => r.Rule == "R4").Outcome);
    }

    [Fact]
    public void R5_fails_for_the_group_whose_total_is_wrong()
    {
        var cells = Consistent();
        cells[T4.CellId("all", "after-total")] = 8;
        var f = Assert.Single(Failed(Check(cells), "R5"));
        Assert.Equal("行政诉讼复议后起诉：总计为8，而3＋1＋1＋2＝7", f.Message);
    }

    [Fact]
    public void R6_warns_when_carried_in_differs_from_last_years_carried_out()
    {
        var previous = PreviousYear();
        previous[T3.CellId("out", nameof(ApplicantType.CommercialEnterprise))] = 4;
        var failed = Failed(Check(Consistent(), previous), "R6");
        var f = Assert.Single(failed);
        Assert.False(f.Hard);
        Assert.Equal("“商业企业”列：本年上年结转为1，上年结转下年度为4", f.Message);
        Assert.Equal(RuleOutcome.NotApplicable, Reconciliation.Check(new ReportFigures(Consistent()), null, true).Single(r => r.Rule == "R6").Outcome);
    }

    [Fact]
    public void R7_warns_when_valid_documents_do_not_follow_from_last_year()
    {
        var cells = Consistent();
        cells[NationalFormat2021.Item1.CellId("normative", "valid")] = 41;
        var f = Assert.Single(Failed(Check(cells), "R7"));
        Assert.False(f.Hard);
        Assert.Equal("“行政规范性文件”：上年现行有效37＋本年制发5－本年废止2＝40，而现行有效件数为41", f.Message);
    }

    [Fact]
    public void R8_fails_on_negative_or_fractional_counts_but_allows_a_fractional_fee()
    {
        var cells = Consistent();
        cells[NationalFormat2021.Item6.CellId("penalty", "decisions")] = -1;
        cells[NationalFormat2021.Item5.CellId("licensing", "decisions")] = 2.5m;
        var failed = Failed(Check(cells), "R8");
        Assert.Equal(2, failed.Count);
        Assert.Contains(failed, f => f.Message == "表二第二十条第（六）项“行政处罚·本年处理决定数量”为-1，应为非负整数");
        Assert.Contains(failed, f => f.Message == "表二第二十条第（五）项“行政许可·本年处理决定数量”为2.5，应为非负整数");
        cells = Consistent();
        cells[NationalFormat2021.Item8.CellId("fees", "amount")] = -0.5m;
        Assert.Equal("表二第二十条第（八）项“行政事业性收费·本年收费金额（单位：万元）”为-0.5，应为非负数", Assert.Single(Failed(Check(cells), "R8")).Message);
    }
}
