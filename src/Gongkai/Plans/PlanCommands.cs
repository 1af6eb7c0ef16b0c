using System.Globalization;
using Gongkai.Plans.Parsing;
using Gongkai.Platform.Cli;
using Gongkai.Platform.Data;

namespace Gongkai.Plans;

/// <summary><c>gongkai plan parse FILE [--json] [--year-end] [--year N] [--no-db]</c>: read a work plan without saving it.</summary>
internal static class PlanCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var verb = args.FirstOrDefault() ?? throw new CliError("缺少子命令：parse。");
        return verb switch
        {
            "parse" => await ParseAsync(new CliArguments(args[1..], new HashSet<string> { "year" }, new HashSet<string> { "json", "year-end", "no-db" }), ctx),
            _ => throw new CliError($"未知子命令 plan {verb}。"),
        };
    }

    private static async Task<int> ParseAsync(CliArguments a, CliContext ctx)
    {
        if (a.Positionals.Count != 1)
        {
            throw new CliError("请给出一个文件，例如 gongkai plan parse 工作要点.docx --json。");
        }

        var path = a.Positionals[0];
        if (!File.Exists(path))
        {
            throw new CliError($"找不到文件“{path}”。");
        }

        int? year = null;
        if (a.Value("year") is { } y)
        {
            year = int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1990 and <= 2100
                ? n : throw new CliError($"--year 应为1990到2100之间的年份，收到“{y}”。");
        }

        ParsedPlan plan;
        try
        {
            var text = PlanDocumentReader.Read(await File.ReadAllBytesAsync(path), Path.GetFileName(path));
            plan = PlanParser.Parse(text, new PlanParseOptions { MissingDeadlineIsYearEnd = a.Has("year-end"), Year = year });
        }
        catch (PlanParseException e)
        {
            throw new CliError(e.Message);
        }

        UnitDirectory? directory = null;
        if (!a.Has("no-db"))
        {
            var services = await ctx.ServicesAsync();
            directory = await UnitDirectory.LoadAsync(services.GetRequiredService<GongkaiDb>());
        }

        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(PlanJson.From(plan, directory));
            return 0;
        }

        await ctx.Out.WriteLineAsync($"{plan.Title}（{plan.Year?.ToString(CultureInfo.InvariantCulture) ?? "年度不详"}）：{plan.Tasks.Count} 项任务");
        foreach (var t in plan.Tasks)
        {
            var due = t.Deadline.Due is { } d ? Platform.ChineseDates.Iso(d) : t.Deadline.Kind.ToString();
            await ctx.Out.WriteLineAsync($"  {t.Number}. {Shorten(t.Text)} ｜牵头：{string.Join("、", t.LeadUnits)} ｜责任：{string.Join("、", t.ResponsibleUnits)} ｜{due}");
            foreach (var w in t.Warnings)
            {
                await ctx.Out.WriteLineAsync($"      ! {w}");
            }
        }

        foreach (var w in plan.Warnings)
        {
            await ctx.Out.WriteLineAsync("! " + w);
        }

        if (directory?.Unknown(plan.Tasks.SelectMany(t => t.AllUnits())) is { Count: > 0 } unknown)
        {
            await ctx.Out.WriteLineAsync("未对应到机关的单位：" + string.Join("、", unknown));
        }

        return 0;
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
