using System.Net;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongkai.Tests.Platform.Jobs;

/// <summary>
/// The daily-job runner on each database: once per district day however many runners tick, a failure recorded and retried,
/// missed days caught up, runs listed for the system administrator. Each test uses days of its own year.
/// </summary>
public abstract class JobRunnerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IJobsApp
{
    private JobRunner Runner(string instance) =>
        ActivatorUtilities.CreateInstance<JobRunner>(app.Services, Options.Create(new JobRunnerOptions { Instance = instance, CatchUpDays = 31 }));

    private Task<List<JobRun>> RunsAsync(string job, int year) =>
        app.WithDbAsync(db => db.Set<JobRun>().AsNoTracking().Where(r => r.Job == job && r.Day >= new DateOnly(year, 1, 1) && r.Day <= new DateOnly(year, 12, 31))
            .OrderBy(r => r.StartedAt).ToListAsync());

    [Fact]
    public async Task Two_runners_ticking_together_run_a_job_once_per_district_day()
    {
        app.Clock.SetDay("2031-03-02");
        var first = Runner("节点一");
        var second = Runner("节点二");

        await Task.WhenAll(first.TickAsync(CancellationToken.None), second.TickAsync(CancellationToken.None));
        await Task.WhenAll(first.TickAsync(CancellationToken.None), second.TickAsync(CancellationToken.None));
        // A third instance started later the same day finds the day done.
        await Runner("节点三").TickAsync(CancellationToken.None);

        Assert.Equal([new DateOnly(2031, 3, 2)], app.Probe.DaysOf(CountingJob.JobName).Where(d => d.Year == 2031));
        var run = Assert.Single(await RunsAsync(CountingJob.JobName, 2031));
        Assert.Equal(JobOutcome.Ok, run.Outcome);
        Assert.Equal("已计数2031-03-02", run.Message);
        Assert.Contains(run.Instance, new[] { "节点一", "节点二" });

        // Past Beijing midnight (16:00 UTC) the next district day is owed: once again.
        app.Clock.Now = new DateTimeOffset(2031, 3, 2, 16, 0, 30, TimeSpan.Zero);
        await Task.WhenAll(first.TickAsync(CancellationToken.None), second.TickAsync(CancellationToken.None));
        Assert.Equal([new DateOnly(2031, 3, 2), new DateOnly(2031, 3, 3)], app.Probe.DaysOf(CountingJob.JobName).Where(d => d.Year == 2031));
        Assert.Equal(2, (await RunsAsync(CountingJob.JobName, 2031)).Count);
    }

    [Fact]
    public async Task A_failed_run_is_recorded_and_retried_at_the_next_tick()
    {
        app.Clock.SetDay("2032-05-10");
        var runner = Runner("节点一");
        app.Probe.FailuresToCome = 1;

        await runner.TickAsync(CancellationToken.None);
        var failed = Assert.Single(await RunsAsync(CountingJob.JobName, 2032));
        Assert.Equal(JobOutcome.Failed, failed.Outcome);
        Assert.Equal("测试故障：数据库暂不可用", failed.Message);
        Assert.DoesNotContain(app.Probe.DaysOf(CountingJob.JobName), d => d.Year == 2032);

        await runner.TickAsync(CancellationToken.None);
        var runs = await RunsAsync(CountingJob.JobName, 2032);
        Assert.Equal([JobOutcome.Failed, JobOutcome.Ok], runs.Select(r => r.Outcome));
        Assert.Equal([new DateOnly(2032, 5, 10)], app.Probe.DaysOf(CountingJob.JobName).Where(d => d.Year == 2032));

        await runner.TickAsync(CancellationToken.None);
        Assert.Equal(2, (await RunsAsync(CountingJob.JobName, 2032)).Count);
    }

    [Fact]
    public async Task After_a_gap_of_days_a_catching_up_job_runs_each_missed_day_and_a_today_only_job_only_today()
    {
        // The latest days of all the tests: what the other tests ran lies before them.
        var from = new DateOnly(2040, 6, 1);
        app.Clock.SetDay("2040-06-01");
        await Runner("节点一").TickAsync(CancellationToken.None);
        Assert.Contains(from, app.Probe.DaysOf(CatchingUpJob.JobName));
        Assert.Contains(from, app.Probe.DaysOf(CountingJob.JobName));

        // Down from 2 to 4 June; a new instance starts on the 5th.
        app.Clock.SetDay("2040-06-05");
        await Runner("节点二").TickAsync(CancellationToken.None);

        Assert.Equal(
            [from, from.AddDays(1), from.AddDays(2), from.AddDays(3), from.AddDays(4)],
            app.Probe.DaysOf(CatchingUpJob.JobName).Where(d => d >= from));
        Assert.Equal([from, from.AddDays(4)], app.Probe.DaysOf(CountingJob.JobName).Where(d => d >= from));
        var caughtUp = (await RunsAsync(CatchingUpJob.JobName, 2040)).Where(r => r.Day >= from).ToList();
        Assert.Equal(5, caughtUp.Count);
        Assert.All(caughtUp, r => Assert.Equal(JobOutcome.Ok, r.Outcome));
        Assert.Equal(["节点一", "节点二", "节点二", "节点二", "节点二"], caughtUp.OrderBy(r => r.Day).Select(r => r.Instance));
    }

    [Fact]
    public async Task A_job_runs_now_for_a_given_day_whatever_its_runs_and_an_unknown_name_is_not_found()
    {
        app.Clock.SetDay("2034-02-01");
        var runner = app.Services.GetRequiredService<JobRunner>();

        var run = await runner.RunNowAsync(CountingJob.JobName, new DateOnly(2034, 1, 15), CancellationToken.None);
        var again = await runner.RunNowAsync(CountingJob.JobName, new DateOnly(2034, 1, 15), CancellationToken.None);

        Assert.Equal(JobOutcome.Ok, run!.Outcome);
        Assert.Equal("manual", again!.Trigger);
        Assert.Equal([new DateOnly(2034, 1, 15), new DateOnly(2034, 1, 15)], app.Probe.DaysOf(CountingJob.JobName).Where(d => d.Year == 2034));
        Assert.Equal(2, (await RunsAsync(CountingJob.JobName, 2034)).Count);
        Assert.Null(await runner.RunNowAsync("no.such-job", null, CancellationToken.None));
    }

    [Fact]
    public async Task The_module_jobs_run_on_the_runner_and_are_recorded()
    {
        // A day the loaded working-day calendar covers.
        app.Clock.SetDay("2026-01-06");
        var runner = app.Services.GetRequiredService<JobRunner>();
        foreach (var name in new[] { "requests.sweep", "plans.reminders", "reports.reminders", "disclosure.scheduled-publication" })
        {
            var run = await runner.RunNowAsync(name, null, CancellationToken.None);
            Assert.True(run is { Outcome: JobOutcome.Ok }, $"{name}: {run?.Message}");
        }

        var report = Assert.Single(await RunsAsync("reports.reminders", 2026));
        Assert.StartsWith("2025年度报告：", report.Message);
        Assert.StartsWith("检查", Assert.Single(await RunsAsync("requests.sweep", 2026)).Message);
    }

    [Fact]
    public async Task The_jobs_page_lists_each_job_its_runs_and_failures_for_the_system_administrator_only()
    {
        app.Clock.SetDay("2036-04-01");
        app.Probe.FailuresToCome = 1;
        await Runner("节点甲").TickAsync(CancellationToken.None);
        await Runner("节点乙").TickAsync(CancellationToken.None);

        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var html = (await admin.GetStringAsync("/admin/jobs")).Text();
        Assert.Contains("<h1>每日任务</h1>", html);
        foreach (var label in new[] { "测试：每日计数", "测试：逐日补运行", "依申请公开每日巡检（答复期限、逾期与提醒）", "工作要点任务催办提醒", "政府信息公开工作年度报告发布提醒", "政府信息定时发布" })
        {
            Assert.Contains(label, html);
        }

        Assert.Contains("测试故障：数据库暂不可用", html);
        Assert.Contains("已计数2036-04-01", html);
        Assert.Contains("节点乙", html);
        Assert.Contains("<caption>最近", html);
        Assert.Contains("仅手动运行（自动运行已关闭）", html);

        var organ = await app.OrganAsync("区财政局");
        await app.StaffAsync("jobs-office", "Jobs-pass-2026", (StaffRole.OpennessOffice, null), (StaffRole.DepartmentAdministrator, organ.Id));
        var office = app.Browser();
        await office.SignInOkAsync("jobs-office", "Jobs-pass-2026");
        var refused = await office.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.ToString());
        var anonymous = await app.Browser().GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());
    }
}

public sealed class JobRunnerTests_Sqlite(JobsSqliteApp app) : JobRunnerTests<JobsSqliteApp>(app);

public sealed class JobRunnerTests_Postgres(JobsPostgresApp app) : JobRunnerTests<JobsPostgresApp>(app);
