using System.Diagnostics;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Cli;

/// <summary>The admin command line, run as a real process against its own SQLite database.</summary>
public sealed class CliTests : IDisposable
{
    private readonly CliProcess cli = new("gk-cli-");

    private string folder => cli.Folder;

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => cli.RunAsync(args);

    [Fact]
    public async Task Calendar_add_prints_the_contract_json()
    {
        var (code, stdout, stderr) = await RunAsync("calendar", "add", "--from", "2026-02-10", "--working-days", "20", "--json");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("{\"from\":\"2026-02-10\",\"workingDays\":20,\"due\":\"2026-03-16\",", stdout);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2, json.GetProperty("makeUpWorkdaysCounted").GetArrayLength());
        Assert.Contains("民法典", json.GetProperty("explanation")[0].GetString());
    }

    [Fact]
    public async Task Calendar_is_working_day_prints_the_contract_json()
    {
        var (code, stdout, _) = await RunAsync("calendar", "is-working-day", "2026-02-14", "--json");
        Assert.Equal(0, code);
        Assert.StartsWith("{\"date\":\"2026-02-14\",\"workingDay\":true,", stdout);
        var (code2, stdout2, _) = await RunAsync("calendar", "is-working-day", "2026-02-16");
        Assert.Equal(0, code2);
        Assert.Contains("不是工作日：春节放假", stdout2);
    }

    [Theory]
    [InlineData("不在已载入的节假日安排范围内", "calendar", "is-working-day", "2027-03-01", "--json")]
    [InlineData("超出已载入的节假日安排", "calendar", "add", "--from", "2026-12-20", "--working-days", "20", "--json")]
    [InlineData("格式不正确", "calendar", "add", "--from", "2026/02/10", "--working-days", "20")]
    [InlineData("格式不正确", "calendar", "is-working-day", "2026-02-31")]
    [InlineData("未知选项 --days", "calendar", "add", "--from", "2026-02-10", "--days", "20")]
    [InlineData("缺少必需的选项 --working-days", "calendar", "add", "--from", "2026-02-10")]
    [InlineData("--working-days 应为0到1000之间的整数", "calendar", "add", "--from", "2026-02-10", "--working-days", "twenty")]
    [InlineData("未知命令 calendar next", "calendar", "next")]
    [InlineData("--documents 应为1到2000000之间的整数，收到“0”", "demo", "generate", "--documents", "0")]
    [InlineData("--documents 应为1到2000000之间的整数，收到“十”", "demo", "generate", "--documents", "十")]
    [InlineData("--seed 应为0到", "demo", "generate", "--documents", "5", "--seed", "-3")]
    [InlineData("缺少必需的选项 --documents", "demo", "generate")]
    [InlineData("没有用户名为“ghost”的账号", "tokens", "create", "--user", "ghost")]
    [InlineData("--only 只能是 documents、interpretations 之一，不能是“tasks”", "search", "reindex", "--only", "tasks")]
    public async Task Mistakes_exit_non_zero_with_a_message(string message, params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.NotEqual(0, code);
        Assert.Contains(message, stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Demo_generate_writes_the_documents_and_reports_them_as_json()
    {
        var (code, stdout, stderr) = await RunAsync("demo", "generate", "--documents", "250", "--seed", "9", "--batch", "100", "--json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(250, json.GetProperty("documents").GetInt32());
        Assert.Equal(3, json.GetProperty("batches").GetInt32());
        Assert.Equal(9, json.GetProperty("seed").GetInt32());
        Assert.True(json.GetProperty("documentsPerSecond").GetDouble() > 0);

        // A second run in the same database continues the 索引号 rather than repeating the first run.
        var (code2, stdout2, stderr2) = await RunAsync("demo", "generate", "--documents", "250", "--seed", "9", "--json");
        Assert.True(code2 == 0, stderr2);
        Assert.NotEqual(json.GetProperty("firstIndexNumber").GetString(), JsonDocument.Parse(stdout2).RootElement.GetProperty("firstIndexNumber").GetString());
    }

    [Fact]
    public async Task Search_reindex_rebuilds_every_kind_of_record_or_the_one_asked_for()
    {
        var (code, _, stderr) = await RunAsync("demo", "generate", "--documents", "120", "--seed", "4", "--json");
        Assert.True(code == 0, stderr);

        var (all, stdout, err) = await RunAsync("search", "reindex", "--json");
        Assert.True(all == 0, err);
        Assert.Equal("{\"documents\":120,\"interpretations\":0}", stdout.Trim());

        var (one, text, err2) = await RunAsync("search", "reindex", "--only", "documents");
        Assert.True(one == 0, err2);
        Assert.Equal("已重建检索索引，共120条政府信息。", text.Trim());
    }

    [Fact]
    public async Task Db_migrate_prepares_the_database()
    {
        var (code, stdout, stderr) = await RunAsync("db", "migrate", "--json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", json.GetProperty("provider").GetString());
        Assert.True(json.GetProperty("migrations").GetArrayLength() >= 1);
        Assert.True(File.Exists(Path.Combine(folder, "cli.db")));
    }

    [Fact]
    public async Task Tokens_are_created_once_listed_and_revoked()
    {
        await SeedAdminAsync();

        var (code, stdout, stderr) = await RunAsync("tokens", "create", "--user", "admin", "--name", "对接", "--json");
        Assert.True(code == 0, stderr);
        var created = JsonDocument.Parse(stdout).RootElement;
        var token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("gk_", token);
        var id = created.GetProperty("id").GetString()!;

        var (_, list, _) = await RunAsync("tokens", "list", "--json");
        var rows = JsonDocument.Parse(list).RootElement;
        Assert.Equal(1, rows.GetArrayLength());
        Assert.Null(rows[0].GetProperty("revokedAt").GetString());
        Assert.DoesNotContain(token, list);

        var (revoke, _, _) = await RunAsync("tokens", "revoke", id);
        Assert.Equal(0, revoke);
        var (_, after, _) = await RunAsync("tokens", "list", "--json");
        Assert.NotNull(JsonDocument.Parse(after).RootElement[0].GetProperty("revokedAt").GetString());

        var (again, _, err) = await RunAsync("tokens", "revoke", Guid.NewGuid().ToString());
        Assert.Equal(2, again);
        Assert.Contains("没有编号为", err);
    }

    /// <summary>The admin account is made by the web start-up; here it is made the same way through the app's services.</summary>
    private async Task SeedAdminAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = folder });
        builder.Configuration["ConnectionStrings:Gongkai"] = $"Data Source={Path.Combine(folder, "cli.db")}";
        Gongkai.Platform.PlatformModule.AddPlatformModule(builder);
        await using var app = builder.Build();
        await Gongkai.Platform.PlatformModule.PrepareDatabaseAsync(app);
    }

    public void Dispose() => cli.Dispose();
}
