namespace Gongkai.Platform.Jobs;

/// <summary>Which district days a daily job still owes (docs/ARCHITECTURE.md §The job runner).</summary>
public static class JobDays
{
    /// <summary>
    /// The days to run, oldest first, given the last day done up to today: none when <paramref name="lastDone"/> is
    /// today; today alone for a <see cref="JobCatchUp.TodayOnly"/> job or one never run; otherwise each day after the last
    /// done, at most <paramref name="catchUpDays"/> days before today.
    /// </summary>
    public static IReadOnlyList<DateOnly> Owed(JobCatchUp catchUp, DateOnly today, DateOnly? lastDone, int catchUpDays)
    {
        if (lastDone >= today)
        {
            return [];
        }

        if (catchUp == JobCatchUp.TodayOnly || lastDone is not { } last)
        {
            return [today];
        }

        var first = last.AddDays(1);
        var oldest = today.AddDays(-Math.Max(0, catchUpDays));
        if (first < oldest)
        {
            first = oldest;
        }

        var days = new List<DateOnly>();
        for (var d = first; d <= today; d = d.AddDays(1))
        {
            days.Add(d);
        }

        return days;
    }
}
