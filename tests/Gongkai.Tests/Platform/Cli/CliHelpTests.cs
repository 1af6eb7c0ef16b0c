using Gongkai.Platform.Cli;

namespace Gongkai.Tests.Platform.Cli;

/// <summary>
/// The help is the command table, and the table gates what runs: a command cannot be runnable and missing from the help
/// (as `report template` and `report import` once were).
/// </summary>
public sealed class CliHelpTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliRunner.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Help_lists_every_command_of_the_table_with_its_usage()
    {
        var (code, help, _) = await RunAsync("help");
        Assert.Equal(0, code);
        foreach (var c in CliRunner.Commands.Where(c => c.Verb.Length > 0))
        {
            Assert.Contains($"gongkai {c.Group} {c.Verb}", help);
            Assert.Contains(c.Summary, help);
        }

        Assert.Contains("gongkai report template --format 2021|2019|pre2019", help);
        Assert.Contains("gongkai report import --organ", help);
        Assert.Contains("gongkai db backup", help);
        Assert.Contains("gongkai keys rotate", help);
        Assert.Contains("gongkai jobs run 任务名称 [--day yyyy-MM-dd]", help);
        Assert.Contains("gongkai jobs list", help);
    }

    [Theory]
    [InlineData("report", "publish", "未知命令 report publish")]
    [InlineData("db", "drop", "未知命令 db drop")]
    [InlineData("keys", "", "缺少子命令：status、rotate")]
    public async Task A_verb_not_in_the_table_is_refused_before_its_group_runs(string group, string verb, string message)
    {
        var (code, _, err) = await RunAsync(verb.Length == 0 ? [group] : [group, verb]);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
    }
}
