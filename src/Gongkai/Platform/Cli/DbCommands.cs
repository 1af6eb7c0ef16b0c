namespace Gongkai.Platform.Cli;

/// <summary><c>gongkai db migrate</c>: applies migrations and loads the shipped calendar and demo organisation.</summary>
internal static class DbCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        if (args.FirstOrDefault() != "migrate")
        {
            throw new CliError(args.Length == 0 ? "缺少子命令：migrate。" : $"未知子命令 db {args[0]}。");
        }

        var a = new CliArguments(args[1..], new HashSet<string>(), new HashSet<string> { "json" });
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        var services = await ctx.ServicesAsync();
        var db = services.GetRequiredService<Data.GongkaiDb>();
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
}
