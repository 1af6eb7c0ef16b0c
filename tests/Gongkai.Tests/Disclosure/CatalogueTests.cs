using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Disclosure.Catalogue;
using Gongkai.Disclosure.Documents;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Disclosure;

/// <summary>政府信息公开目录, 现行有效规范性文件 and 法定主动公开内容.</summary>
public abstract class CatalogueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await app.Browser().GetAsync(url);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync()).Text());
    }

    private static List<string> Rows(string html) =>
        Regex.Matches(html, "<td>\\s*<a href=\"/documents/[0-9a-f-]+\">([^<]+)</a>").Select(m => m.Groups[1].Value).ToList();

    private static List<string> Sorted(params string[] titles) => [.. titles.Order(StringComparer.Ordinal)];

    /// <summary>The count shown beside a facet link.</summary>
    private static int Facet(string html, string label)
    {
        var match = Regex.Match(html, $">{Regex.Escape(label)}<span class=\"count\">（(\\d+)）</span>");
        Assert.True(match.Success, $"no facet “{label}”");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Three public documents of one organ, one 废止, one withdrawn and one 依申请公开 that never appear.</summary>
    private async Task<string> ArrangeAsync(string organ)
    {
        await app.PublishAsync(new Publishing.Doc("社会救助实施细则", Organ: organ, Type: InformationType.NormativeDocument, Summary: "明确社会救助对象和标准。", Number: "西审发〔2026〕1号"));
        var repealed = await app.PublishAsync(new Publishing.Doc("旧版救助办法", Organ: organ, Type: InformationType.NormativeDocument, WrittenOn: "2025-03-01"));
        await app.ChangeValidityAsync(repealed, Validity.Repealed, "2026-11-01", "被社会救助实施细则替代");
        await app.PublishAsync(new Publishing.Doc("河道治理三年规划", Organ: organ, Type: InformationType.Plan, Category: "城乡建设、环境保护\\环境监测、保护与治理"));
        var withdrawn = await app.PublishAsync(new Publishing.Doc("撤回的规划", Organ: organ, Type: InformationType.Plan));
        await app.WithdrawAsync(withdrawn);
        await app.PublishAsync(new Publishing.Doc("内部管理制度", Organ: organ, Attribute: DisclosureAttribute.OnRequest));
        return (await app.OrganAsync(organ)).Code;
    }

    [Fact]
    public async Task An_organ_catalogue_lists_public_documents_with_the_Art12_fields_and_counts_each_facet()
    {
        var code = await ArrangeAsync("区审计局");
        var (status, html) = await GetAsync($"/catalogue/{code}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("北京市西城区审计局政府信息公开目录", html);
        Assert.Contains("共3条，第1页，共1页", html);
        Assert.Equal(Sorted("河道治理三年规划", "旧版救助办法", "社会救助实施细则"), Sorted([.. Rows(html)]));
        foreach (var header in new[] { "索引号", "名称", "内容概述", "生成日期" })
        {
            Assert.Matches($"<th scope=\"col\"[^>]*>{header}</th>", html);
        }

        Assert.Contains("明确社会救助对象和标准。", html);
        Assert.Contains("2025年3月1日", html);
        Assert.Contains("<span class=\"tag tag-invalid\">废止</span>", html);
        Assert.DoesNotContain("撤回的规划", html);
        Assert.DoesNotContain("内部管理制度", html);

        Assert.Equal(2, Facet(html, "规范性文件"));
        Assert.Equal(1, Facet(html, "规划计划"));
        Assert.Equal(2, Facet(html, "民政、扶贫、救灾"));
        Assert.Equal(1, Facet(html, "城乡建设、环境保护"));
        Assert.Equal(2, Facet(html, "2026年"));
        Assert.Equal(1, Facet(html, "2025年"));
        Assert.Equal(2, Facet(html, "（一）规章和规范性文件"));
        Assert.Equal(1, Facet(html, "（三）规划"));
        Assert.Equal(1, Facet(html, "（十三）监督检查情况"));
        Assert.Equal(2, Facet(html, "（十一）扶贫、教育、医疗、社保、就业"));
        Assert.Equal(0, Facet(html, "（十五）其他主动公开信息"));
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_the_other_facets_count_within_them()
    {
        var code = await ArrangeAsync("区医保局");
        var (_, html) = await GetAsync($"/catalogue/{code}?type=NormativeDocument");
        Assert.Equal(Sorted("旧版救助办法", "社会救助实施细则"), Sorted([.. Rows(html)]));
        Assert.Equal(1, Facet(html, "2025年"));
        Assert.Equal(2, Facet(html, "民政、扶贫、救灾"));
        Assert.Equal(2, Facet(html, "规范性文件"));
        Assert.Equal(1, Facet(html, "规划计划")); // its own facet counts without its own filter
        Assert.Contains("当前条件：", html);

        (_, html) = await GetAsync($"/catalogue/{code}?category={Uri.EscapeDataString("民政、扶贫、救灾")}&year=2026");
        Assert.Equal(["社会救助实施细则"], Rows(html));
        Assert.Equal(1, Facet(html, "社会福利")); // the chosen top category opens its 二级 categories

        (_, html) = await GetAsync($"/catalogue/{code}?item=3");
        Assert.Equal(["河道治理三年规划"], Rows(html));
        (_, html) = await GetAsync($"/catalogue/{code}?item=15");
        Assert.Contains("没有符合条件的政府信息", html);
        (_, html) = await GetAsync($"/catalogue/{code}?year=2024");
        Assert.Contains("没有符合条件的政府信息", html);
    }

    [Theory]
    [InlineData("?type=Nope", "没有“Nope”这个信息类别")]
    [InlineData("?type=1", "没有“1”这个信息类别")]
    [InlineData("?year=20x6", "年份“20x6”不正确")]
    [InlineData("?item=16", "法定主动公开内容只有第（一）项至第（十五）项")]
    [InlineData("?category=%E4%B9%B1", "没有“乱”这个主题分类")]
    [InlineData("?page=0", "页码“0”不正确")]
    public async Task A_bad_filter_gets_a_Chinese_message(string query, string message)
    {
        var (status, html) = await GetAsync("/catalogue" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html);
    }

    [Fact]
    public async Task The_district_catalogue_counts_documents_per_organ_and_links_to_organ_catalogues()
    {
        var code = await ArrangeAsync("区司法局");
        var (status, html) = await GetAsync("/catalogue");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, Facet(html, "区司法局"));
        Assert.Contains($"href=\"/catalogue/{code}\"", html);
        Assert.Contains(">发布机构</th>", html);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/catalogue/NO-SUCH-ORGAN")).Status);

        // A page past the end shows the last page rather than failing.
        var (past, last) = await GetAsync("/catalogue?page=999");
        Assert.Equal(HttpStatusCode.OK, past);
        Assert.Matches(@"共\d+条，第1页，共1页", last);
    }

    [Fact]
    public async Task The_normative_list_holds_only_valid_published_normative_documents()
    {
        var code = await ArrangeAsync("区财政局");
        var (status, html) = await GetAsync($"/catalogue/normative?organ={code}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["社会救助实施细则"], Rows(html));
        Assert.Contains("现行有效规范性文件共1件", html);
        Assert.Contains("西审发〔2026〕1号", html);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/catalogue/normative?organ=NOPE")).Status);
    }

    [Fact]
    public async Task The_statutory_page_lists_the_fifteen_items_of_Art20_with_counts()
    {
        var (status, html) = await GetAsync("/catalogue/statutory");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var item in StatutoryItems.All)
        {
            Assert.Contains($"（{item.Numeral}）", html);
            Assert.Contains($"href=\"/catalogue?item={item.Number}\"", html);
        }
    }
}

public sealed class CatalogueTests_Sqlite(SqliteApp app) : CatalogueTests<SqliteApp>(app);

public sealed class CatalogueTests_Postgres(PostgresApp app) : CatalogueTests<PostgresApp>(app);
