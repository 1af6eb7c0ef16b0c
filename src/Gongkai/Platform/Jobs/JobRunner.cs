using System.Collections.Concurrent;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Jobs;

/// <summary>
/// Runs every registered <see cref="IDailyJob"/> once a district day: at start-up and at each tick
/// (<see cref="JobRunnerOptions.TickSeconds"/>) it runs the days a job still owes (<see cref="JobDays.Owed"/>), each under a
/// <see cref="JobGuard"/>, and records each run in <c>job_runs</c>. A failed run is recorded and retried at the next tick;
/// a job that repeats within the day runs again when its interval has passed. See docs/ARCHITECTURE.md §The job runner.
/// </summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes, IEnumerable<RegisteredJob> registered, TimeProvider clock, IOptions<JobRunnerOptions> options, ILogger<JobRunner> log)
    : BackgroundService
{
    public const string Actor = "每日巡检";
    private readonly JobRunnerOptions settings = options.Value;
    private readonly ConcurrentDictionary<Type, DateOnly> doneFor = [];
    private readonly ConcurrentDictionary<Type, DateTimeOffset> lastRunAt = [];
    private readonly ConcurrentDictionary<Type, SemaphoreSlim> running = [];

    public IReadOnlyList<RegisteredJob> Registered { get; } = registered.ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Each tick runs without waiting for the last one: a long sweep must not hold back a document due at 10:00.
        var inFlight = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.TickSeconds)), clock);
        try
        {
            do
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(TickAsync(stoppingToken));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            await Task.WhenAll(inFlight);
        }
    }

    /// <summary>
    /// One look at every automatic job, side by side: each runs what it owes unless it is still running from an earlier
    /// tick. Failures are recorded and logged, never thrown.
    /// </summary>
    public Task TickAsync(CancellationToken ct)
    {
        var today = ChineseDates.Today(clock);
        return Task.WhenAll(Registered.Where(j => j.Automatic).Select(j => TickAsync(j.JobType, today, ct)));
    }

    private async Task TickAsync(Type jobType, DateOnly today, CancellationToken ct)
    {
        var busy = running.GetOrAdd(jobType, _ => new SemaphoreSlim(1, 1));
        if (!await busy.WaitAsync(TimeSpan.Zero, CancellationToken.None))
        {
            return;
        }

        try
        {
            await RunOwedAsync(jobType, today, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Daily job {Job} could not be run", jobType.Name);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        finally
        {
            busy.Release();
        }
    }

    /// <summary>
    /// Runs a job now for a day (today when null), whatever its runs so far, waiting for another runner holding it.
    /// Returns null when no job has that name.
    /// </summary>
    public async Task<JobRun?> RunNowAsync(string name, DateOnly? day, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var job = Registered.Select(j => j.JobType).FirstOrDefault(t => ((IDailyJob)scope.ServiceProvider.GetRequiredService(t)).Name == name);
        return job is null ? null : await RunGuardedAsync(job, day ?? ChineseDates.Today(clock), "manual", wait: true, onlyIfOwed: false, recordQuiet: true, ct);
    }

    private async Task RunOwedAsync(Type jobType, DateOnly today, CancellationToken ct)
    {
        var (name, catchUp, repeat) = Describe(jobType);
        if (doneFor.GetValueOrDefault(jobType) == today)
        {
            if (repeat is { } every && clock.GetUtcNow() - lastRunAt[jobType] >= every)
            {
                lastRunAt[jobType] = clock.GetUtcNow();
                await RunGuardedAsync(jobType, today, "schedule", wait: false, onlyIfOwed: false, recordQuiet: false, ct);
            }

            return;
        }

        DateOnly? lastDone;
        using (var scope = scopes.CreateScope())
        {
            lastDone = await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Set<JobRun>()
                .Where(r => r.Job == name && r.Outcome == JobOutcome.Ok && r.Day <= today).MaxAsync(r => (DateOnly?)r.Day, ct);
        }

        foreach (var day in JobDays.Owed(catchUp, today, lastDone, settings.CatchUpDays))
        {
            var run = await RunGuardedAsync(jobType, day, "schedule", wait: false, onlyIfOwed: true, recordQuiet: true, ct);
            if (run is null)
            {
                // Another instance holds the job (or did the day): look again at the next tick.
                return;
            }

            if (run.Outcome == JobOutcome.Failed)
            {
                return;
            }
        }

        doneFor[jobType] = today;
        lastRunAt[jobType] = clock.GetUtcNow();
    }

    /// <summary>
    /// One guarded run. Null when another runner holds the job, or (<paramref name="onlyIfOwed"/>) the day is already done;
    /// a later run of a repeating job that did nothing is not recorded unless <paramref name="recordQuiet"/>.
    /// </summary>
    private async Task<JobRun?> RunGuardedAsync(Type jobType, DateOnly day, string trigger, bool wait, bool onlyIfOwed, bool recordQuiet, CancellationToken ct)
    {
        var name = Describe(jobType).Name;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        await using var guard = await JobGuard.EnterAsync(db, name, wait, ct);
        if (guard is null)
        {
            return null;
        }

        if (onlyIfOwed && await db.Set<JobRun>().AnyAsync(r => r.Job == name && r.Day == day && r.Outcome == JobOutcome.Ok, ct))
        {
            if (day == ChineseDates.Today(clock))
            {
                doneFor[jobType] = day;
                lastRunAt[jobType] = clock.GetUtcNow();
            }

            return null;
        }

        var run = new JobRun { Job = name, Day = day, StartedAt = clock.GetUtcNow(), Instance = settings.Instance, Trigger = trigger };
        try
        {
            using var work = scopes.CreateScope();
            work.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(Actor);
            run.Message = await ((IDailyJob)work.ServiceProvider.GetRequiredService(jobType)).RunAsync(day, ct);
            run.Outcome = JobOutcome.Ok;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Daily job {Job} failed for {Day}", name, day);
            run.Outcome = JobOutcome.Failed;
            run.Message = Shorten(e.Message);
        }

        run.FinishedAt = clock.GetUtcNow();
        if (run.Outcome == JobOutcome.Ok && run.Message is null && !recordQuiet)
        {
            await guard.CompleteAsync(ct);
            return run;
        }

        db.Set<JobRun>().Add(run);
        await db.SaveChangesAsync(ct);
        await guard.CompleteAsync(ct);
        return run;
    }

    private (string Name, JobCatchUp CatchUp, TimeSpan? Repeat) Describe(Type jobType)
    {
        using var scope = scopes.CreateScope();
        var job = (IDailyJob)scope.ServiceProvider.GetRequiredService(jobType);
        return (job.Name, job.CatchUp, job.RepeatEvery);
    }

    private static string Shorten(string message) => message.Length <= 2000 ? message : message[..2000];
}
