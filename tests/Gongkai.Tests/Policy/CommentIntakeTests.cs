using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform;
using Gongkai.Policy.Consultations;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Policy;

/// <summary>
/// The batching comment intake on both databases: concurrent submissions stored exactly once with distinct receipts,
/// repeated submission keys answered with one receipt, and comments racing the closing instant refused, never stored late.
/// </summary>
public abstract class CommentIntakeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private void At(string local) => app.Clock.Now = ConsultationInput.Instant(ConsultationKit.Local(local));

    [Fact]
    public async Task Concurrent_submissions_are_stored_exactly_once_with_distinct_receipts()
    {
        At("2026-03-02 10:00");
        var c = await app.OpenAsync("关于社区停车管理办法公开征求意见", "2026-03-02 09:00", "2026-03-10 17:00");
        var second = (await app.ArticlesAsync(c.Id, 1))[2];
        var client = app.Browser();
        const int Count = 240;
        var responses = await Task.WhenAll(Enumerable.Range(0, Count).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultations/{c.Id}/comments")
            {
                Content = JsonContent.Create(new { articleId = i % 2 == 0 ? second.Id : (Guid?)null, body = $"并发意见第{i}条：建议增加夜间停车位。" }),
            };
            if (i < 20)
            {
                // Ten keys, each sent twice at once: one comment each.
                request.Headers.Add("Idempotency-Key", $"intake-key-{i % 10}");
            }

            using var response = await client.SendAsync(request);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (i, response.StatusCode, Receipt: response.StatusCode == HttpStatusCode.Created ? json.GetProperty("receiptNumber").GetString()! : json.ToString());
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.Created, $"{r.i}: {r.StatusCode} {r.Receipt}"));
        var rows = await app.CommentsAsync(c.Id);
        Assert.Equal(Count - 10, rows.Count);
        Assert.Equal(Count - 10, rows.Select(r => r.ReceiptNumber).Distinct().Count());
        Assert.Equal(rows.Select(r => r.ReceiptNumber).Order(), responses.Select(r => r.Receipt).Distinct().Order());
        for (var k = 0; k < 10; k++)
        {
            Assert.Equal(responses[k].Receipt, responses[k + 10].Receipt);
        }

        var byReceipt = rows.ToDictionary(r => r.ReceiptNumber);
        foreach (var (i, _, receipt) in responses.Where(r => r.i >= 20))
        {
            var row = byReceipt[receipt];
            Assert.Equal($"并发意见第{i}条：建议增加夜间停车位。", row.Body);
            Assert.Equal(i % 2 == 0 ? second.Id : null, row.ArticleId);
            Assert.Equal(ModerationStatus.Pending, row.Moderation);
            Assert.StartsWith("YJ20260302-", receipt);
        }
    }

    [Fact]
    public async Task A_comment_checked_before_closing_but_written_after_is_refused_and_none_is_stored_late()
    {
        At("2026-03-02 10:00");
        var c = await app.OpenAsync("关于背街小巷环境整治方案公开征求意见", "2026-03-02 09:00", "2026-03-10 17:00");
        var closes = ConsultationInput.Instant(ConsultationKit.Local("2026-03-10 17:00"));
        var version = (await app.ArticlesAsync(c.Id, 1))[0].VersionId;

        // Checked while open (as SubmitComment does), queued when the closing instant has passed: the writer refuses it.
        app.Clock.Now = closes;
        var intake = app.Services.GetRequiredService<CommentIntake>();
        var late = await Assert.ThrowsAsync<ValidationFailure>(() => intake.SubmitAsync(new ConsultationComment
        {
            ConsultationId = c.Id,
            VersionId = version,
            VersionNumber = 1,
            ReceiptNumber = "",
            Channel = CommentChannel.Api,
            Body = "截止前检查、截止后写入的意见。",
            GroupKey = CommentText.Fingerprint("截止前检查、截止后写入的意见。"),
        }));
        Assert.Contains("截止", late.Message);
        Assert.Empty(await app.CommentsAsync(c.Id));

        // Many comments while the clock passes the closing instant: each is either stored before it or refused.
        app.Clock.Now = closes.AddMilliseconds(-300);
        var client = app.Browser();
        var sending = Enumerable.Range(0, 120).Select(async i =>
        {
            await Task.Delay(i % 40);
            using var response = await client.PostAsJsonAsync($"/api/v1/consultations/{c.Id}/comments", new { body = $"临近截止的意见{i}" });
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, Json: json);
        }).ToList();
        await Task.Delay(15);
        app.Clock.Now = closes;
        var answers = await Task.WhenAll(sending);
        var rows = await app.CommentsAsync(c.Id);
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Json.GetProperty("receiptNumber").GetString()).ToList();
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode);
            Assert.Contains("意见征集已于2026-03-10 17:00截止", a.Json.GetProperty("detail").GetString());
        });
        Assert.Equal(created.Order(), rows.Select(r => r.ReceiptNumber).Order());
        Assert.All(rows, r => Assert.True(r.ReceivedAt < closes, $"{r.ReceiptNumber} stored at {r.ReceivedAt:O}, after closing"));

        var after = await client.PostAsJsonAsync($"/api/v1/consultations/{c.Id}/comments", new { body = "截止以后的意见" });
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
        Assert.Equal(rows.Count, (await app.CommentsAsync(c.Id)).Count);
    }
}

public sealed class CommentIntakeTests_Sqlite(ClockedSqliteApp app) : CommentIntakeTests<ClockedSqliteApp>(app);

public sealed class CommentIntakeTests_Postgres(ClockedPostgresApp app) : CommentIntakeTests<ClockedPostgresApp>(app);

/// <summary>An application whose intake queue holds only three comments.</summary>
public sealed class SmallQueueSqliteApp : SqliteApp, IClockedApp
{
    public FakeClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Policy:Consultations:IntakeQueueLength"] = "3" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clocked.Configure(builder, Clock);
    }
}

/// <summary>When the database stalls, the intake answers 503 with Retry-After beyond its queue instead of letting requests hang; what it queued is stored once the database answers.</summary>
public sealed class CommentIntakeOverloadTests(SmallQueueSqliteApp app) : IClassFixture<SmallQueueSqliteApp>
{
    [Fact]
    public async Task Beyond_the_queue_comments_get_503_with_Retry_After_and_the_queued_ones_are_stored()
    {
        app.Clock.Now = ConsultationInput.Instant(ConsultationKit.Local("2026-03-02 10:00"));
        var c = await app.OpenAsync("关于老旧小区加装电梯补贴办法公开征求意见", "2026-03-02 09:00", "2026-03-10 17:00");
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/consultations/{c.Id}/comments", new { body = "第一条意见" })).StatusCode);

        // Another connection holds SQLite's write lock: the writer waits, the queue fills.
        await using var blocker = new SqliteConnection(app.ConnectionString);
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        // One comment reaches the writer, which waits for the lock holding it; then the queue (three) fills and the
        // remaining eight are refused at once.
        var intake = app.Services.GetRequiredService<CommentIntake>();
        var send = (int i) => client.PostAsJsonAsync($"/api/v1/consultations/{c.Id}/comments", new { body = $"高峰期意见{i}" });
        var sending = new List<Task<HttpResponseMessage>> { send(0) };
        await Until(() => intake.Writing == 1 && intake.Waiting == 0, "the writer to take the first comment");
        sending.AddRange(Enumerable.Range(1, 11).Select(send));
        await Until(() => sending.Count(t => t.IsCompleted) >= 8, "eight refusals while the database is locked");

        var busy = sending.Where(t => t.IsCompleted).Select(t => t.Result).ToList();
        Assert.Equal(8, busy.Count);
        Assert.Equal(3, intake.Waiting);
        Assert.Equal(1, intake.Writing);
        Assert.All(busy, r =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            Assert.Equal("1", r.Headers.RetryAfter?.ToString());
        });
        Assert.Contains("请稍后再试", (await busy[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        var all = await Task.WhenAll(sending);
        var accepted = all.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(4, accepted.Count);
        var receipts = new List<string>();
        foreach (var r in accepted)
        {
            receipts.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!);
        }

        var stored = (await app.CommentsAsync(c.Id)).Select(x => x.ReceiptNumber).ToList();
        Assert.Equal(1 + accepted.Count, stored.Count);
        Assert.All(receipts, r => Assert.Contains(r, stored));
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"waited 20 s for {what}");
            await Task.Delay(20);
        }
    }
}
