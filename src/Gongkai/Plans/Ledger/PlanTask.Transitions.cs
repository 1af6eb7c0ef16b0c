namespace Gongkai.Plans.Ledger;

/// <summary>
/// Following a task (docs/ARCHITECTURE.md §State lives in the aggregate): the only code that sets its status, percentage
/// and confirmation. 未开始 → 推进中 → 已报完成 → 已完成 (confirmed by the lead organ). The use case checks permissions and
/// input and explains refusals in Chinese; a move the task does not allow throws <see cref="InvalidOperationException"/>
/// here (a programming error, never bad input).
/// </summary>
public sealed partial class PlanTask
{
    /// <summary>
    /// A progress report: the task's percentage is the latest report's; a task not yet confirmed is 推进中, or 已报完成
    /// at 100%. A confirmed task stays done.
    /// </summary>
    public void ReportProgress(int percent, DateTimeOffset now)
    {
        if (percent is < 0 or > 100)
        {
            throw new InvalidOperationException($"Task {Id}: a percentage is 0 to 100, not {percent}.");
        }

        Percent = percent;
        if (Status != PlanTaskStatus.Done)
        {
            Status = percent >= 100 ? PlanTaskStatus.Reported : PlanTaskStatus.InProgress;
        }

        UpdatedAt = now;
    }

    /// <summary>The lead organ confirms the task done: 100%, with who and when.</summary>
    public void Confirm(string by, DateTimeOffset now)
    {
        if (Status == PlanTaskStatus.Done)
        {
            throw new InvalidOperationException($"Task {Id} is already confirmed done.");
        }

        (Status, Percent, ConfirmedAt, ConfirmedBy, UpdatedAt) = (PlanTaskStatus.Done, 100, now, by, now);
    }

    /// <summary>Test and benchmark rows written straight to the table: the status and percentage as given.</summary>
    internal PlanTask WithStoredState(PlanTaskStatus status, int percent = 0)
    {
        (Status, Percent) = (status, percent);
        return this;
    }
}
