using System.Globalization;
using Gongkai.Platform.Cli;
using Gongkai.Reports.Annual;

namespace Gongkai.Reports;

/// <summary>
/// <c>gongkai report annual --year 2025 --organ CODE --format json|html|pdf|xlsx [--out FILE]</c>: an organ's annual
/// report computed from the records (2019 and 2020 in the 2019 trial format, 2021 on in the 2021 format; a year before
/// 2019 prints its imported statistics table); JSON and HTML go to stdout unless <c>--out</c> is given, PDF and Excel need it.
/// </summary>
internal static class ReportCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var verb = args.FirstOrDefault() ?? throw new CliError("缺少子命令：annual、template 或 import。");
        switch (verb)
        {
            case "template":
                return await TemplateAsync(args[1..], ctx);
            case "import":
                return await ImportAsync(args[1..], ctx);
            case "annual":
                break;
            default:
                throw new CliError($"未知子命令 report {verb}。");
        }

        var a = new CliArguments(args[1..], new HashSet<string> { "year", "organ", "format", "out" }, new HashSet<string>());
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        if (!int.TryParse(a.Required("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw new CliError($"年度“{a.Value("year")}”不是有效的年份。");
        }

        var formatText = a.Value("format") ?? "json";
        if (!ReportFiles.TryParse(formatText, out var format))
        {
            throw new CliError($"不支持的格式“{formatText}”，可选：json、html、pdf、xlsx。");
        }

        var output = a.Value("out");
        if (output is null && format is ReportFileKind.Pdf or ReportFileKind.Xlsx)
        {
            throw new CliError("PDF 和 Excel 格式须用 --out 指定输出文件。");
        }

        var services = await ctx.ServicesAsync();
        var compute = services.GetRequiredService<ComputeAnnualReport>();
        var organ = await compute.OrganAsync(a.Required("organ"));
        if (year < ReportFormat.FirstYear)
        {
            // Before 2019: the imported statistics table of that year (JSON or HTML).
            var table = Legacy.LegacyReports.File(await services.GetRequiredService<Legacy.LegacyReports>().LoadAsync(organ.Id, year), format);
            if (output is null)
            {
                await ctx.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(table.Content));
            }
            else
            {
                await File.WriteAllBytesAsync(output, table.Content);
                await ctx.Out.WriteLineAsync($"已生成{organ.FullName}{year}年政府信息公开情况统计表：{output}（{table.Content.Length:N0}字节）。");
            }

            return 0;
        }

        var view = await compute.ComputeAsync(organ.Id, year);
        var file = services.GetRequiredService<ReportFiles>().Produce(view, format);
        if (output is null)
        {
            await ctx.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(file.Content));
        }
        else
        {
            await File.WriteAllBytesAsync(output, file.Content);
            var failing = view.Rules.Count(r => r.Outcome == RuleOutcome.Failed);
            await ctx.Out.WriteLineAsync($"已生成{ReportDocument.Title(view)}：{output}（{file.Content.Length:N0}字节；核对未通过{failing}项）。");
        }

        return 0;
    }

    private static async Task<int> TemplateAsync(string[] args, CliContext ctx)
    {
        var a = new CliArguments(args, new HashSet<string> { "format", "out" }, new HashSet<string>());
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        var id = a.Value("format") ?? Legacy.Pre2019Format.Id;
        var output = a.Required("out");
        byte[] template;
        string name;
        if (id == Legacy.Pre2019Format.Id)
        {
            (template, name) = (Legacy.ImportReport.Template(), Legacy.Pre2019Format.Name);
        }
        else if (ReportFormat.All.FirstOrDefault(f => f.Id == id) is { } format)
        {
            (template, name) = (Imports.ReportWorkbook.Template(format), $"{format.Name}格式（{(format == ReportFormat.Trial2019 ? "2019、2020年度" : "2021年度起")}）");
        }
        else
        {
            throw new CliError($"未知的格式“{id}”，可选：2021（国办公开办函〔2021〕30号）、2019（国办公开办函〔2019〕60号）、pre2019（{Legacy.Pre2019Format.Name}）。");
        }

        await File.WriteAllBytesAsync(output, template);
        await ctx.Out.WriteLineAsync($"已生成{name}的导入模板：{output}");
        return 0;
    }

    private static object Check(RuleResult r) => new { rule = r.Rule, hard = r.Hard, outcome = r.Outcome.ToString(), message = r.Message, cells = r.Cells };

    /// <summary>
    /// <c>report import --organ CODE --year Y --file F [--json]</c>: before 2019 the filled statistics-table template
    /// (.xlsx); 2019 on the year's format from its Excel template or the published report (.pdf, .docx, UTF-8 .txt).
    /// Failing rules are warnings (the figures are as published), listed with their messages in <c>checks</c>.
    /// </summary>
    private static async Task<int> ImportAsync(string[] args, CliContext ctx)
    {
        var a = new CliArguments(args, new HashSet<string> { "organ", "year", "file" }, new HashSet<string> { "json" });
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        if (!int.TryParse(a.Required("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw new CliError($"年度“{a.Value("year")}”不是有效的年份。");
        }

        var path = a.Required("file");
        if (!File.Exists(path))
        {
            throw new CliError($"文件“{path}”不存在。");
        }

        var services = await ctx.ServicesAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        if (year < ReportFormat.FirstYear)
        {
            var (_, figures) = await services.GetRequiredService<Legacy.ImportReport>().HandleAsync(a.Required("organ"), year, bytes);
            var warnings = figures.Warnings.ToList();
            if (a.Has("json"))
            {
                await ctx.WriteJsonAsync(new
                {
                    imported = figures.Values.Count,
                    format = Legacy.Pre2019Format.Name,
                    warnings = warnings.Select(w => new { rule = w.Rule, message = w.Message }),
                    checks = figures.Checks.Select(Check),
                });
            }
            else
            {
                await ctx.Out.WriteLineAsync($"已导入{year}年度统计表{figures.Values.Count}项。");
                foreach (var w in warnings)
                {
                    await ctx.Out.WriteLineAsync($"不一致（{w.Rule}）：{w.Message}");
                }
            }

            return 0;
        }

        var (_, report) = await services.GetRequiredService<Imports.ImportPublishedReport>().HandleAsync(a.Required("organ"), year, bytes);
        var failed = report.Warnings.ToList();
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(new
            {
                imported = report.Cells.Count,
                format = report.Format.Name,
                source = Imports.ImportPublishedReport.SourceName(report.Source),
                warnings = failed.Select(w => new { rule = w.Rule, message = w.Message }),
                checks = report.Checks.Select(Check),
            });
        }
        else
        {
            await ctx.Out.WriteLineAsync($"已导入{year}年度年度报告（{report.Format.Name}格式，{Imports.ImportPublishedReport.SourceName(report.Source)}）{report.Cells.Count}项。");
            foreach (var w in failed)
            {
                await ctx.Out.WriteLineAsync($"核对未通过（{w.Rule}，提示）：{w.Message}");
            }
        }

        return 0;
    }
}
