using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Cli;

namespace Gongkai.Disclosure.Demo;

/// <summary><c>gongkai demo generate --documents N [--seed S] [--batch B] [--json]</c>: fills the database with generated published documents.</summary>
internal static class DemoCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var verb = args.FirstOrDefault() ?? throw new CliError("缺少子命令：generate。");
        return verb switch
        {
            "generate" => await GenerateAsync(new CliArguments(args[1..], new HashSet<string> { "documents", "seed", "batch" }, new HashSet<string> { "json" }), ctx),
            _ => throw new CliError($"未知子命令 demo {verb}。"),
        };
    }

    private static async Task<int> GenerateAsync(CliArguments a, CliContext ctx)
    {
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        var text = a.Required("documents");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > DemoDocuments.MaxDocuments)
        {
            throw new CliError($"--documents 应为1到{DemoDocuments.MaxDocuments}之间的整数，收到“{text}”。");
        }

        var seed = 1;
        if (a.Value("seed") is { } s && !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
        {
            throw new CliError($"--seed 应为0到{int.MaxValue}之间的整数，收到“{s}”。");
        }

        var batch = DemoDocuments.DefaultBatchSize;
        if (a.Value("batch") is { } b && (!int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out batch) || batch is < 1 or > 50_000))
        {
            throw new CliError($"--batch 应为1到50000之间的整数，收到“{b}”。");
        }

        var services = await ctx.ServicesAsync();
        services.GetRequiredService<CurrentActor>().ActAs("命令行（演示数据）");
        var json = a.Has("json");
        var reported = 0;
        var progress = new Progress<int>(n =>
        {
            // Progress goes to stderr, about every tenth, for long runs only; stdout stays the result.
            if (!json && count >= 50_000 && n * 10L / count > reported * 10L / count)
            {
                ctx.Error.WriteLine($"已写入{n:N0}/{count:N0}条");
            }

            reported = n;
        });
        var result = await services.GetRequiredService<DemoDocuments>().GenerateAsync(count, seed, batch, progress);
        if (json)
        {
            await ctx.WriteJsonAsync(new
            {
                documents = result.Documents,
                sections = result.Sections,
                batches = result.Batches,
                seed = result.Seed,
                firstIndexNumber = result.FirstIndexNumber,
                lastIndexNumber = result.LastIndexNumber,
                elapsedMs = (long)result.Elapsed.TotalMilliseconds,
                documentsPerSecond = Math.Round(result.DocumentsPerSecond, 1),
            });
        }
        else
        {
            await ctx.Out.WriteLineAsync(
                $"已生成并发布演示信息{result.Documents:N0}条（种子{result.Seed}，索引号{result.FirstIndexNumber}至{result.LastIndexNumber}），" +
                $"检索分段{result.Sections:N0}个，用时{result.Elapsed.TotalSeconds:F1}秒，每秒{result.DocumentsPerSecond:N0}条。");
        }

        return 0;
    }
}
