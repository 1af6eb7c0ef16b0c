using Gongkai.Platform.Data;
using Gongkai.Platform.Keys;

namespace Gongkai.Platform.Cli;

/// <summary>
/// <c>gongkai db migrate|backup|restore</c>: applies migrations and loads the shipped calendar and demo organisation;
/// backs up and restores the SQLite database with its master key (on PostgreSQL: says how with pg_dump/pg_restore).
/// </summary>
internal static class DbCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var verb = args.FirstOrDefault() ?? throw new CliError("缺少子命令：migrate、backup 或 restore。");
        var rest = args[1..];
        return verb switch
        {
            "migrate" => await MigrateAsync(new CliArguments(rest, new HashSet<string>(), new HashSet<string> { "json" }), ctx),
            "backup" => await BackupAsync(new CliArguments(rest, new HashSet<string>(), new HashSet<string> { "json", "force" }), ctx),
            "restore" => await RestoreAsync(new CliArguments(rest, new HashSet<string> { "key" }, new HashSet<string> { "json", "force" }), ctx),
            _ => throw new CliError($"未知子命令 db {verb}。"),
        };
    }

    private static async Task<int> MigrateAsync(CliArguments a, CliContext ctx)
    {
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        var services = await ctx.ServicesAsync();
        var db = services.GetRequiredService<GongkaiDb>();
        var applied = (await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetAppliedMigrationsAsync(db.Database)).ToList();
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(new { provider = db.Database.ProviderName, migrations = applied });
        }
        else
        {
            await ctx.Out.WriteLineAsync($"数据库已是最新（{db.Database.ProviderName}），共{applied.Count}个迁移。");
        }

        return 0;
    }

    private static async Task<int> BackupAsync(CliArguments a, CliContext ctx)
    {
        var file = OneFile(a, "gongkai db backup 备份文件，例如 gongkai db backup /backup/gongkai-20261207.db");
        var configuration = ctx.Configuration();
        var keys = new MasterKeys(configuration);
        if (DatabaseSetup.ProviderName(configuration) == DatabaseSetup.Postgres)
        {
            await PostgresAdviceAsync(ctx, keys, backup: true);
            return 0;
        }

        var done = await SqliteBackup.BackupAsync(DatabaseSetup.SqliteConnectionString(configuration), keys, file, a.Has("force"));
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(done);
        }
        else
        {
            await ctx.Out.WriteLineAsync($"已备份到 {done.File}（{Files.FileSizes.Text(done.Bytes)}，含写前日志中的全部已提交数据，已通过完整性检查）。");
            await ctx.Out.WriteLineAsync($"主密钥已写入 {done.KeyFile}（仅所有者可读写）：没有它无法解密备份中的个人信息。请与备份文件分开保存（不同介质或保管人）。");
        }

        return 0;
    }

    private static async Task<int> RestoreAsync(CliArguments a, CliContext ctx)
    {
        var file = OneFile(a, "gongkai db restore 备份文件 [--key 主密钥文件] [--force]");
        var configuration = ctx.Configuration();
        var keys = new MasterKeys(configuration);
        if (DatabaseSetup.ProviderName(configuration) == DatabaseSetup.Postgres)
        {
            await PostgresAdviceAsync(ctx, keys, backup: false);
            return 0;
        }

        var done = await SqliteBackup.RestoreAsync(file, a.Value("key"), DatabaseSetup.SqliteConnectionString(configuration), keys, a.Has("force"));
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(done);
        }
        else
        {
            await ctx.Out.WriteLineAsync($"已恢复到 {done.Database}（{Files.FileSizes.Text(done.Bytes)}，通过完整性检查，主密钥可解开全部{done.Keys}个数据保护密钥）。"
                + (done.KeyFile is null ? "" : $"主密钥已放到 {done.KeyFile}。") + "现在可以启动服务。");
        }

        return 0;
    }

    private static async Task PostgresAdviceAsync(CliContext ctx, MasterKeys keys, bool backup)
    {
        var where = keys.FromEnvironment ? $"环境变量 {MasterKeys.EnvironmentVariable} 的值" : $"主密钥文件 {keys.FilePath}";
        await ctx.Out.WriteLineAsync(backup
            ? "PostgreSQL 请用 pg_dump 备份（在线、一致）：\n  pg_dump --format=custom --file=gongkai.dump \"<ConnectionStrings:Gongkai 中的数据库>\"\n"
              + $"同时备份{where}：没有它无法解密备份中的个人信息；请与备份文件分开保存。本命令未做任何操作。"
            : "PostgreSQL 请先停止各实例，再用 pg_restore 恢复到空数据库：\n  pg_restore --clean --if-exists --no-owner --dbname=\"<数据库>\" gongkai.dump\n"
              + $"并把与该备份一起保存的主密钥放回{where}，然后启动服务。本命令未做任何操作。");
    }

    private static string OneFile(CliArguments a, string usage) =>
        a.Positionals.Count == 1 ? a.Positionals[0] : throw new CliError($"请给出一个文件：{usage}。");
}
