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

    private static readonly Dictionary<string, Func<string[], CliContext, Task<int>>> Commands = new()
    {
        ["db"] = DbCommands.RunAsync,
        ["keys"] = KeyCommands.RunAsync,
        ["calendar"] = CalendarCommands.RunAsync,
        ["tokens"] = TokenCommands.RunAsync,
        ["files"] = FilesCommands.RunAsync,
        ["demo"] = Disclosure.Demo.DemoCommands.RunAsync,
        ["search"] = Search.SearchCommands.RunAsync,
        ["report"] = Reports.ReportCommands.RunAsync,
        ["plan"] = Plans.PlanCommands.RunAsync,
        ["help"] = (_, ctx) => Task.FromResult(Help(ctx.Out)),
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdout, stderr);
        try
        {
            return await Commands[args[0]](args[1..], context);
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
        o.WriteLine("""
            公开 Gongkai 管理命令

              gongkai db migrate                                   执行数据库迁移并载入基础数据
              gongkai db backup 文件 [--force] [--json]            SQLite 在线一致备份（含写前日志），主密钥写入“文件.key”；
                                                                   PostgreSQL 显示 pg_dump 用法
              gongkai db restore 文件 [--key 主密钥文件] [--force] [--json]
                                                                   检查完整性与主密钥后恢复 SQLite 数据库及主密钥（先停止服务）
              gongkai keys status [--json]                         主密钥来源与数据保护密钥概况
              gongkai keys rotate [--master] [--data] [--revoke-old] [--json]
                                                                   更换主密钥（重新加密密钥环）和/或数据保护密钥（重新加密
                                                                   全部个人信息字段）；--revoke-old 吊销旧密钥（用户需重新登录）
              gongkai calendar add --from yyyy-MM-dd --working-days N [--json]
                                                                   计算某日之后第 N 个工作日（起算日不计入）
              gongkai calendar is-working-day yyyy-MM-dd [--json]  判断某日是否为工作日
              gongkai tokens create --user 用户名 [--name 名称] [--days 有效天数] [--json]
                                                                   创建个人接口令牌（令牌只显示一次）
              gongkai tokens list [--user 用户名] [--json]         列出接口令牌
              gongkai tokens revoke 令牌编号                        吊销接口令牌
              gongkai files sweep [--dry-run] [--json]             删除文件库中无任何记录引用、一小时内未使用的文件
              gongkai search reindex [--only documents|interpretations] [--json]
                                                                   重建检索索引（政府信息、政策解读；升级后自动进行）
              gongkai plan parse 文件 [--json] [--year-end] [--year 年份] [--no-db]
                                                                   读取工作要点（.txt/.docx/有文字层的.pdf），列出任务、
                                                                   单位和完成时限（不保存）；--year-end 无时限的任务按年底计
              gongkai demo generate --documents N [--seed S] [--batch B] [--json]
                                                                   批量生成并发布 N 条演示信息（主动公开，含检索索引；
                                                                   N 为1到2000000，同一种子生成相同内容）
              gongkai report annual --year 2025 --organ 机关代码 --format json|html|pdf|xlsx [--out 文件]
                                                                   由记录生成某机关的政府信息公开工作年度报告（含R1—R8核对）
              gongkai report template --format 2021|2019|pre2019 --out 文件.xlsx
                                                                   生成某一格式的Excel导入模板
              gongkai report import --organ 机关代码 --year 年度 --file 文件 [--json]
                                                                   导入已公布的年度报告（2019年起：.xlsx模板、.pdf、.docx、
                                                                   UTF-8 .txt；以前年度：统计表模板），R1—R8核对作为提示

            主密钥：环境变量 GONGKAI_MASTER_KEY 或文件 Keys:MasterKeyFile（默认 data/master.key），与数据库分开备份。
            配置与网站相同：appsettings.json、环境变量（如 Database__Provider、ConnectionStrings__Gongkai）。
            """);
        return 0;
    }
}
