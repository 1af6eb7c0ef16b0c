using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Jobs;

/// <summary><c>gongkai jobs list</c> and <c>gongkai jobs run</c>, as a real process against its own SQLite database.</summary>
public sealed class JobCommandTests : IDisposable
{
    private readonly CliProcess cli = new("gk-jobs-");

    [Fact]
    public async Task Jobs_run_runs_a_job_now_for_the_day_given_and_jobs_list_shows_it_done()
    {
        var (code, stdout, stderr) = await cli.RunAsync("jobs", "run", "reports.reminders", "--day", "2026-01-05", "--json");
        Assert.True(code == 0, stderr);
        using (var run = JsonDocument.Parse(stdout))
        {
            Assert.Equal("reports.reminders", run.RootElement.GetProperty("job").GetString());
            Assert.Equal("2026-01-05", run.RootElement.GetProperty("day").GetString());
            Assert.Equal("ok", run.RootElement.GetProperty("outcome").GetString());
            Assert.Equal("manual", run.RootElement.GetProperty("trigger").GetString());
            Assert.StartsWith("2025年度报告：待发布", run.RootElement.GetProperty("message").GetString());
        }

        var (listed, list, _) = await cli.RunAsync("jobs", "list", "--json");
        Assert.Equal(0, listed);
        using var jobs = JsonDocument.Parse(list);
        var names = jobs.RootElement.EnumerateArray().Select(j => j.GetProperty("name").GetString()).ToList();
        Assert.Equal(["disclosure.scheduled-publication", "plans.reminders", "platform.notifications", "reports.reminders", "requests.sweep"], names.Order(StringComparer.Ordinal));
        var reports = jobs.RootElement.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "reports.reminders");
        Assert.Equal("2026-01-05", reports.GetProperty("lastDoneDay").GetString());
        Assert.Equal("2026-01-05", reports.GetProperty("lastRun").GetProperty("day").GetString());

        var (text, plain, _) = await cli.RunAsync("jobs", "list");
        Assert.Equal(0, text);
        Assert.Contains("reports.reminders  政府信息公开工作年度报告发布提醒", plain);
        Assert.Contains("最近完成：2026年1月5日", plain);
    }

    [Theory]
    [InlineData("no.such-job", "没有名为“no.such-job”的任务")]
    [InlineData("reports.reminders --day 2026-13-01", "日期“2026-13-01”格式不正确")]
    public async Task A_mistake_is_refused_with_exit_code_2(string words, string message)
    {
        var (code, _, stderr) = await cli.RunAsync(["jobs", "run", .. words.Split(' ')]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }

    public void Dispose() => cli.Dispose();
}
