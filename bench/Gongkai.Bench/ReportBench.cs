using System.Diagnostics;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
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
/// (seeded; every channel, applicant type and outcome; 3 % still open; 10 % of documents 行政规范性文件, some repealed)
/// for 20 organs on a fresh database, then times one organ's 2025 report (tables 二, 三, 四 and the previous year for
/// R6/R7) and all 20 organs' 2025 reports.
///
///   dotnet Gongkai.Bench.dll report --provider Sqlite|Postgres [--connection …] [--requests 1000000] [--documents 1000000] [--seed 2026]
/// </summary>
internal static class ReportBench
{
    public static async Task<int> RunAsync(SearchBench.Args a)
    {
        var provider = a.String("provider") ?? DatabaseSetup.Sqlite;
        var requests = a.Int("requests", 1_000_000);
        var documents = a.Int("documents", 1_000_000);
        var seed = a.Int("seed", 2026);
        await using var database = await RequestLoadBench.BenchDatabase.CreateAsync(provider, a.String("connection"), null);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Gongkai"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddGongkaiDatabase(config)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddScoped<CurrentActor>()
            .AddScoped<AuditLog>()
            .AddSingleton<CalendarStore>()
            .AddScoped<LoadYearSchedule>()
            .AddScoped<RequestStatistics>()
            .AddScoped<ComputeAnnualReport>()
            .BuildServiceProvider();
        try
        {
            Console.WriteLine($"provider {provider}, {requests:N0} requests, {documents:N0} documents, seed {seed}");
            var sw = Stopwatch.StartNew();
            var organs = await PrepareAsync(services, requests, documents, seed);
            Console.WriteLine($"generate: {sw.Elapsed.TotalSeconds:F1} s");
            for (var run = 1; run <= 3; run++)
            {
                sw.Restart();
                using (var scope = services.CreateScope())
                {
                    var v = await scope.ServiceProvider.GetRequiredService<ComputeAnnualReport>().ComputeAsync(organs[0].Id, 2025);
                    Console.WriteLine($"RESULT one_report run={run} ms={sw.Elapsed.TotalMilliseconds:F0} received={v.Figures.Table3("new", null)} carried_in={v.Figures.Table3("carried", null)} " +
                        $"closed={v.Figures.Table3("closed", null)} normative_valid={v.Figures.Value(NationalFormat2021.Item1, "normative", "valid")} failed_rules={v.Rules.Count(r => r.Outcome == RuleOutcome.Failed)}");
                }
            }

            for (var run = 1; run <= 2; run++)
            {
                sw.Restart();
                long received = 0;
                foreach (var organ in organs)
                {
                    using var scope = services.CreateScope();
                    var v = await scope.ServiceProvider.GetRequiredService<ComputeAnnualReport>().ComputeAsync(organ.Id, 2025);
                    received += (long)v.Figures.Table3("new", null);
                }

                Console.WriteLine($"RESULT all_reports run={run} organs={organs.Count} ms={sw.Elapsed.TotalMilliseconds:F0} received_total={received}");
            }

            return 0;
        }
        finally
        {
            await services.DisposeAsync();
        }
    }

    private static async Task<List<Organ>> PrepareAsync(IServiceProvider services, int requests, int documents, int seed)
    {
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            await db.Database.MigrateAsync();
            foreach (var schedule in ShippedSchedules.All)
            {
                await scope.ServiceProvider.GetRequiredService<LoadYearSchedule>().HandleAsync(schedule);
            }
        }

        var organs = Enumerable.Range(1, 20).Select(i => new Organ
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

        var random = new Random(seed);
        var first = new DateOnly(2016, 1, 4).DayNumber;
        var last = new DateOnly(2025, 12, 31).DayNumber;
        var channels = Enum.GetValues<RequestChannel>();
        var types = ApplicantTypes.All;
        var outcomes = Enum.GetValues<RequestOutcome>();
        const int Batch = 10_000;
        for (var start = 0; start < requests; start += Batch)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + Batch, requests); i++)
            {
                var received = DateOnly.FromDayNumber(random.Next(first, last + 1));
                var open = random.Next(100) < 3;
                var closed = open ? (DateOnly?)null : received.AddDays(random.Next(3, 50));
                var organ = organs[random.Next(organs.Count)];
                db.DisclosureRequests.Add(new DisclosureRequest
                {
                    TrackingNumber = $"{received.Year}-{organ.Code}-{i:D7}",
                    SecretHash = "0",
                    OrganId = organ.Id,
                    Channel = channels[random.Next(channels.Length)],
                    ApplicantType = types[random.Next(10) < 8 ? 0 : random.Next(types.Count)],
                    ApplicantName = "申请人",
                    IdNumberProtected = "x",
                    PhoneProtected = "x",
                    InformationWanted = "基准测试",
                    SubmittedOn = received,
                    ReceivedOn = received,
                    RegisteredOn = received,
                    Stage = open ? RequestStage.InHandling : RequestStage.Closed,
                    ClosedOn = closed,
                    Outcome = open ? null : outcomes[random.Next(outcomes.Length)],
                    Timeliness = random.Next(100) < 5 ? Timeliness.Overdue : Timeliness.OnTime,
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        var informationTypes = Enum.GetValues<InformationType>();
        for (var start = 0; start < documents; start += Batch)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + Batch, documents); i++)
            {
                var written = DateOnly.FromDayNumber(random.Next(first, last + 1));
                var normative = random.Next(10) == 0;
                var repealed = normative && random.Next(10) == 0;
                db.Documents.Add(new GovDocument
                {
                    OrganId = organs[random.Next(organs.Count)].Id,
                    Title = "基准测试信息" + i,
                    SubjectCategory = "综合政务\\其他",
                    Issuer = "测试局",
                    InformationType = normative ? InformationType.NormativeDocument : informationTypes[random.Next(informationTypes.Length)],
                    WrittenOn = written,
                    FormedOn = written,
                    Status = DocumentStatus.Published,
                    Attribute = DisclosureAttribute.Proactive,
                    Validity = repealed ? Validity.Repealed : Validity.Valid,
                    ValidityChangedOn = repealed ? written.AddDays(random.Next(30, 1500)) : null,
                    PublishedAt = new DateTimeOffset(written.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        return organs;
    }
}
