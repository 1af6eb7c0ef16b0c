using System.Xml.Linq;
using Gongkai.Platform.Data;
using Gongkai.Platform.Keys;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Cli;

/// <summary><c>gongkai keys status|rotate</c>: the master key and the data-protection key ring.</summary>
internal static class KeyCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var verb = args.FirstOrDefault() ?? throw new CliError("缺少子命令：status 或 rotate。");
        var rest = args[1..];
        return verb switch
        {
            "status" => await StatusAsync(new CliArguments(rest, new HashSet<string>(), new HashSet<string> { "json" }), ctx),
            "rotate" => await RotateAsync(new CliArguments(rest, new HashSet<string>(), new HashSet<string> { "json", "master", "data", "revoke-old" }), ctx),
            _ => throw new CliError($"未知子命令 keys {verb}。"),
        };
    }

    private static async Task<int> StatusAsync(CliArguments a, CliContext ctx)
    {
        NoPositionals(a);
        var services = await ctx.ServicesAsync();
        var keys = services.GetRequiredService<MasterKeys>();
        var rows = await services.GetRequiredService<GongkaiDb>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        var wrapped = rows.SelectMany(x => MasterKeyXml.WrappedUnder(XElement.Parse(x ?? "<key/>"))).ToList();
        var ring = services.GetRequiredService<IKeyManager>().GetAllKeys();
        var status = new
        {
            masterKeyId = keys.Current().Id,
            masterKeySource = keys.FromEnvironment ? MasterKeys.EnvironmentVariable : keys.FilePath,
            keys = ring.Count,
            revoked = ring.Count(k => k.IsRevoked),
            wrapped = wrapped.Count(id => id.Length > 0),
            inTheClear = wrapped.Count(id => id.Length == 0),
        };
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(status);
        }
        else
        {
            await ctx.Out.WriteLineAsync($"主密钥 {status.masterKeyId}（来自 {status.masterKeySource}）；数据保护密钥{status.keys}个（已吊销{status.revoked}个），由主密钥加密{status.wrapped}个，未加密{status.inTheClear}个。");
        }

        return 0;
    }

    private static async Task<int> RotateAsync(CliArguments a, CliContext ctx)
    {
        NoPositionals(a);
        var both = !a.Has("master") && !a.Has("data");
        if (a.Has("revoke-old") && !(both || a.Has("data")))
        {
            throw new CliError("--revoke-old 只能与数据保护密钥的更换一起使用（--data，或不加 --master/--data）。");
        }

        var services = await ctx.ServicesAsync();
        var rotate = services.GetRequiredService<RotateKeys>();
        var master = both || a.Has("master") ? await rotate.MasterAsync() : null;
        var data = both || a.Has("data") ? await rotate.DataAsync(a.Has("revoke-old")) : null;
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(new { master, data });
            return 0;
        }

        if (master is not null)
        {
            await ctx.Out.WriteLineAsync(master.FromEnvironment
                ? $"已用 {MasterKeys.EnvironmentVariable} 中的第一个主密钥 {master.MasterKeyId} 重新加密{master.KeysRewrapped}个数据保护密钥；确认各实例均已使用新主密钥后，可从环境变量中删除旧主密钥。"
                : $"已生成新主密钥 {master.MasterKeyId}（写入 {services.GetRequiredService<MasterKeys>().FilePath}），重新加密{master.KeysRewrapped}个数据保护密钥；旧主密钥 {master.PreviousMasterKeyId} 已不再需要。请立即备份新的主密钥文件。");
        }

        if (data is not null)
        {
            await ctx.Out.WriteLineAsync($"已生成新的数据保护密钥 {data.DataKeyId}，重新加密{data.ValuesReencrypted}个个人信息字段值"
                + (a.Has("revoke-old") ? $"，吊销旧密钥{data.KeysRevoked}个（已登录的用户需重新登录）。" : "；旧密钥仍可解密，确认无误后可加 --revoke-old 吊销。"));
        }

        return 0;
    }

    private static void NoPositionals(CliArguments a)
    {
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }
    }
}
