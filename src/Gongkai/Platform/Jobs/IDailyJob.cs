namespace Gongkai.Platform.Jobs;

/// <summary>Whether a daily job that did not run on some district days (the service was down) runs for each of them.</summary>
public enum JobCatchUp
{
    /// <summary>Only today: what the job does is computed from the present (a sweep, a list of what is due now).</summary>
    TodayOnly,

    /// <summary>Each missed day in order, oldest first, up to <see cref="JobRunnerOptions.CatchUpDays"/> days back.</summary>
    EachMissedDay,
}

/// <summary>
/// Work done once a district day (Beijing time) by <see cref="JobRunner"/>: at start-up and after each day boundary, on one
/// instance only, recorded in <c>job_runs</c>, runnable now with <c>gongkai jobs run</c> (docs/ARCHITECTURE.md §The job
/// runner). A module registers its job with <see cref="JobRegistration.AddDailyJob{TJob}"/>; the job is resolved in a
/// scope of its own for each run, acting as 每日巡检.
/// </summary>
public interface IDailyJob
{
    /// <summary>Stable name, module first (<c>requests.sweep</c>): the key of its runs and of the command line.</summary>
    string Name { get; }

    /// <summary>What administrators read on /admin/jobs, in Chinese.</summary>
    string Label { get; }

    JobCatchUp CatchUp => JobCatchUp.TodayOnly;

    /// <summary>
    /// For work that also becomes due during the day (a document scheduled for 10:00): after the day's run, the job runs again
    /// this often. Such later runs are recorded only when they fail or say they did something. Null: once a day.
    /// </summary>
    TimeSpan? RepeatEvery => null;

    /// <summary>Does the day's work and says in a few Chinese words what it did; null when there was nothing to do.</summary>
    Task<string?> RunAsync(DateOnly districtDay, CancellationToken ct);
}
