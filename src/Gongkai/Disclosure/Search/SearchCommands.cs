using Gongkai.Platform.Audit;
using Gongkai.Platform.Cli;

namespace Gongkai.Disclosure;

/// <summary><c>gongkai search reindex [--json]</c>: indexes every published document again.</summary>
internal static class SearchCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var verb = args.FirstOrDefault() ?? throw new CliError("缺少子命令：reindex。");
        if (verb != "reindex")
        {
            throw new CliError($"未知子命令 search {verb}。");
        }

        var a = new CliArguments(args[1..], new HashSet<string>(), new HashSet<string> { "json" });
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        var services = await ctx.ServicesAsync();
        services.GetRequiredService<CurrentActor>().ActAs("命令行（重建检索索引）");
        var count = await services.GetRequiredService<RebuildDocumentIndex>().HandleAsync();
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(new { documents = count });
        }
        else
        {
            await ctx.Out.WriteLineAsync($"已重建检索索引，共{count:N0}条政府信息。");
        }

        return 0;
    }
}
