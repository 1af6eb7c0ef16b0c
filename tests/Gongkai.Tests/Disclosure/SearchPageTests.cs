using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Disclosure;

/// <summary>The public search page /search over DocumentSearch.</summary>
public abstract class SearchPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<(HttpStatusCode Status, string Html)> SearchAsync(string query)
    {
        var response = await app.Browser().GetAsync("/search" + query);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static List<string> Titles(string html) =>
        Regex.Matches(html, "<h3 class=\"result-title\"><a href=\"/documents/[0-9a-f-]+\">([^<]+)</a>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task Hits_show_title_link_organ_date_and_the_marked_snippet_and_filters_narrow_them()
    {
        var plan = await app.PublishAsync(new Publishing.Doc("西城区餐厨垃圾治理实施方案", Organ: "区城市管理委", Category: "城乡建设、环境保护\\环境监测、保护与治理",
            Body: "<p>推进餐厨垃圾源头减量，餐厨垃圾由专业单位收运。</p>", Number: "西城管发〔2026〕8号"));
        await app.PublishAsync(new Publishing.Doc("餐厨垃圾收运企业名单公告", Organ: "区市场监管局", Category: "市场监管、安全生产监管\\食品药品监管",
            Body: "<p>公布餐厨垃圾收运企业<b>名单</b>。</p>", WrittenOn: "2026-10-09"));

        var (status, html) = await SearchAsync("?q=" + Uri.EscapeDataString("餐厨垃圾"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("共找到2条结果", html);
        Assert.Contains("<mark>餐厨垃圾</mark>", html);
        Assert.Contains($"<a href=\"/documents/{plan}\">西城区餐厨垃圾治理实施方案</a>", html);
        Assert.Contains("区城市管理委", html);
        Assert.Contains("西城管发〔2026〕8号", html);
        Assert.Matches(@"发布日期：\d{4}年\d{1,2}月\d{1,2}日", html);
        Assert.Contains("value=\"餐厨垃圾\"", html);

        var organ = await app.OrganAsync("区城市管理委");
        (_, html) = await SearchAsync($"?q={Uri.EscapeDataString("餐厨垃圾")}&organ={organ.Code}");
        Assert.Equal(["西城区餐厨垃圾治理实施方案"], Titles(html));
        Assert.Contains($"<option value=\"{organ.Code}\" selected=\"selected\">", html);

        (_, html) = await SearchAsync($"?q={Uri.EscapeDataString("餐厨垃圾")}&category={Uri.EscapeDataString("市场监管、安全生产监管")}");
        Assert.Equal(["餐厨垃圾收运企业名单公告"], Titles(html));
        (_, html) = await SearchAsync($"?q={Uri.EscapeDataString("餐厨垃圾")}&category={Uri.EscapeDataString("城乡建设、环境保护\\环境监测、保护与治理")}");
        Assert.Equal(["西城区餐厨垃圾治理实施方案"], Titles(html));

        (_, html) = await SearchAsync($"?q={Uri.EscapeDataString("餐厨垃圾")}&from=2020-01-01&to=2099-12-31&sort=date");
        Assert.Equal(2, Titles(html).Count);
        Assert.Contains("<option value=\"date\" selected=\"selected\">", html);
        (_, html) = await SearchAsync($"?q={Uri.EscapeDataString("餐厨垃圾")}&to=2020-01-01");
        Assert.Contains("共找到0条结果", html);
        Assert.Contains("没有找到相关的政府信息", html);
    }

    [Fact]
    public async Task A_withdrawn_document_is_not_found_by_the_search_page()
    {
        var id = await app.PublishAsync(new Publishing.Doc("共享单车停放管理办法", Body: "<p>规范共享单车停放。</p>"));
        Assert.Single(Titles((await SearchAsync("?q=" + Uri.EscapeDataString("共享单车"))).Html));
        await app.WithdrawAsync(id);
        Assert.Empty(Titles((await SearchAsync("?q=" + Uri.EscapeDataString("共享单车"))).Html));
    }

    [Fact]
    public async Task An_empty_query_shows_a_friendly_prompt()
    {
        var (status, html) = await SearchAsync("");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请在上面的搜索框中输入要查找的内容", html);
        Assert.Contains("href=\"/catalogue\"", html);
        (status, html) = await SearchAsync("?q=%20%20");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请在上面的搜索框中输入要查找的内容", html);
    }

    [Theory]
    [InlineData("?q=a&from=2026-13-01", "起始日期“2026-13-01”格式不正确")]
    [InlineData("?q=a&to=yesterday", "截止日期“yesterday”格式不正确")]
    [InlineData("?q=a&from=2026-05-01&to=2026-04-01", "起始日期不能晚于截止日期")]
    [InlineData("?q=a&organ=NOPE", "没有找到公开主体“NOPE”")]
    [InlineData("?q=a&category=%E4%B8%8D%E5%AD%98%E5%9C%A8", "没有“不存在”这个主题分类")]
    [InlineData("?q=a&page=abc", "页码“abc”不正确")]
    [InlineData("?q=a&sort=random", "排序方式只能是")]
    public async Task Bad_filters_get_a_Chinese_message_not_an_error_page(string query, string message)
    {
        var (status, html) = await SearchAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html.Text());
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("<form class=\"search-page\"", html);
    }

    [Fact]
    public async Task Results_are_paged_ten_at_a_time_with_links_that_keep_the_query()
    {
        for (var i = 1; i <= 12; i++)
        {
            await app.PublishAsync(new Publishing.Doc($"老年助餐服务点名单第{i}批", Body: "<p>老年助餐服务点。</p>", Organ: "区民政局"));
        }

        var (_, first) = await SearchAsync("?q=" + Uri.EscapeDataString("老年助餐") + "&sort=date");
        Assert.Contains("共找到12条结果", first);
        Assert.Equal(10, Titles(first).Count);
        Assert.Contains("aria-label=\"分页\"", first);
        var next = Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\">").Groups[1].Value;
        Assert.Contains("page=2", next);
        Assert.Contains("sort=date", next);

        var (_, second) = await SearchAsync(WebUtility.HtmlDecode(next)["/search".Length..]);
        Assert.Equal(2, Titles(second).Count);
        Assert.Contains("<ol class=\"results\" start=\"11\">", second);
        Assert.Empty(Titles(first).Intersect(Titles(second)));
    }
}

public sealed class SearchPageTests_Sqlite(SqliteApp app) : SearchPageTests<SqliteApp>(app);

public sealed class SearchPageTests_Postgres(PostgresApp app) : SearchPageTests<PostgresApp>(app);
