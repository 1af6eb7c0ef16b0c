using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Platform.Calendar;

namespace Gongkai.Platform.Cli;

/// <summary>
/// The same executable as an admin command line: <c>gongkai &lt;command&gt;</c>. Commands print JSON with
/// <c>--json</c>; mistakes print a message to stderr and exit 2; other failures exit 1.
/// </summary>
public static class CliRunner
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Every command the executable runs: group, verb, usage and what it does. The help is this table, and a group's verb
    /// that is not in it is refused before the group sees it, so a command cannot be runnable yet missing from the help.
    /// </summary>
    internal static readonly IReadOnlyList<CliCommand> Commands =
    [
        new("db", "migrate", "", "执行数据库迁移并载入基础数据", DbCommands.RunAsync),
        new("db", "backup", "文件 [--force] [--json]", "SQLite 在线一致备份（含写前日志），主密钥写入“文件.key”；PostgreSQL 显示 pg_dump 用法", DbCommands.RunAsync),
        new("db", "restore", "文件 [--key 主密钥文件] [--force] [--json]", "检查完整性与主密钥后恢复 SQLite 数据库及主密钥（先停止服务）", DbCommands.RunAsync),
        new("keys", "status", "[--json]", "主密钥来源与数据保护密钥概况", KeyCommands.RunAsync),
        new("keys", "rotate", "[--master] [--data] [--revoke-old] [--json]",
            "更换主密钥（重新加密密钥环）和/或数据保护密钥（重新加密全部个人信息字段）；--revoke-old 吊销旧密钥（用户需重新登录）", KeyCommands.RunAsync),
        new("calendar", "add", "--from yyyy-MM-dd --working-days N [--json]", "计算某日之后第 N 个工作日（起算日不计入）", CalendarCommands.RunAsync),
        new("calendar", "is-working-day", "yyyy-MM-dd [--json]", "判断某日是否为工作日", CalendarCommands.RunAsync),
        new("tokens", "create", "--user 用户名 [--name 名称] [--days 有效天数] [--json]", "创建个人接口令牌（令牌只显示一次）", TokenCommands.RunAsync),
        new("tokens", "list", "[--user 用户名] [--json]", "列出接口令牌", TokenCommands.RunAsync),
        new("tokens", "revoke", "令牌编号", "吊销接口令牌", TokenCommands.RunAsync),
        new("files", "sweep", "[--dry-run] [--json]", "删除文件库中无任何记录引用、一小时内未使用的文件；恢复已提交但未归位的文件", FilesCommands.RunAsync),
        new("jobs", "list", "[--json]", "列出每日任务（定时发布、巡检、提醒等）及最近运行情况", JobCommands.RunAsync),
        new("jobs", "run", "任务名称 [--day yyyy-MM-dd] [--json]", "立即运行某项每日任务（默认当日，可指定区日期），运行记录写入任务记录", JobCommands.RunAsync),
        new("search", "reindex", "[--only documents|interpretations] [--json]", "重建检索索引（政府信息、政策解读；升级后自动进行）", Search.SearchCommands.RunAsync),
        new("plan", "parse", "文件 [--json] [--year-end] [--year 年份] [--no-db]",
            "读取工作要点（.txt/.docx/有文字层的.pdf），列出任务、单位和完成时限（不保存）；--year-end 无时限的任务按年底计", Plans.PlanCommands.RunAsync),
        new("demo", "generate", "--documents N [--seed S] [--batch B] [--json]",
            "批量生成并发布 N 条演示信息（主动公开，含检索索引；N 为1到2000000，同一种子生成相同内容）", Disclosure.Demo.DemoCommands.RunAsync),
        new("report", "annual", "--year 2025 --organ 机关代码 --format json|html|pdf|xlsx [--out 文件]",
            "由记录生成某机关的政府信息公开工作年度报告（含R1—R8核对）", Reports.ReportCommands.RunAsync),
        new("report", "template", "--format 2021|2019|pre2019 --out 文件.xlsx", "生成某一格式的Excel导入模板", Reports.ReportCommands.RunAsync),
        new("report", "import", "--organ 机关代码 --year 年度 --file 文件 [--json]",
            "导入已公布的年度报告（2019年起：.xlsx模板、.pdf、.docx、UTF-8 .txt；以前年度：统计表模板），R1—R8核对作为提示", Reports.ReportCommands.RunAsync),
        new("help", "", "", "显示本说明", (_, ctx) => Task.FromResult(Help(ctx.Out))),
    ];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Any(c => c.Group == args[0]);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdout, stderr);
        try
        {
            var verb = args.Length > 1 ? args[1] : "";
            var command = Commands.FirstOrDefault(c => c.Group == args[0] && (c.Verb == verb || c.Verb.Length == 0))
                ?? throw new CliError(verb.Length == 0
                    ? $"缺少子命令：{string.Join("、", Commands.Where(c => c.Group == args[0]).Select(c => c.Verb))}。"
                    : $"未知命令 {args[0]} {verb}。");
            return await command.Run(args[1..], context);
        }
        catch (CliError e)
        {
            await stderr.WriteLineAsync($"错误：{e.Message}");
            await stderr.WriteLineAsync("用法见 gongkai help。");
            return 2;
        }
        catch (ValidationFailure e)
        {
            await stderr.WriteLineAsync($"错误：{e.Message}");
            return 2;
        }
        catch (CalendarRangeException e)
        {
            await stderr.WriteLineAsync($"错误：{e.Message}");
            return 2;
        }
        catch (Keys.KeyRingException e)
        {
            await stderr.WriteLineAsync($"错误：{e.Message}");
            return 1;
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    private static int Help(TextWriter o)
    {
        o.WriteLine("公开 Gongkai 管理命令");
        o.WriteLine();
        foreach (var c in Commands.Where(c => c.Verb.Length > 0))
        {
            o.WriteLine($"  gongkai {c.Group} {c.Verb}{(c.Usage.Length > 0 ? " " + c.Usage : "")}");
            o.WriteLine($"      {c.Summary}");
        }

        o.WriteLine();
        o.WriteLine("主密钥：环境变量 GONGKAI_MASTER_KEY 或文件 Keys:MasterKeyFile（默认 data/master.key），与数据库分开备份。");
        o.WriteLine("配置与网站相同：appsettings.json、环境变量（如 Database__Provider、ConnectionStrings__Gongkai）。");
        return 0;
    }
}

/// <summary>One command of the command line: <c>gongkai {Group} {Verb} {Usage}</c>; <see cref="Run"/> receives the verb and what follows.</summary>
internal sealed record CliCommand(string Group, string Verb, string Usage, string Summary, Func<string[], CliContext, Task<int>> Run);
