using System.Net;
using System.Text.Json;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Demo;
using Gongkai.Platform.Search;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Disclosure;

/// <summary>
/// How results are chosen and ordered: every term anywhere in the document, title matches first, newest first within
/// the rest, an exact count up to the limit, and an index that survives revision and rebuilding.
/// </summary>
public abstract class SearchRankingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<JsonElement> SearchAsync(string query, string extra = "")
    {
        var response = await app.Browser().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}{extra}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static List<string> Ids(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task Terms_may_be_found_in_different_parts_of_a_document()
    {
        var id = await app.PublishAsync(new Publishing.Doc("关于做好冬季供暖保障的通知", Body: "<p>请各单位落实燕翅楼片区的巡查。</p>"));
        var result = await SearchAsync("供暖 燕翅楼");
        Assert.Equal([id.ToString()], Ids(result));
        Assert.True(result.GetProperty("totalExact").GetBoolean());
        Assert.Empty(Ids(await SearchAsync("供暖 燕翅楼 不存在的词")));
    }

    [Fact]
    public async Task Title_matches_come_first_and_the_rest_newest_first()
    {
        var older = await app.PublishAsync(new Publishing.Doc("杏花坞社区议事会工作规则", WrittenOn: "2026-10-01"));
        var bodyOld = await app.PublishAsync(new Publishing.Doc("社区工作月报（十月）", Body: "<p>本月召开杏花坞议事会两次。</p>", WrittenOn: "2026-10-02"));
        var bodyNew = await app.PublishAsync(new Publishing.Doc("社区工作月报（十一月）", Body: "<p>本月杏花坞议事会讨论停车管理。</p>", WrittenOn: "2026-11-02"));

        // Published in this order, so the newest is bodyNew; relevance still puts the title match first.
        Assert.Equal([older.ToString(), bodyNew.ToString(), bodyOld.ToString()], Ids(await SearchAsync("杏花坞")));
        Assert.Equal([bodyNew.ToString(), bodyOld.ToString(), older.ToString()], Ids(await SearchAsync("杏花坞", "&sort=date")));

        // Pages run on across the two tiers without losing or repeating a document.
        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            pages.AddRange(Ids(await SearchAsync("杏花坞", $"&pageSize=1&page={page}")));
        }

        Assert.Equal([older.ToString(), bodyNew.ToString(), bodyOld.ToString()], pages);
    }

    [Fact]
    public async Task A_revised_document_keeps_its_place_and_is_found_by_its_new_words_only()
    {
        var first = await app.PublishAsync(new Publishing.Doc("梧桐巷改造方案", Body: "<p>梧桐巷旧的措辞。</p>"));
        var second = await app.PublishAsync(new Publishing.Doc("梧桐巷绿化方案", Body: "<p>梧桐巷补种行道树。</p>"));
        var entry = await app.WithDbAsync(db => db.Set<SearchEntry>().Where(e => e.OwnerId == first).Select(e => e.Id).SingleAsync());
        await app.AsAdminAsync(async sp =>
        {
            var db = sp.GetRequiredService<Gongkai.Platform.Data.GongkaiDb>();
            var doc = await db.Documents.Include(d => d.Attachments).SingleAsync(d => d.Id == first);
            var input = Gongkai.Disclosure.Documents.DocumentInput.From(doc, revising: true);
            input.Body = "<p>梧桐巷新的表述：增设无障碍坡道。</p>";
            await sp.GetRequiredService<Gongkai.Disclosure.Documents.ReviseDocument>().HandleAsync(doc, input, "更正措辞");
            return true;
        });

        Assert.Equal(entry, await app.WithDbAsync(db => db.Set<SearchEntry>().Where(e => e.OwnerId == first).Select(e => e.Id).SingleAsync()));
        Assert.Equal([first.ToString()], Ids(await SearchAsync("无障碍坡道")));
        Assert.Empty(Ids(await SearchAsync("旧的措辞")));
        Assert.Equal([second.ToString(), first.ToString()], Ids(await SearchAsync("梧桐巷", "&sort=date")));
    }

    [Fact]
    public async Task Past_the_count_limit_the_total_says_more_than_and_a_rebuild_restores_the_index()
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDocuments>().GenerateAsync(DocumentSearch.CountLimit + 300, 3, 1_000);
        }

        var many = await SearchAsync("区");
        Assert.Equal(DocumentSearch.CountLimit, many.GetProperty("total").GetInt32());
        Assert.False(many.GetProperty("totalExact").GetBoolean());
        var html = await app.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("区"));
        Assert.Contains($"找到{DocumentSearch.CountLimit:N0}条以上结果", html);

        var sample = Ids(await SearchAsync("营商环境", "&sort=date"));
        Assert.NotEmpty(sample);
        await app.WithDbAsync(async db =>
        {
            await SearchIndex.For(db).RemoveAllAsync(db, DocumentSearch.OwnerType);
            return true;
        });
        Assert.Empty(Ids(await SearchAsync("营商环境")));

        var rebuilt = await app.AsAdminAsync(async sp =>
        {
            var rebuild = sp.GetRequiredService<RebuildDocumentIndex>();
            Assert.True(await rebuild.IsMissingAsync());
            var count = await rebuild.HandleAsync();
            Assert.False(await rebuild.IsMissingAsync());
            return count;
        });
        Assert.True(rebuilt >= DocumentSearch.CountLimit + 300);
        Assert.Equal(sample, Ids(await SearchAsync("营商环境", "&sort=date")));
    }
}

public sealed class SearchRankingTests_Sqlite(SqliteApp app) : SearchRankingTests<SqliteApp>(app);

public sealed class SearchRankingTests_Postgres(PostgresApp app) : SearchRankingTests<PostgresApp>(app);
