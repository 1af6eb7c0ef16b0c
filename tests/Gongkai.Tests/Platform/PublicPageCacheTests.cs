using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongkai.Platform.Caching;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

/// <summary>
/// The public page cache (docs/ARCHITECTURE.md §Public page cache): what it serves changes exactly when what the page
/// shows changes, it answers 304 to the browser's own version, and staff never get a cached page.
/// </summary>
public abstract class PublicPageCacheTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private PublicPageCache Cache => app.Services.GetRequiredService<PublicPageCache>();

    /// <summary>GETs the page twice and checks the second came from the cache.</summary>
    private async Task<string> CachedAsync(HttpClient client, string path)
    {
        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var hits = Cache.Hits;
        var second = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(Cache.Hits > hits, $"{path} was not served from the cache");
        var html = await second.Content.ReadAsStringAsync();
        Assert.Equal(await first.Content.ReadAsStringAsync(), html);
        return html;
    }

    [Fact]
    public async Task Publishing_shows_on_the_cached_catalogue_feed_and_organ_catalogue_at_once()
    {
        var client = app.Browser();
        await app.PublishAsync(new Publishing.Doc("缓存测试先发布的信息"));
        Assert.DoesNotContain("缓存测试后发布的信息", await CachedAsync(client, "/catalogue"));
        Assert.DoesNotContain("缓存测试后发布的信息", await CachedAsync(client, "/feeds/all.rss"));

        var id = await app.PublishAsync(new Publishing.Doc("缓存测试后发布的信息"));

        Assert.Contains("缓存测试后发布的信息", await client.GetStringAsync("/catalogue"));
        Assert.Contains(id.ToString(), await client.GetStringAsync("/feeds/all.rss"));
        Assert.Contains("缓存测试后发布的信息", await CachedAsync(client, $"/documents/{id}"));
    }

    [Fact]
    public async Task A_change_to_a_published_document_and_an_organ_shows_at_once_on_cached_pages()
    {
        var client = app.Browser();
        var id = await app.PublishAsync(new Publishing.Doc("缓存测试有效性变化", Type: Gongkai.Disclosure.Documents.InformationType.NormativeDocument));
        Assert.DoesNotContain("validity-banner", await CachedAsync(client, $"/documents/{id}"));

        await app.ChangeValidityAsync(id, Gongkai.Disclosure.Documents.Validity.Repealed, "2026-11-20", "已被新文件替代。");
        Assert.Contains("validity-banner", await client.GetStringAsync($"/documents/{id}"));

        Assert.DoesNotContain("缓存测试改名局", await CachedAsync(client, "/"));
        await app.WithDbAsync(async db =>
        {
            var organ = await db.Organs.SingleAsync(o => o.ShortName == "区民政局");
            organ.ShortName = "缓存测试改名局";
            await db.SaveChangesAsync();
            return true;
        });
        try
        {
            Assert.Contains("缓存测试改名局", await client.GetStringAsync("/"));
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                var organ = await db.Organs.SingleAsync(o => o.ShortName == "缓存测试改名局");
                organ.ShortName = "区民政局";
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task The_browser_s_own_version_is_answered_304_until_the_page_changes()
    {
        var client = app.Browser();
        var id = await app.PublishAsync(new Publishing.Doc("缓存测试条件请求"));
        var path = $"/documents/{id}";
        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.NotNull(first.Headers.GetValues("Content-Security-Policy").Single());

        var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        var again = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        // Elder mode is another page: the same ETag does not match it.
        var elder = app.Browser();
        elder.DefaultRequestHeaders.Add("Cookie", "gk.elder=1");
        var elderRequest = new HttpRequestMessage(HttpMethod.Get, path);
        elderRequest.Headers.IfNoneMatch.Add(etag);
        var elderPage = await elder.SendAsync(elderRequest);
        Assert.Equal(HttpStatusCode.OK, elderPage.StatusCode);
        Assert.Contains("class=\"elder", await elderPage.Content.ReadAsStringAsync());
        Assert.DoesNotContain("class=\"elder", await client.GetStringAsync(path));

        await app.WithdrawAsync(id);
        var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Cached_pages_are_compressed_for_browsers_that_ask()
    {
        var client = app.Browser();
        var path = "/guide";
        await CachedAsync(client, path);
        string? coding = null;
        for (var i = 0; i < 50 && coding is null; i++)
        {
            // Compression runs beside the request that kept the page.
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            var response = await client.SendAsync(request);
            coding = response.Content.Headers.ContentEncoding.SingleOrDefault();
            if (coding is null)
            {
                await Task.Delay(20);
                continue;
            }

            await using var unzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(unzip);
            Assert.Contains("政府信息公开指南", await reader.ReadToEndAsync());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }

        Assert.Equal("gzip", coding);
    }

    [Fact]
    public async Task Staff_get_pages_made_for_them_and_nothing_of_theirs_is_kept()
    {
        var staff = app.Browser();
        await staff.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var anonymous = app.Browser();
        await CachedAsync(anonymous, "/catalogue");

        var hits = Cache.Hits;
        var stores = Cache.Stores;
        var page = await staff.GetAsync("/catalogue");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Headers.ETag);
        Assert.Contains("退出登录", await page.Content.ReadAsStringAsync());
        Assert.Equal(hits, Cache.Hits);
        Assert.Equal(stores, Cache.Stores);
        Assert.DoesNotContain("退出登录", await anonymous.GetStringAsync("/catalogue"));
    }

    [Fact]
    public async Task Pages_with_a_form_token_or_personal_data_are_never_kept()
    {
        var client = app.Browser();
        var stores = Cache.Stores;
        foreach (var path in new[] { "/requests/new", "/requests/track", "/account/login", "/search?q=低保" })
        {
            var response = await client.GetAsync(path);
            Assert.Null(response.Headers.ETag);
        }

        Assert.Equal(stores, Cache.Stores);
    }

    [Fact]
    public async Task A_withdrawn_document_is_never_served_to_a_request_that_starts_after_the_withdrawal_returned()
    {
        var id = await app.PublishAsync(new Publishing.Doc("撤回压力测试鹦鹉螺信息", Body: "<p>鹦鹉螺专项资金管理办法正文。</p>"));
        var token = await app.TokenAsync(await app.AdminIdAsync());
        var idText = id.ToString();
        var reads = new (string Path, Func<HttpResponseMessage, string, bool> Shows)[]
        {
            ($"/documents/{id}", (r, body) => r.StatusCode == HttpStatusCode.OK && body.Contains("撤回压力测试鹦鹉螺信息")),
            ("/", (r, body) => body.Contains("撤回压力测试鹦鹉螺信息")),
            ("/catalogue", (r, body) => body.Contains("撤回压力测试鹦鹉螺信息")),
            ("/feeds/all.rss", (r, body) => body.Contains(idText)),
            ("/feeds/all.atom", (r, body) => body.Contains(idText)),
            ("/api/v1/search?q=鹦鹉螺", (r, body) => body.Contains(idText)),
        };

        long withdrawnAt = long.MaxValue;
        var seen = new System.Collections.Concurrent.ConcurrentBag<(long Started, string Path, bool Shows, HttpStatusCode Status)>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var client = app.Browser();
            var i = n;
            while (!stop.IsCancellationRequested)
            {
                var (path, shows) = reads[i++ % reads.Length];
                var started = Stopwatch.GetTimestamp();
                var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                seen.Add((started, path, shows(response, body), response.StatusCode));
            }
        })).ToList();

        await Task.Delay(400);
        var staff = app.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var withdraw = await staff.PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new { reason = "压力测试撤回" });
        Interlocked.Exchange(ref withdrawnAt, Stopwatch.GetTimestamp());
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        await Task.Delay(600);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var all = seen.ToList();
        Assert.All(all, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{r.Path} answered {r.Status}"));
        // The test could fail: the document was seen on each kind of read before the withdrawal, and reads went on after it.
        foreach (var (path, _) in reads.Where(r => r.Path != "/"))
        {
            Assert.Contains(all, r => r.Path == path && r.Shows && r.Started < withdrawnAt);
            Assert.Contains(all, r => r.Path == path && r.Started > withdrawnAt);
        }

        var late = all.Where(r => r.Started > withdrawnAt && r.Shows).Select(r => r.Path).ToList();
        Assert.True(late.Count == 0, $"served after the withdrawal returned: {string.Join(", ", late)}");
    }
}

public sealed class PublicPageCacheTests_Sqlite(SqliteApp app) : PublicPageCacheTests<SqliteApp>(app);

public sealed class PublicPageCacheTests_Postgres(PostgresApp app) : PublicPageCacheTests<PostgresApp>(app);
