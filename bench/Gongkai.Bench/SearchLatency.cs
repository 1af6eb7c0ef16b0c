using System.Diagnostics;
using System.Globalization;
using Gongkai.Disclosure;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Bench;

/// <summary>
/// Latency of the public search on an existing database (filled by <c>gongkai demo generate</c>): the first page with
/// snippets as /search and /api/v1/search produce it (<see cref="DocumentSearch.SearchAsync"/>), against the bare
/// database query that only finds the ten best-ranked index sections for the same terms.
/// </summary>
internal static class SearchLatency
{
    /// <summary>Terms people type into district search boxes, two to six characters.</summary>
    public static readonly string[] Terms =
    [
        "低保", "垃圾分类", "老旧小区改造", "营商环境", "义务教育入学", "养老", "停车", "医疗保险", "食品安全", "政府信息公开",
        "棚户区改造", "预算", "招聘", "疏解整治", "消防安全", "保障性住房", "背街小巷", "安全生产", "物业", "供暖",
    ];

    public static async Task<int> RunAsync(SearchBench.Args a)
    {
        var rounds = a.Int("rounds", 5);
        var label = a.String("label") ?? "";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        if (a.String("log") == "sql")
        {
            // One query with every SQL command and its time, to see where a search spends it.
            builder.Logging.AddSimpleConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning);
            rounds = 0;
        }

        builder.Configuration["Database:Provider"] = a.Required("provider");
        builder.Configuration["ConnectionStrings:Gongkai"] = a.Required("connection");
        builder.Configuration["Demo:Documents"] = "0";
        builder.AddGongkaiModules();
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync(app.Configuration);

        long documents;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            documents = await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Documents.LongCountAsync();
        }

        var full = new List<double>();
        var bare = new List<double>();
        var totals = new Dictionary<string, int>();
        var perTerm = Terms.ToDictionary(t => t, _ => new List<double>());
        // Round 0 warms caches and the JIT and is not counted.
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var term in Terms)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var search = scope.ServiceProvider.GetRequiredService<DocumentSearch>();
                var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
                var sw = Stopwatch.StartNew();
                var result = await search.SearchAsync(term, new DocumentSearch.Filters());
                var fullMs = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var ids = await BareAsync(db, term);
                var bareMs = sw.Elapsed.TotalMilliseconds;
                if (result.Items.Count == 0 || ids == 0)
                {
                    throw new InvalidOperationException($"“{term}” found nothing: the data cannot measure it");
                }

                totals[term] = result.Total;
                if (round > 0)
                {
                    full.Add(fullMs);
                    bare.Add(bareMs);
                    perTerm[term].Add(fullMs);
                }
            }
        }

        var inv = CultureInfo.InvariantCulture;
        foreach (var term in Terms)
        {
            Console.WriteLine(string.Create(inv, $"TERM {label} {term} matches={totals[term]} p50_ms={Percentile(perTerm[term], 50):F1} max_ms={perTerm[term].Max():F1}"));
        }

        Console.WriteLine(string.Create(inv,
            $"RESULT search {label} provider={a.Required("provider")} documents={documents} queries={full.Count} " +
            $"p50_ms={Percentile(full, 50):F1} p95_ms={Percentile(full, 95):F1} max_ms={full.Max():F1} " +
            $"bare_p50_ms={Percentile(bare, 50):F1} bare_p95_ms={Percentile(bare, 95):F1} ratio_p50={Percentile(full, 50) / Percentile(bare, 50):F2} " +
            $"ratio_p95={Percentile(full, 95) / Percentile(bare, 95):F2} median_matches={Percentile(totals.Values.Select(v => (double)v).ToList(), 50):F0}"));
        return 0;
    }

    /// <summary>The index alone: the ten newest matching entries, segment by segment, with no document row, count, ranking or snippet.</summary>
    private static async Task<int> BareAsync(GongkaiDb db, string term)
    {
        var index = SearchIndex.For(db);
        await using var read = await index.BeginReadAsync(db);
        var found = 0;
        foreach (var segment in await index.SegmentsAsync(db))
        {
            var parameters = new List<object>();
            var match = index.MatchSql(SearchQuery.Parse(term), SearchIndex.Field.All, segment, parameters);
            var sql = "SELECT e.\"Id\" AS \"Value\" FROM " + match.From + " WHERE " + match.Where + " ORDER BY " + match.NewestFirst + " LIMIT " + (10 - found);
            found += (await db.Database.SqlQueryRaw<long>(sql, [.. parameters]).ToListAsync()).Count;
            if (found == 10)
            {
                break;
            }
        }

        return found;
    }

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
