using Gongkai.Plans.Ledger;

namespace Gongkai.Tests.Plans;

/// <summary>Following a task as its methods (no database): reports and confirmation set their fields, others are refused.</summary>
public class PlanTaskAggregateTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);

    private static PlanTask Task() => new() { Number = "1", Text = "推进公共资源配置领域信息公开。" };

    private static object Fields(PlanTask t) => (t.Status, t.Percent, t.ConfirmedAt, t.ConfirmedBy, t.UpdatedAt);

    [Fact]
    public void Reports_move_the_task_on_and_the_lead_confirms_it_done()
    {
        var task = Task();
        Assert.Equal(PlanTaskStatus.NotStarted, task.Status);
        task.ReportProgress(40, Now);
        Assert.Equal((PlanTaskStatus.InProgress, 40, Now), (task.Status, task.Percent, task.UpdatedAt));
        task.ReportProgress(100, Now.AddDays(1));
        Assert.Equal((PlanTaskStatus.Reported, 100), (task.Status, task.Percent));
        task.ReportProgress(90, Now.AddDays(2));
        Assert.Equal((PlanTaskStatus.InProgress, 90), (task.Status, task.Percent));
        task.Confirm("区发展改革委", Now.AddDays(3));
        Assert.Equal((PlanTaskStatus.Done, 100, (DateTimeOffset?)Now.AddDays(3), "区发展改革委", Now.AddDays(3)), Fields(task));
        Assert.True(task.IsDone);
    }

    [Fact]
    public void A_report_on_a_confirmed_task_keeps_it_done()
    {
        var task = Task();
        task.Confirm("区发展改革委", Now);
        task.ReportProgress(80, Now.AddDays(1));
        Assert.Equal((PlanTaskStatus.Done, 80, (DateTimeOffset?)Now), (task.Status, task.Percent, task.ConfirmedAt));
    }

    [Fact]
    public void Confirming_twice_or_a_percentage_out_of_range_is_refused_and_changes_nothing()
    {
        var task = Task();
        task.ReportProgress(30, Now);
        var before = Fields(task);
        Assert.Throws<InvalidOperationException>(() => task.ReportProgress(101, Now.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => task.ReportProgress(-1, Now.AddDays(1)));
        Assert.Equal(before, Fields(task));
        task.Confirm("区发展改革委", Now.AddDays(2));
        before = Fields(task);
        Assert.Throws<InvalidOperationException>(() => task.Confirm("区财政局", Now.AddDays(3)));
        Assert.Equal(before, Fields(task));
    }
}
