using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// Issue 7 at scale, against the whole application in this process (Kestrel on loopback, the real modules and database):
/// a consultation with <c>--comments</c> generated comments (seeded; articles, channels, 1 in 10 in campaign groups),
/// then (1) the staff answering list — first page and keyset pages at random positions, with and without an article
/// filter — p50/p95; (2) every comment answered and the feedback report built; (3) comments POSTed to
/// /api/v1/consultations/{id}/comments at <c>--rate</c> per second for <c>--seconds</c>, counting 201s against the rows stored.
///
///   dotnet Gongkai.Bench.dll consultations --provider Postgres --connection "Host=…;Username=…;Database=postgres" [--comments 100000] [--rate 1000] [--seconds 60]
///   (--comments 0 measures the intake alone)
///   dotnet Gongkai.Bench.dll consultations --provider Sqlite [--file /tmp/c.db] …
/// </summary>
internal static class ConsultationBench
{
    public static async Task<int> RunAsync(SearchBench.Args a)
    {
        var provider = a.String("provider") ?? DatabaseSetup.Sqlite;
        var total = a.Int("comments", 100_000);
        var rate = a.Int("rate", 1000);
        var seconds = a.Int("seconds", 60);
        var seed = a.Int("seed", 2026);
        string connection;
        string? dropDatabase = null;
        if (provider == DatabaseSetup.Postgres)
        {
            var server = a.Required("connection");
            var name = "gk_bench_policy_" + Guid.NewGuid().ToString("N")[..8];
            await using (var conn = new NpgsqlConnection(server))
            {
                await conn.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE {name}", conn).ExecuteNonQueryAsync();
            }

            connection = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 }.ConnectionString;
            dropDatabase = name;
        }
        else
        {
            connection = $"Data Source={a.String("file") ?? Path.Combine(Path.GetTempPath(), $"gk-bench-policy-{Guid.NewGuid():N}.db")}";
        }

        var port = 5600 + Random.Shared.Next(300);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Gongkai"] = connection,
            ["RateLimits:PublicFormPostsPerMinute"] = "100000000",
            ["Demo:Documents"] = "0",
            ["Requests:DailySweep"] = "false",
            ["Disclosure:ScheduledPublishing"] = "false",
            ["GONGKAI_ADMIN_PASSWORD"] = "Bench-pass-2026",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddGongkaiModules();
        var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.MapGongkaiModules();
        await app.StartAsync();
        Console.WriteLine($"provider {provider}; load {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores");
        try
        {
            if (total > 0)
            {
                var (id, articles) = await SeedAsync(app.Services, total, seed);
                await AnsweringListAsync(app.Services, id, articles, seed);
                await ReportAsync(app.Services, id, total);
            }

            await IngestAsync(app.Services, port, rate, seconds);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            if (dropDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(a.Required("connection"));
                await conn.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {dropDatabase} WITH (FORCE)", conn).ExecuteNonQueryAsync();
            }
        }

        return 0;
    }

    private static async Task<Guid> ConsultationAsync(IServiceProvider services, string title, int articles, List<(Guid Id, string Label)>? made = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var organ = await db.Organs.OrderBy(o => o.SortOrder).Select(o => o.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var c = new Consultation
        {
            OrganId = organ,
            Title = title,
            CreatedAt = now,
        };
        c.Reschedule(now.AddMinutes(-1), now.AddDays(14), null, now.AddMinutes(-1));
        c.Announce(now.AddMinutes(-1), null);
        var v = new DraftVersion { ConsultationId = c.Id, Number = 1, ChangeNote = "征求意见稿", Text = "", CreatedAt = now };
        for (var i = 1; i <= articles; i++)
        {
            var a = new DraftArticle { VersionId = v.Id, Position = i, Label = $"第{i}条", Text = $"第{i}条 条文内容。" };
            v.Articles.Add(a);
            made?.Add((a.Id, a.Label));
        }

        db.AddRange(c, v);
        await db.SaveChangesAsync();
        return c.Id;
    }

    private static async Task<(Guid Id, List<(Guid Id, string Label)> Articles)> SeedAsync(IServiceProvider services, int total, int seed)
    {
        var articles = new List<(Guid Id, string Label)>();
        var id = await ConsultationAsync(services, "十万条意见的征集", 40, articles);
        var version = await WithDb(services, db => db.Set<DraftVersion>().Where(v => v.ConsultationId == id).Select(v => v.Id).SingleAsync());
        var rnd = new Random(seed);
        var sw = Stopwatch.StartNew();
        const int Batch = 5000;
        for (var start = 0; start < total; start += Batch)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(total, start + Batch); i++)
            {
                var campaign = rnd.Next(10) == 0;
                var article = rnd.Next(4) == 0 ? ((Guid, string)?)null : articles[rnd.Next(articles.Count)];
                var body = campaign ? $"坚决支持第{rnd.Next(5) + 1}项调整意见！" : $"关于{article?.Item2 ?? "整体"}的第{i}条意见：建议细化标准，明确时限，加强监督。";
                db.Add(new ConsultationComment
                {
                    ConsultationId = id,
                    VersionId = version,
                    VersionNumber = 1,
                    ArticleId = article?.Item1,
                    ArticleLabel = article?.Item2,
                    ReceiptNumber = ReceiptNumbers.Next(new DateOnly(2026, 11, 23)),
                    Channel = CommentChannel.Online,
                    Body = body,
                    PublicBody = body,
                    GroupKey = CommentText.Fingerprint(body),
                    ReceivedAt = DateTimeOffset.UtcNow,
                    Moderation = ModerationStatus.Published,
                });
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"seed: {total:N0} comments in {sw.Elapsed.TotalSeconds:F1} s");
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "ANALYZE" : "ANALYZE");
        }

        return (id, articles);
    }

    private static async Task AnsweringListAsync(IServiceProvider services, Guid id, List<(Guid Id, string Label)> articles, int seed)
    {
        var ids = await WithDb(services, db => db.Set<ConsultationComment>().Where(x => x.ConsultationId == id).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync());
        var rnd = new Random(seed + 1);
        foreach (var (name, filter) in new (string, bool)[] { ("answering list (all)", false), ("answering list (one article)", true) })
        {
            var times = new List<double>();
            for (var i = 0; i < 230; i++)
            {
                Guid? after = i % 10 == 0 ? null : ids[rnd.Next(ids.Count)];
                var article = filter ? articles[rnd.Next(articles.Count)].Label : null;
                using var scope = services.CreateScope();
                var queries = scope.ServiceProvider.GetRequiredService<ConsultationQueries>();
                var sw = Stopwatch.StartNew();
                var rows = await queries.WorkListAsync(id, false, after, article);
                sw.Stop();
                if (i >= 30)
                {
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }

                if (rows.Count == 0 && after is null)
                {
                    throw new InvalidOperationException("empty answering list");
                }
            }

            Console.WriteLine($"{name}: 50 rows per page, 200 pages: p50 {Pct(times, 50):F1} ms, p95 {Pct(times, 95):F1} ms, max {times.Max():F1} ms");
        }
    }

    private static async Task ReportAsync(IServiceProvider services, Guid id, int total)
    {
        var sw = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var comments = db.Set<ConsultationComment>().Where(x => x.ConsultationId == id);
            // Bulk answers as staff give them: groups and templates, set-based (AnswerComments does the same per choice).
            await comments.Where(x => x.Body.StartsWith("坚决支持")).ExecuteUpdateAsync(s => s.SetProperty(x => x.Disposition, Disposition.NotAdopted).SetProperty(x => x.Reply, "与上位法规定不符，未采纳。"));
            await comments.Where(x => x.Disposition == null && x.ArticleLabel == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.Disposition, Disposition.PartlyAdopted).SetProperty(x => x.Reply, "已在修改稿中统筹考虑。"));
            await comments.Where(x => x.Disposition == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.Disposition, Disposition.Adopted));
        }

        Console.WriteLine($"answered all {total:N0} comments set-based in {sw.Elapsed.TotalSeconds:F1} s");
        var times = new List<double>();
        FeedbackReport? report = null;
        for (var i = 0; i < 6; i++)
        {
            using var scope = services.CreateScope();
            var reports = scope.ServiceProvider.GetRequiredService<FeedbackReports>();
            sw.Restart();
            report = await reports.BuildAsync(id);
            if (i > 0)
            {
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        if (report!.Received != total || report.ByDisposition.Values.Sum() + report.Hidden != total)
        {
            throw new InvalidOperationException($"report counts {report.Received}/{report.ByDisposition.Values.Sum()} do not match {total}");
        }

        Console.WriteLine($"feedback report over {total:N0} comments ({report.ByArticle.Count} articles, {report.NotAdoptedReasons.Count} reasons): median {Pct(times, 50):F0} ms, max {times.Max():F0} ms");
    }

    private static async Task IngestAsync(IServiceProvider services, int port, int rate, int seconds)
    {
        var id = await ConsultationAsync(services, "接收压力测试", 10);
        // The cost of encrypting a commenter's contact (every other POST below carries one).
        var protector = services.GetRequiredService<CommenterProtector>();
        var protectWatch = Stopwatch.StartNew();
        for (var i = 0; i < 20_000; i++)
        {
            protector.Protect($"1380013{i % 10_000:D4}");
        }

        Console.WriteLine($"contact encryption (Data Protection, purpose Gongkai.Policy.Commenter.v1): {protectWatch.Elapsed.TotalMicroseconds / 20_000:F1} µs per contact (20,000 calls, after warm-up of none)");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        var latencies = new ConcurrentBag<double>();
        var created = 0;
        var receipts = new ConcurrentBag<string>();
        var failed = new ConcurrentDictionary<int, int>();
        var count = rate * seconds;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var load = File.ReadAllText("/proc/loadavg").Trim();
        var start = Stopwatch.StartNew();
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - start.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var sw = Stopwatch.StartNew();
                try
                {
                    using var response = await client.PostAsJsonAsync($"/api/v1/consultations/{id}/comments", new { body = $"压力测试意见第{n}条：建议加强宣传。", contact = n % 2 == 0 ? $"1390013{n % 10_000:D4}" : null });
                    latencies.Add(sw.Elapsed.TotalMilliseconds);
                    if ((int)response.StatusCode == 201)
                    {
                        Interlocked.Increment(ref created);
                        receipts.Add((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("receiptNumber").GetString()!);
                    }
                    else
                    {
                        failed.AddOrUpdate((int)response.StatusCode, 1, (_, v) => v + 1);
                    }
                }
                catch (Exception)
                {
                    failed.AddOrUpdate(-1, 1, (_, v) => v + 1);
                }
            }));
        }

        var sent = start.Elapsed;
        await Task.WhenAll(tasks);
        var done = start.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var stored = await WithDb(services, db => db.Set<ConsultationComment>().CountAsync(x => x.ConsultationId == id));
        var numbers = await WithDb(services, db => db.Set<ConsultationComment>().Where(x => x.ConsultationId == id).Select(x => x.ReceiptNumber).ToListAsync());
        var missing = receipts.Except(numbers).Count();
        var l = latencies.ToList();
        Console.WriteLine($"ingest: {count:N0} POSTs offered at {rate}/s over {sent.TotalSeconds:F1} s, all answered after {done.TotalSeconds:F1} s " +
            $"({created / done.TotalSeconds:F0} accepted/s); 201: {created:N0}, other: {string.Join(", ", failed.Select(f => $"{f.Key}×{f.Value}"))}; " +
            $"rows stored {stored:N0}; acknowledged receipts missing from the database: {missing} ({(missing == 0 ? "none lost" : "LOST")}); " +
            $"{stored - created + missing:N0} stored after the client gave up (60 s timeout); latency p50 {Pct(l, 50):F0} ms, p95 {Pct(l, 95):F0} ms, p99 {Pct(l, 99):F0} ms");
        Console.WriteLine($"ingest CPU (server and client in this process): {cpu.TotalSeconds:F1} s over {done.TotalSeconds:F1} s wall = {cpu.TotalMilliseconds / Math.Max(1, created):F2} ms per accepted comment; " +
            $"load before {load}, after {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static async Task<T> WithDb<T>(IServiceProvider services, Func<GongkaiDb, Task<T>> work)
    {
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<GongkaiDb>());
    }

    private static double Pct(List<double> values, int p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }
}
