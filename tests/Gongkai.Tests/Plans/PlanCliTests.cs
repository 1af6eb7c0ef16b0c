using System.Diagnostics;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Plans;

/// <summary><c>gongkai plan parse FILE --json</c> run as a real process, with the contract's JSON shape.</summary>
public sealed class PlanCliTests : IDisposable
{
    private readonly CliProcess cli = new("gk-plan-cli-");

    private string folder => cli.Folder;

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => cli.RunAsync(args);

    private static string Seed(string name) => Path.Combine(AppContext.BaseDirectory, "Plans", "Seeds", name + ".txt");

    [Fact]
    public async Task Plan_parse_prints_the_contract_json_with_organ_codes()
    {
        var (code, stdout, stderr) = await RunAsync("plan", "parse", Seed("000"), "--json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("关于贯彻落实西城区政务公开实施意见的细则", json.GetProperty("title").GetString());
        var tasks = json.GetProperty("tasks");
        Assert.Equal(122, tasks.GetArrayLength());
        var first = tasks[0];
        Assert.Equal("1", first.GetProperty("number").GetString());
        Assert.Equal("（1）以清单促公开内容标准化", first.GetProperty("path")[1].GetString());
        Assert.Equal("区编办", first.GetProperty("leadUnits")[0].GetString());
        Assert.Equal("全区各部门", first.GetProperty("responsibleUnits")[0].GetString());
        var deadline = first.GetProperty("deadline");
        Assert.Equal("在2016年推进的基础上持续落实", deadline.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, deadline.GetProperty("due").ValueKind);
        Assert.True(deadline.GetProperty("recurring").GetBoolean());
        Assert.Equal("ongoing", deadline.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Array, first.GetProperty("warnings").ValueKind);
        // 区编办 is an organ of the district (code XC001); 全区各部门 is a group, not an unknown unit.
        Assert.Equal("XC001", first.GetProperty("organCodes").GetProperty("区编办").GetString());
        var groups = json.GetProperty("groups").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("全区各部门", groups);
        var unknown = json.GetProperty("unknownUnits").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.DoesNotContain("区编办", unknown);
        Assert.DoesNotContain("全区各部门", unknown);
        var dated = tasks.EnumerateArray().First(t => t.GetProperty("number").GetString() == "5").GetProperty("deadline");
        Assert.Equal("2017-12-31", dated.GetProperty("due").GetString());
        Assert.Equal("date", dated.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Plan_parse_counts_of_the_other_seeds_and_year_end_option()
    {
        var (code, stdout, stderr) = await RunAsync("plan", "parse", Seed("004"), "--json", "--no-db", "--year-end");
        Assert.True(code == 0, stderr);
        var tasks = JsonDocument.Parse(stdout).RootElement.GetProperty("tasks");
        Assert.Equal(57, tasks.GetArrayLength());
        Assert.All(tasks.EnumerateArray(), t => Assert.Equal("2018-12-31", t.GetProperty("deadline").GetProperty("due").GetString()));
        var (code2, stdout2, _) = await RunAsync("plan", "parse", Seed("001"), "--json", "--no-db");
        Assert.Equal(0, code2);
        Assert.Equal(42, JsonDocument.Parse(stdout2).RootElement.GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task Plan_parse_of_bad_input_exits_2_with_a_chinese_message()
    {
        var empty = Path.Combine(folder, "empty.txt");
        await File.WriteAllBytesAsync(empty, []);
        var (code, stdout, stderr) = await RunAsync("plan", "parse", empty, "--json", "--no-db");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("文件是空的", stderr);

        var binary = Path.Combine(folder, "x.bin");
        await File.WriteAllBytesAsync(binary, [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]);
        (code, _, stderr) = await RunAsync("plan", "parse", binary, "--no-db");
        Assert.Equal(2, code);
        Assert.Contains("不是文本", stderr);

        (code, _, stderr) = await RunAsync("plan", "parse", Path.Combine(folder, "missing.txt"));
        Assert.Equal(2, code);
        Assert.Contains("找不到文件", stderr);
    }

    public void Dispose() => cli.Dispose();
}
