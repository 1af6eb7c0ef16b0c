using Gongkai.Platform.Data;
using Gongkai.Platform.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Cli;

/// <summary><c>gongkai tokens create|list|revoke</c>: personal API tokens for integrations.</summary>
internal static class TokenCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var verb = args.FirstOrDefault() ?? throw new CliError("缺少子命令：create、list 或 revoke。");
        var rest = args[1..];
        return verb switch
        {
            "create" => await CreateAsync(new CliArguments(rest, new HashSet<string> { "user", "name", "days" }, new HashSet<string> { "json" }), ctx),
            "list" => await ListAsync(new CliArguments(rest, new HashSet<string> { "user" }, new HashSet<string> { "json" }), ctx),
            "revoke" => await RevokeAsync(new CliArguments(rest, new HashSet<string>(), new HashSet<string> { "json" }), ctx),
            _ => throw new CliError($"未知子命令 tokens {verb}。"),
        };
    }

    private static async Task<int> CreateAsync(CliArguments a, CliContext ctx)
    {
        var userName = a.Required("user");
        int? days = null;
        if (a.Value("days") is { } d)
        {
            days = int.TryParse(d, out var parsed) ? parsed : throw new CliError($"--days 应为整数，收到“{d}”。");
        }

        var services = await ctx.ServicesAsync();
        var user = await FindUserAsync(services, userName);
        var created = await services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, a.Value("name") ?? "命令行创建", days);
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(new { id = created.Token.Id, user = userName, name = created.Token.Name, token = created.Secret, expiresAt = created.Token.ExpiresAt });
        }
        else
        {
            await ctx.Out.WriteLineAsync($"已为 {userName} 创建接口令牌“{created.Token.Name}”（编号 {created.Token.Id}）。令牌只显示这一次：");
            await ctx.Out.WriteLineAsync(created.Secret);
        }

        return 0;
    }

    private static async Task<int> ListAsync(CliArguments a, CliContext ctx)
    {
        var services = await ctx.ServicesAsync();
        string? userId = null;
        if (a.Value("user") is { } name)
        {
            userId = (await FindUserAsync(services, name)).Id;
        }

        var db = services.GetRequiredService<GongkaiDb>();
        var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id);
        var tokens = await services.GetRequiredService<ApiTokens>().ListAsync(userId);
        var rows = tokens.Select(t => new
        {
            id = t.Id,
            user = names.GetValueOrDefault(t.UserId, t.UserId),
            name = t.Name,
            prefix = t.Prefix,
            createdAt = t.CreatedAt,
            expiresAt = t.ExpiresAt,
            lastUsedAt = t.LastUsedAt,
            revokedAt = t.RevokedAt,
        }).ToList();
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(rows);
        }
        else
        {
            foreach (var r in rows)
            {
                var state = r.revokedAt is null ? "有效" : "已吊销";
                await ctx.Out.WriteLineAsync($"{r.id}  {r.user}  {r.name}  {r.prefix}…  {state}");
            }
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(CliArguments a, CliContext ctx)
    {
        if (a.Positionals.Count != 1 || !Guid.TryParse(a.Positionals[0], out var id))
        {
            throw new CliError("请给出要吊销的令牌编号（见 gongkai tokens list）。");
        }

        var services = await ctx.ServicesAsync();
        if (!await services.GetRequiredService<ApiTokens>().RevokeAsync(id, null))
        {
            throw new CliError($"没有编号为 {id} 的令牌。");
        }

        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(new { id, revoked = true });
        }
        else
        {
            await ctx.Out.WriteLineAsync($"令牌 {id} 已吊销。");
        }

        return 0;
    }

    private static async Task<Staff.StaffUser> FindUserAsync(IServiceProvider services, string userName) =>
        await services.GetRequiredService<GongkaiDb>().Users.FirstOrDefaultAsync(u => u.UserName == userName)
            ?? throw new CliError($"没有用户名为“{userName}”的账号。");
}
