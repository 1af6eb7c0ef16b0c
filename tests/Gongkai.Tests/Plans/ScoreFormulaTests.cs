using Gongkai.Plans.Ledger;

namespace Gongkai.Tests.Plans;

/// <summary>The arithmetic of the per-organ score: weighted rates, parts with nothing to count left out with their weight.</summary>
public sealed class ScoreFormulaTests
{
    private static readonly ScoreWeights Default = new();

    [Fact]
    public void All_four_parts_weighted_by_the_configured_weights()
    {
        // 10 tasks, 4 done, 2 overdue; 20 documents due, 18 on time; 8 requests closed, 6 on time.
        var (completion, timeliness, disclosure, requests, score) = ScoreFormula.Compute(Default, new ScoreCounts(10, 4, 2, 20, 18, 8, 6));
        Assert.Equal(0.4, completion);
        Assert.Equal(0.8, timeliness);
        Assert.Equal(0.9, disclosure);
        Assert.Equal(0.75, requests);
        // (40×0.4 + 30×0.8 + 15×0.9 + 15×0.75) ÷ 100 × 100 = 16 + 24 + 13.5 + 11.25 = 64.75 → 64.8
        Assert.Equal(64.8, score);
    }

    [Fact]
    public void A_part_with_nothing_to_count_is_left_out_with_its_weight()
    {
        // No requests closed: (40×0.5 + 30×1 + 15×0.5) ÷ 85 × 100 = 57.5 ÷ 85 × 100 = 67.647… → 67.6
        var (_, _, _, requests, score) = ScoreFormula.Compute(Default, new ScoreCounts(2, 1, 0, 4, 2, 0, 0));
        Assert.Null(requests);
        Assert.Equal(67.6, score);

        // Only requests: the score is the on-time share.
        Assert.Equal(62.5, ScoreFormula.Compute(Default, new ScoreCounts(0, 0, 0, 0, 0, 8, 5)).Score);
        Assert.Null(ScoreFormula.Compute(Default, ScoreCounts.None).Score);
    }

    [Fact]
    public void Weights_come_from_configuration_and_a_zero_weight_drops_the_part()
    {
        var tasksOnly = new ScoreWeights { Completion = 60, Timeliness = 40, Disclosure = 0, Requests = 0 };
        // (60×0.25 + 40×0.5) ÷ 100 × 100 = 35; the poor disclosure record does not count.
        Assert.Equal(35, ScoreFormula.Compute(tasksOnly, new ScoreCounts(4, 1, 2, 10, 0, 0, 0)).Score);
        var disclosureHeavy = new ScoreWeights { Completion = 1, Timeliness = 1, Disclosure = 8, Requests = 0 };
        // (1×0.25 + 1×0.5 + 8×0) ÷ 10 × 100 = 7.5
        Assert.Equal(7.5, ScoreFormula.Compute(disclosureHeavy, new ScoreCounts(4, 1, 2, 10, 0, 0, 0)).Score);
        Assert.Equal("得分 = （60 × 任务完成率 + 40 × 任务按期率 + 0 × 主动公开及时率 + 0 × 依申请公开按期办结率）÷ 计入部分的权重之和 × 100", ScoreFormula.Text(tasksOnly));
    }
}
