using System.Net;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Platform.Search;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Disclosure;

/// <summary>
/// Search answers are reused while the index's version in the database is unchanged (ISearchResultCache); a withdrawal
/// or publication moves it in its own transaction, so no search that starts after the commit answers from before it.
/// </summary>
public abstract class SearchCacheTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<List<Guid>> IdsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}&pageSize=50");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    [Fact]
    public async Task A_withdrawn_document_leaves_every_search_started_after_the_commit_while_searches_run_concurrently()
    {
        var kept = await app.PublishAsync(new Publishing.Doc("电动自行车集中充电设施建设方案", Body: "<p>建设电动自行车集中充电设施。</p>"));
        var withdrawn = await app.PublishAsync(new Publishing.Doc("电动自行车停放管理通告", Body: "<p>电动自行车不得在楼道停放。</p>"));
        var client = app.Browser();
        Assert.Contains(withdrawn, await IdsAsync(client, "电动自行车"));
        Assert.Contains(withdrawn, await IdsAsync(client, "电动自行车"));

        var committed = 0;
        var afterCommit = 0;
        var stale = new List<string>();
        using var stop = new CancellationTokenSource();
        var searchers = Enumerable.Range(0, 6).Select(n => Task.Run(async () =>
        {
            var mine = app.Browser();
            var queries = new[] { "电动自行车", "电动自行车 停放", "\"电动自行车\"" };
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var startedAfterCommit = Volatile.Read(ref committed) == 1;
                var query = queries[(n + i) % queries.Length];
                var ids = await IdsAsync(mine, query);
                if (startedAfterCommit)
                {
                    Interlocked.Increment(ref afterCommit);
                    if (ids.Contains(withdrawn))
                    {
                        lock (stale)
                        {
                            stale.Add(query);
                        }
                    }
                }
            }
        })).ToList();

        await Task.Delay(200);
        await app.WithdrawAsync(withdrawn);
        Volatile.Write(ref committed, 1);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref afterCommit) < 60 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAll(searchers);
        Assert.True(afterCommit >= 60, $"only {afterCommit} searches ran after the withdrawal");
        Assert.Empty(stale);
        Assert.Equal([kept], await IdsAsync(client, "电动自行车"));
    }

    [Fact]
    public async Task An_index_write_by_another_instance_moves_the_version_so_the_held_answer_is_not_served()
    {
        var id = await app.PublishAsync(new Publishing.Doc("老旧小区加装电梯补贴办法", Body: "<p>加装电梯补贴。</p>"));
        var client = app.Browser();
        Assert.Equal([id], await IdsAsync(client, "加装电梯"));
        var before = await app.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT \"Version\" AS \"Value\" FROM search_index_version WHERE \"Id\" = 1").SingleAsync());

        // Another instance removes the entry: nothing in this process hears of it; only the database's version moves.
        await app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await SearchIndex.For(db).RemoveAsync(db, id);
            await tx.CommitAsync();
            return true;
        });

        Assert.True(await app.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT \"Version\" AS \"Value\" FROM search_index_version WHERE \"Id\" = 1").SingleAsync()) > before);
        Assert.Empty(await IdsAsync(client, "加装电梯"));
    }

    [Fact]
    public async Task A_new_publication_is_found_at_once_by_a_search_that_was_answered_before_it()
    {
        Assert.Empty(await IdsAsync(app.Browser(), "共有产权房"));
        var id = await app.PublishAsync(new Publishing.Doc("共有产权房申购指南", Body: "<p>共有产权房申购条件。</p>"));
        Assert.Equal([id], await IdsAsync(app.Browser(), "共有产权房"));
    }
}

public sealed class SearchCacheTests_Sqlite(SqliteApp app) : SearchCacheTests<SqliteApp>(app);

public sealed class SearchCacheTests_Postgres(PostgresApp app) : SearchCacheTests<PostgresApp>(app);
