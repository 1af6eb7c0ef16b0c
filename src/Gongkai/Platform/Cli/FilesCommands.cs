using Gongkai.Platform.Files;

namespace Gongkai.Platform.Cli;

/// <summary><c>gongkai files sweep [--dry-run] [--json]</c>: removes stored files no row refers to (older than an hour).</summary>
internal static class FilesCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        if (args.FirstOrDefault() != "sweep")
        {
            throw new CliError(args.Length == 0 ? "缺少子命令：sweep。" : $"未知子命令 files {args[0]}。");
        }

        var a = new CliArguments(args[1..], new HashSet<string>(), new HashSet<string> { "json", "dry-run" });
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        var services = await ctx.ServicesAsync();
        var result = await services.GetRequiredService<SweepFiles>().RunAsync(a.Has("dry-run"));
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(new
            {
                examined = result.Examined,
                kept = result.Kept,
                recovered = result.Recovered,
                removed = result.Removed,
                removedBytes = result.RemovedBytes,
                dryRun = result.DryRun,
            });
        }
        else
        {
            await ctx.Out.WriteLineAsync($"检查文件{result.Examined}个，{(result.DryRun ? "将删除" : "已删除")}无记录引用的文件{result.Removed.Count}个"
                + $"（{result.RemovedBytes}字节）{(result.Recovered > 0 ? $"，恢复已提交但未归位的文件{result.Recovered}个" : "")}。");
            foreach (var file in result.Removed)
            {
                await ctx.Out.WriteLineAsync("  " + file);
            }
        }

        return 0;
    }
}
