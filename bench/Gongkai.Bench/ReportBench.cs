using System.Diagnostics;
using Gongkai.Platform.Caching;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Reports;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// The annual report of issue 5 at scale: <c>--requests</c> requests and <c>--documents</c> documents over 2016–2025
/// for <c>--organs</c> organs on a fresh database, written by <see cref="BulkRows"/> from <see cref="ReportBenchData"/> (binary COPY / one prepared
/// transaction; every channel, applicant type and outcome, carry-over across years, appeals, fees, 行政规范性文件
/// issued and repealed, the organs' entered 规章 figures), then times one organ's 2025 report (tables 二, 三, 四 and
/// 2024 for R6/R7) and all organs' 2025 reports computed together (<see cref="ComputeAllAnnualReports"/>), recording
/// wall time and this process's CPU time (on PostgreSQL the server's CPU is not in it), and checks that the grouped
/// all-organs figures equal the single-organ ones.
///
///   dotnet Gongkai.Bench.dll report --provider Sqlite|Postgres [--connection …] [--requests 1000000] [--documents 1000000] [--organs 50] [--seed 2026] [--year 2025] [--explain 1]
/// </summary>
internal static class ReportBench
{
    public static async Task<int> RunAsync(SearchBench.Args a)
    {
        var provider = a.String("provider") ?? DatabaseSetup.Sqlite;
        var requests = a.Int("requests", 1_000_000);
        var documents = a.Int("documents", 1_000_000);
        var organCount = a.Int("organs", 50);
        var seed = a.Int("seed", 2026);
        var year = a.Int("year", 2025);
        await using var database = await RequestLoadBench.BenchDatabase.CreateAsync(provider, a.String("connection"), null);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Gongkai"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddGongkaiDatabase(config)
            .AddPublicPageCache(config)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddScoped<CurrentActor>()
            .AddBenchAudit()
            .AddSingleton<CalendarStore>()
            .AddScoped<LoadYearSchedule>()
            .AddScoped<RequestStatistics>()
            .AddScoped<RequestStatisticsByOrgan>()
            .AddScoped<ComputeAnnualReport>()
            .AddScoped<ComputeAllAnnualReports>()
            .BuildServiceProvider();
        try
        {
            Console.WriteLine($"provider {provider}, {requests:N0} requests, {documents:N0} documents, {organCount} organs, seed {seed}, year {year}; nproc {Environment.ProcessorCount}, load {Load()}");
            var organs = await PrepareAsync(services, provider, database.ConnectionString, requests, documents, organCount, seed);
            if (a.Int("explain", 0) == 1)
            {
                using var scope = services.CreateScope();
                await ReportExplain.RunAsync(scope.ServiceProvider.GetRequiredService<GongkaiDb>(), provider, organs[0].Id, year);
            }

            AnnualReportView? single = null;
            for (var run = 1; run <= 3; run++)
            {
                var m = Measure.Start();
                using var scope = services.CreateScope();
                var v = await scope.ServiceProvider.GetRequiredService<ComputeAnnualReport>().ComputeAsync(organs[0].Id, year);
                single = v;
                Console.WriteLine($"RESULT one_report run={run} {m.Stop()} load={Load()} received={v.Figures.Table3("new", null)} carried_in={v.Figures.Table3("carried", null)} " +
                    $"closed={v.Figures.Table3("closed", null)} carried_out={v.Figures.Table3("out", null)} failed_rules={v.Rules.Count(r => r.Outcome == RuleOutcome.Failed)}");
            }

            IReadOnlyList<AnnualReportView> all = [];
            for (var run = 1; run <= 3; run++)
            {
                var m = Measure.Start();
                using var scope = services.CreateScope();
                all = await scope.ServiceProvider.GetRequiredService<ComputeAllAnnualReports>().ComputeAsync(year);
                Console.WriteLine($"RESULT all_reports run={run} organs={all.Count} {m.Stop()} load={Load()} received_total={all.Sum(v => v.Figures.Table3("new", null))} " +
                    $"failed_rules={all.Sum(v => v.Rules.Count(r => r.Outcome == RuleOutcome.Failed))}");
            }

            // The grouped computation must give every organ exactly its single-organ report.
            var same = all.Single(v => v.Organ.Id == organs[0].Id);
            var differences = single!.Figures.Cells.Count(c => same.Figures[c.Key] != c.Value) + (single.Figures.Cells.Count != same.Figures.Cells.Count ? 1 : 0)
                + (single.FeeLine != same.FeeLine ? 1 : 0) + single.Rules.Zip(same.Rules).Count(p => p.First != p.Second && p.First.Outcome != p.Second.Outcome);
            Console.WriteLine($"CHECK all_vs_single organ={organs[0].Code} cells={single.Figures.Cells.Count} differences={differences}");
            return differences == 0 ? 0 : 1;
        }
        finally
        {
            await services.DisposeAsync();
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join('/', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>Wall time and this process's CPU time (user + system) of one step.</summary>
    private sealed class Measure
    {
        private readonly Stopwatch wall = Stopwatch.StartNew();
        private readonly TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public static Measure Start() => new();

        public string Stop() => $"ms={wall.Elapsed.TotalMilliseconds:F0} cpu_ms={(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0}";
    }

    private static async Task<List<Organ>> PrepareAsync(IServiceProvider services, string provider, string connection, int requests, int documents, int organCount, int seed)
    {
        var m = Measure.Start();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            await db.Database.MigrateAsync();
            foreach (var schedule in ShippedSchedules.All)
            {
                await scope.ServiceProvider.GetRequiredService<LoadYearSchedule>().HandleAsync(schedule);
            }
        }

        var organs = Enumerable.Range(1, organCount).Select(i => new Organ
        {
            Code = $"R{i:D3}",
            ShortName = $"测试局{i}",
            FullName = $"北京市西城区测试局{i}",
            ReceivesRequests = true,
            IsActive = true,
            SortOrder = i,
        }).ToList();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            db.Organs.AddRange(organs);
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"migrate+calendar+organs: {m.Stop()}");
        var ids = organs.Select(o => o.Id).ToList();
        var written = new List<ReportBenchData.RequestRow>(requests);
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            m = Measure.Start();
            var n = await BulkRows.InsertAsync(db, ReportBenchData.Requests(requests, ids, seed, written), rebuildIndexes: true);
            Console.WriteLine($"generate requests: {n:N0} rows {m.Stop()}");
            m = Measure.Start();
            n = await BulkRows.InsertAsync(db, ReportBenchData.Appeals(written, seed), rebuildIndexes: true);
            n += await BulkRows.InsertAsync(db, ReportBenchData.Fees(written, seed), rebuildIndexes: true);
            n += await BulkRows.InsertAsync(db, ReportBenchData.EnteredFigures(ids, seed), rebuildIndexes: true);
            Console.WriteLine($"generate appeals, fees, entered figures: {n:N0} rows {m.Stop()}");
            m = Measure.Start();
            n = await BulkRows.InsertAsync(db, ReportBenchData.Documents(documents, ids, seed), rebuildIndexes: true);
            Console.WriteLine($"generate documents: {n:N0} rows {m.Stop()}");
        }

        m = Measure.Start();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            await BulkRows.RefreshStatisticsAsync(db);

            // The rows are read back through EF as the app reads them: a failure here means the writer's formats are wrong.
            var sample = await db.DisclosureRequests.AsNoTracking().OrderBy(r => r.TrackingNumber).Take(200).ToListAsync();
            var docs = await db.Documents.AsNoTracking().OrderBy(d => d.Id).Take(200).ToListAsync();
            var appeals = await db.Set<Gongkai.Requests.Appeals.AppealCase>().AsNoTracking().Take(50).ToListAsync();
            var fees = await db.FeeAssessments.AsNoTracking().Take(50).ToListAsync();
            var saved = await db.AnnualReports.AsNoTracking().Take(50).ToListAsync();
            if (sample.Any(r => r.Stage == RequestStage.Closed != (r.ClosedOn is not null && r.Outcome is not null)) || docs.Count == 0 || appeals.Count == 0 || fees.Count == 0 || saved.Count == 0
                || docs.Any(d => d.Status == DocumentStatus.Published && d.PublishedAt is null))
            {
                throw new InvalidOperationException("generated rows do not read back as valid records");
            }
        }

        Console.WriteLine($"analyze + read-back check: {m.Stop()}");
        return organs;
    }
}
