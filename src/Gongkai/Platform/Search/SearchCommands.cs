using Gongkai.Platform.Audit;
using Gongkai.Platform.Cli;

namespace Gongkai.Platform.Search;

/// <summary>
/// <c>gongkai search reindex [--only documents|interpretations] [--json]</c>: indexes every public record of each kind
/// (<see cref="IIndexedRecords"/>) again, or of one kind.
/// </summary>
internal static class SearchCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var verb = args.FirstOrDefault() ?? throw new CliError("缺少子命令：reindex。");
        if (verb != "reindex")
        {
            throw new CliError($"未知子命令 search {verb}。");
        }

        var a = new CliArguments(args[1..], new HashSet<string> { "only" }, new HashSet<string> { "json" });
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        var services = await ctx.ServicesAsync();
        var kinds = services.GetServices<IIndexedRecords>().ToList();
        if (a.Value("only") is { } only)
        {
            kinds = kinds.Where(k => k.Key == only).ToList();
            if (kinds.Count == 0)
            {
                throw new CliError($"--only 只能是 {string.Join("、", services.GetServices<IIndexedRecords>().Select(k => k.Key))} 之一，不能是“{only}”。");
            }
        }

        services.GetRequiredService<CurrentActor>().ActAs("命令行（重建检索索引）");
        var counts = new Dictionary<string, int>();
        foreach (var kind in kinds)
        {
            counts[kind.Key] = await kind.RebuildAsync();
            if (!a.Has("json"))
            {
                await ctx.Out.WriteLineAsync($"已重建检索索引，共{counts[kind.Key]:N0}条{kind.Label}。");
            }
        }

        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(counts);
        }

        return 0;
    }
}
