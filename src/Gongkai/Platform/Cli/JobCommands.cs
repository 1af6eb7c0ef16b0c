using Gongkai.Platform.Jobs;

namespace Gongkai.Platform.Cli;

/// <summary><c>gongkai jobs list</c> and <c>gongkai jobs run 名称 [--day yyyy-MM-dd]</c> (docs/ARCHITECTURE.md §The job runner).</summary>
internal static class JobCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx) => args.FirstOrDefault() switch
    {
        "list" => await ListAsync(new CliArguments(args[1..], new HashSet<string>(), new HashSet<string> { "json" }), ctx),
        "run" => await RunNowAsync(new CliArguments(args[1..], new HashSet<string> { "day" }, new HashSet<string> { "json" }), ctx),
        _ => throw new CliError(args.Length == 0 ? "缺少子命令：list、run。" : $"未知子命令 jobs {args[0]}。"),
    };

    private static async Task<int> ListAsync(CliArguments a, CliContext ctx)
    {
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        var services = await ctx.ServicesAsync();
        var jobs = await services.GetRequiredService<JobHistory>().ListAsync(CancellationToken.None);
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(jobs.Select(j => new
            {
                name = j.Name,
                label = j.Label,
                automatic = j.Automatic,
                catchUp = j.CatchUp == JobCatchUp.EachMissedDay,
                lastDoneDay = j.LastDoneDay is { } d ? ChineseDates.Iso(d) : null,
                failuresIn30Days = j.FailuresIn30Days,
                lastRun = j.LastRuns.FirstOrDefault() is { } r ? Json(r) : null,
            }));
            return 0;
        }

        foreach (var j in jobs)
        {
            await ctx.Out.WriteLineAsync($"{j.Name}  {j.Label}");
            await ctx.Out.WriteLineAsync($"    {JobHistory.HowItRuns(j)}；最近完成：{(j.LastDoneDay is { } d ? ChineseDates.Long(d) : "无")}；近30日失败{j.FailuresIn30Days}次");
        }

        return 0;
    }

    private static async Task<int> RunNowAsync(CliArguments a, CliContext ctx)
    {
        if (a.Positionals.Count != 1)
        {
            throw new CliError(a.Positionals.Count == 0 ? "缺少任务名称（见 gongkai jobs list）。" : $"多余的参数“{a.Positionals[1]}”。");
        }

        DateOnly? day = null;
        if (a.Value("day") is { } text)
        {
            day = ChineseDates.TryParseIso(text, out var parsed) ? parsed : throw new CliError($"日期“{text}”格式不正确，应为 yyyy-MM-dd。");
        }

        var services = await ctx.ServicesAsync();
        var run = await services.GetRequiredService<JobRunner>().RunNowAsync(a.Positionals[0], day, CancellationToken.None)
            ?? throw new CliError($"没有名为“{a.Positionals[0]}”的任务（见 gongkai jobs list）。");
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(Json(run));
        }
        else
        {
            await ctx.Out.WriteLineAsync($"{run.Job}（{ChineseDates.Long(run.Day)}）：{JobHistory.Outcome(run.Outcome)}。{run.Message}");
        }

        return run.Outcome == JobOutcome.Ok ? 0 : 1;
    }

    private static object Json(JobRun r) => new
    {
        job = r.Job,
        day = ChineseDates.Iso(r.Day),
        startedAt = r.StartedAt,
        finishedAt = r.FinishedAt,
        outcome = r.Outcome == JobOutcome.Ok ? "ok" : "failed",
        message = r.Message,
        instance = r.Instance,
        trigger = r.Trigger,
    };
}
