using System.Diagnostics;
using Gongkai.Platform.Caching;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Gongkai.Requests.Sweep;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// The daily sweep of issue 4 at scale: generates <c>--requests</c> disclosure requests over 2016–2026 (seeded), of which
/// <c>--open</c> are still open (received in the last two months, with extensions, consultations, fee notices and lapsing
/// correction notices), on a fresh database of the chosen provider, then times the sweep: the first pass (every open row
/// changes, since the generator stores no due dates) and the steady state (a second pass the same day, and one the next day).
///
///   dotnet Gongkai.Bench.dll sweep --provider Postgres --connection "Host=…;Username=…;Database=postgres" [--requests 1000000] [--open 1000000] [--seed 2026]
///   dotnet Gongkai.Bench.dll sweep --provider Sqlite [--file /tmp/sweep.db] …
///   … --file /tmp/sweep.db --existing yes   sweeps a file generated before (kept because --file was given) without generating again
///   … --passes 0 only generates; --passes 1 runs the first pass only; --days N sweeps N days later (daily passes on a swept file)
/// </summary>
internal static class SweepBench
{
    internal static readonly DateOnly Today = new(2026, 11, 20);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public static async Task<int> RunAsync(SearchBench.Args a)
    {
        var provider = a.String("provider") ?? DatabaseSetup.Sqlite;
        var total = a.Int("requests", 1_000_000);
        var open = Math.Min(a.Int("open", total), total);
        var seed = a.Int("seed", 2026);
        string connection;
        string? dropDatabase = null;
        string? file = null;
        if (provider == DatabaseSetup.Postgres)
        {
            var server = a.Required("connection");
            var name = "gk_bench_sweep_" + Guid.NewGuid().ToString("N")[..8];
            await using (var conn = new NpgsqlConnection(server))
            {
                await conn.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE {name}", conn).ExecuteNonQueryAsync();
            }

            connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            dropDatabase = server + "|" + name;
        }
        else
        {
            file = a.String("file") ?? Path.Combine(Path.GetTempPath(), $"gk-bench-sweep-{Guid.NewGuid():N}.db");
            connection = $"Data Source={file}";
        }

        var clock = new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(6, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Gongkai"] = connection,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddGongkaiDatabase(config)
            .AddPublicPageCache(config)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddScoped<CurrentActor>()
            .AddBenchAudit()
            .AddSingleton<CalendarStore>()
            .AddScoped<LoadYearSchedule>()
            .AddScoped<RequestSweep>()
            .AddSingleton<DailySweeper>()
            .BuildServiceProvider();
        try
        {
            Console.WriteLine($"provider {provider}, {total:N0} requests, {open:N0} open, seed {seed}, today {Today:yyyy-MM-dd}");
            var sw = Stopwatch.StartNew();
            if (a.String("existing") is null)
            {
                await PrepareAsync(services, total, open, seed);
                Console.WriteLine($"generate: {sw.Elapsed.TotalSeconds:F1} s");
            }
            else
            {
                Console.WriteLine("reusing the requests already in the database (--existing)");
            }

            var sweeper = services.GetRequiredService<DailySweeper>();
            // --passes 0 only generates (a pristine file to copy and sweep with --existing yes, one variant after another).
            // --days N moves the three passes N days later: on a file swept before (--existing yes), each pass is then a daily one.
            var start = Today.AddDays(a.Int("days", 0));
            foreach (var (label, day) in new[] { ("first pass", start), ("same day again", start), ("next day", start.AddDays(3)) }.Take(a.Int("passes", 3)))
            {
                clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                var run = await sweeper.RunAsync("bench", onlyPending: false, wait: true, CancellationToken.None);
                var wall = sw.Elapsed.TotalSeconds;
                var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine($"sweep {label} ({day:yyyy-MM-dd}): {wall:F1} s wall, {used:F1} s CPU in this process; checked {run!.Checked:N0}, "
                    + $"changed {run.Changed:N0}, closed {run.Closed:N0}, reminders {run.Reminders:N0}, pending {run.StillPending:N0}");
            }

            if (a.String("keep") is not null)
            {
                Console.WriteLine($"kept: {connection}");
            }

            return 0;
        }
        finally
        {
            await services.DisposeAsync();
            if (dropDatabase is not null && a.String("keep") is null)
            {
                NpgsqlConnection.ClearAllPools();
                var parts = dropDatabase.Split('|');
                await using var conn = new NpgsqlConnection(parts[0]);
                await conn.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {parts[1]} WITH (FORCE)", conn).ExecuteNonQueryAsync();
            }
            else if (file is not null && a.String("file") is null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(f);
                }
            }
        }
    }

    /// <summary>
    /// The 查询码 of generated request <paramref name="i"/> (the last seven digits of its tracking number): "BENCH" and
    /// <paramref name="i"/> in base 8 written with the digits 2–9, seven of them — twelve characters of the real alphabet.
    /// bench/track-load/track.lua computes the same.
    /// </summary>
    internal static string BenchSecret(int i)
    {
        var digits = new char[7];
        for (var k = 6; k >= 0; k--, i /= 8)
        {
            digits[k] = (char)('2' + i % 8);
        }

        return "BENCH" + new string(digits);
    }

    internal static async Task PrepareAsync(IServiceProvider services, int total, int open, int seed)
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

        var calendar = await services.GetRequiredService<CalendarStore>().GetAsync();
        var organs = Enumerable.Range(1, 20).Select(i => new Organ
        {
            Code = $"B{i:D3}",
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
        var openFrom = calendar.AddWorkingDays(Today, 0).AddDays(-62).DayNumber;
        const int Batch = 20_000;
        for (var start = 0; start < total; start += Batch)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var requests = new List<DisclosureRequest>(Batch);
            var events = new List<RequestClockEvent>(Batch);
            for (var i = start; i < Math.Min(start + Batch, total); i++)
            {
                var isOpen = i >= total - open;
                var received = DateOnly.FromDayNumber(isOpen ? random.Next(openFrom, Today.DayNumber + 1) : random.Next(first, openFrom));
                var organ = organs[random.Next(organs.Count)];
                var request = new DisclosureRequest
                {
                    TrackingNumber = $"{received.Year}-{organ.Code}-{i:D7}",
                    // A real hash of a secret the tracking bench can work out from the number (bench/track-load).
                    SecretHash = RequestSecret.Hash(BenchSecret(i)),
                    OrganId = organ.Id,
                    Channel = RequestChannel.InPerson,
                    ApplicantType = ApplicantType.NaturalPerson,
                    ApplicantName = "申请人" + i,
                    IdDocumentType = IdDocumentType.ResidentIdCard,
                    IdNumberProtected = "x",
                    PhoneProtected = "x",
                    InformationWanted = "基准测试申请",
                    Form = InformationForm.Electronic,
                    Delivery = DeliveryMethod.Email,
                    SubmittedOn = received,
                    ReceivedOn = received,
                };
                var sequence = 0;
                RequestClockEvent? closing = null;
                foreach (var e in Events(calendar, received, isOpen, random))
                {
                    e.RequestId = request.Id;
                    e.Sequence = ++sequence;
                    events.Add(e);
                    closing = e.Kind == ClockEventKind.Closed ? e : closing;
                }

                requests.Add(request.WithStoredState(new()
                {
                    RegisteredOn = received,
                    AssignedToId = i % 3 == 0 ? null : "bench",
                    Stage = isOpen ? RequestStage.Received : RequestStage.Closed,
                    Outcome = closing?.Outcome,
                    ClosedOn = closing?.On,
                }));
            }

            // Straight into the tables (BulkRows): the rows EF would write, without change tracking.
            await BulkRows.InsertAsync(db, requests);
            await BulkRows.InsertAsync(db, events);
        }

        using (var scope = services.CreateScope())
        {
            await BulkRows.RefreshStatisticsAsync(scope.ServiceProvider.GetRequiredService<GongkaiDb>());
        }
    }

    /// <summary>A realistic mix: most closed requests have a closing event; open ones get extensions, consultations, fees and corrections.</summary>
    private static IEnumerable<RequestClockEvent> Events(WorkingDayCalendar calendar, DateOnly received, bool isOpen, Random random)
    {
        RequestClockEvent E(ClockEventKind kind, DateOnly on) => new() { Kind = kind, On = on, RecordedByName = "bench" };
        var roll = random.Next(100);
        var day = calendar.AddWorkingDays(received, 2);
        if (day > Today)
        {
            yield break;
        }

        if (!isOpen)
        {
            var closed = E(ClockEventKind.Closed, calendar.AddWorkingDays(received, 15));
            closed.Outcome = RequestOutcome.Disclosed;
            yield return closed;
        }
        else if (roll < 20)
        {
            var ext = E(ClockEventKind.ExtensionApproved, day);
            ext.WorkingDays = 20;
            ext.ApprovedBy = "主任";
            yield return ext;
        }
        else if (roll < 30)
        {
            var consult = E(ClockEventKind.ThirdPartyConsulted, day);
            consult.Party = "某公司";
            yield return consult;
        }
        else if (roll < 35)
        {
            yield return E(ClockEventKind.FeeNoticeIssued, day);
        }
        else if (roll < 38)
        {
            var notice = E(ClockEventKind.CorrectionRequested, day);
            notice.Until = day.AddDays(10);
            yield return notice;
        }
    }
}
