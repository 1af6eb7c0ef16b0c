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
/// PostgreSQL partitions the index by entry id, and searches read the partitions newest first until they have enough.
/// Here the partitions are 100 entries wide, so 2,300 documents lie in two dozen of them, and every answer is compared
/// with one plain query over the whole table.
/// </summary>
public sealed class SearchSegmentsTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private const int Width = 100;

    [Fact]
    public async Task Results_read_partition_by_partition_equal_one_query_over_the_whole_index()
    {
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.Set<SearchEntry>().CountAsync());
            var partitions = await db.Database.SqlQueryRaw<long>("SELECT \"From\" AS \"Value\" FROM search_partitions").ToListAsync();
            foreach (var from in partitions)
            {
                var drop = "DROP TABLE search_entries_" + from;
                await db.Database.ExecuteSqlRawAsync(drop);
            }

            await db.Database.ExecuteSqlRawAsync("DELETE FROM search_partitions");
            await db.Database.ExecuteSqlRawAsync("SELECT gongkai_ensure_search_partitions(0, {0})", (long)Width);
            return true;
        });

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDocuments>().GenerateAsync(DocumentSearch.CountLimit + 300, 11, 700);
        }

        var (entries, widths) = await app.WithDbAsync(async db => (
            await db.Set<SearchEntry>().MaxAsync(e => e.Id),
            await db.Database.SqlQueryRaw<long>("SELECT DISTINCT \"To\" - \"From\" AS \"Value\" FROM search_partitions").ToListAsync()));
        Assert.Equal([(long)Width], widths);
        var segments = await app.WithDbAsync(db => SearchIndex.For(db).SegmentsAsync(db));
        Assert.True(segments.Count >= entries / Width, $"{segments.Count} segments for {entries} entries");

        foreach (var term in new[] { "营商环境", "养老", "区", "政府信息公开", "背街小巷" })
        {
            var tsquery = string.Join(" & ", SearchQuery.Parse(term).Terms.SelectMany(t => t.Unigram ? ["u:" + t.Tokens[0]] : t.Tokens.Distinct()).Select(b => $"'{b}'"));
            var expected = await app.WithDbAsync(db => db.Database.SqlQueryRaw<Row>(
                "SELECT d.\"Id\", e.\"TitleVector\" @@ {0}::tsquery AS \"InTitle\" FROM search_entries e JOIN documents d ON d.\"Id\" = e.\"OwnerId\" " +
                "WHERE e.\"AllVector\" @@ {0}::tsquery AND d.\"Status\" = 'Published' AND d.\"Attribute\" = 'Proactive' ORDER BY e.\"Id\" DESC", tsquery).ToListAsync());
            Assert.NotEmpty(expected);

            var first = await SearchAsync(term, "&sort=date&pageSize=50");
            Assert.Equal(Math.Min(expected.Count, DocumentSearch.CountLimit), first.GetProperty("total").GetInt32());
            Assert.Equal(expected.Count <= DocumentSearch.CountLimit, first.GetProperty("totalExact").GetBoolean());
            Assert.Equal(expected.Take(50).Select(r => r.Id.ToString()), Ids(first));

            // Relevance: the title matches (fewer than the ranked tier here) first, then the rest newest first, page after page.
            var titles = expected.Where(r => r.InTitle).Take(DocumentSearch.RankedTitleMatches).Select(r => r.Id.ToString()).ToHashSet();
            var relevance = new List<string>();
            for (var page = 1; page <= 4; page++)
            {
                relevance.AddRange(Ids(await SearchAsync(term, $"&pageSize=50&page={page}")));
            }

            Assert.Equal(relevance.Count, relevance.Distinct().Count());
            if (titles.Count >= relevance.Count)
            {
                Assert.Subset(titles, relevance.ToHashSet());
            }
            else
            {
                Assert.True(titles.SetEquals(relevance.Take(titles.Count)), term);
                Assert.Equal(expected.Select(r => r.Id.ToString()).Where(id => !titles.Contains(id)).Take(relevance.Count - titles.Count), relevance.Skip(titles.Count));
            }
        }
    }

    private sealed record Row(Guid Id, bool InTitle);

    private async Task<JsonElement> SearchAsync(string query, string extra)
    {
        var response = await app.Browser().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}{extra}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static List<string> Ids(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
}
