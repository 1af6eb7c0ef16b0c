using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Caching;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Gongkai.Requests.Sweep;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// Issue 4's two HTTP targets, against the real server (<c>dotnet gongkai.dll</c>, Production, on a loopback port) on a
/// database this bench fills itself:
///
///   queue:  --requests N (default 1,000,000 over 2016–2026, --open of them open, default 30,000) through the sweep bench's
///           generator, one sweep to store due dates, a handler of one organ and a district-wide office account; then
///           --samples sequential GETs of /admin/requests (and the overdue list, and the district view) after a warm-up;
///           prints p50/p95/p99/max.
///   submit: an empty database; --rate POST /api/v1/requests per second (default 200) for --seconds (default 60), each
///           with its own Idempotency-Key, spread over the organs, open loop (sent on schedule whatever the answers); a
///           share (--retry-percent, default 5) of the keys is sent a second time at once, as a double click would.
///           Afterwards the rows are counted: every key must be exactly one request, and every 201 answer's tracking
///           number must be stored.
///
///   dotnet Gongkai.Bench.dll queue|submit --provider Sqlite|Postgres [--connection "Host=…;Database=postgres"] --app src/Gongkai/bin/Release/net10.0 …
///   (queue: --file F on SQLite or --database NAME on PostgreSQL keeps the database; --existing yes measures it again)
/// </summary>
internal static partial class RequestLoadBench
{
    private const string Password = "Bench-pass-2026";

    public static async Task<int> RunAsync(string command, SearchBench.Args a)
    {
        var provider = a.String("provider") ?? DatabaseSetup.Sqlite;
        var appDir = Path.GetFullPath(a.String("app") ?? "src/Gongkai/bin/Release/net10.0");
        await using var database = await BenchDatabase.CreateAsync(provider, a.String("connection"), a.String("file"), a.String("database"));
        Console.WriteLine($"{command}: provider {provider}, load average {Load()}, {Environment.ProcessorCount} cores");
        return command == "queue" ? await QueueAsync(a, database, appDir) : await SubmitAsync(a, database, appDir);
    }

    private static async Task<int> QueueAsync(SearchBench.Args a, BenchDatabase database, string appDir)
    {
        var total = a.Int("requests", 1_000_000);
        var open = Math.Min(a.Int("open", 30_000), total);
        var samples = a.Int("samples", 200);
        // --existing yes: a database --file (SQLite) or --database (PostgreSQL) kept from an earlier run (generated, swept, staff added) is measured again.
        if (a.String("existing") == "yes")
        {
            Console.WriteLine($"existing database {database.ConnectionString}");
        }
        else
        {
            await using var services = database.Services();
            var sw = Stopwatch.StartNew();
            await SweepBench.PrepareAsync(services, total, open, a.Int("seed", 2026));
            Console.WriteLine($"generate {total:N0} requests ({open:N0} open): {sw.Elapsed.TotalSeconds:F1} s");
            sw.Restart();
            var run = await services.GetRequiredService<DailySweeper>().RunAsync("bench", onlyPending: false, wait: true, CancellationToken.None);
            Console.WriteLine($"sweep: {sw.Elapsed.TotalSeconds:F1} s, {run!.Changed:N0} written, {run.Reminders:N0} reminders");
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var organ = await db.Organs.Where(o => o.Code == "B001").Select(o => o.Id).SingleAsync();
            await AddStaffAsync(db, "bench-cbr", StaffRole.RequestHandler, organ);
            await AddStaffAsync(db, "bench-office", StaffRole.OpennessOffice, null);
            Console.WriteLine($"organ B001 holds {await db.DisclosureRequests.CountAsync(r => r.OrganId == organ):N0} requests, "
                + $"{await db.DisclosureRequests.CountAsync(r => r.OrganId == organ && r.Stage != RequestStage.Closed):N0} open");
        }

        await using var server = await BenchServer.StartAsync(appDir, database);
        var results = new List<string>();
        foreach (var (user, path) in new[] { ("bench-cbr", "/admin/requests"), ("bench-cbr", "/admin/requests?list=Overdue"), ("bench-cbr", "/admin/requests?stage=InHandling"),
                     ("bench-office", "/admin/requests") })
        {
            results.Add(await PageLatencyAsync(server, "queue", user, path, samples, "受理编号"));
        }

        return 0;
    }

    private static async Task<int> SubmitAsync(SearchBench.Args a, BenchDatabase database, string appDir)
    {
        var rate = a.Int("rate", 200);
        var seconds = a.Int("seconds", 60);
        var retryPercent = a.Int("retry-percent", 5);
        await using (var services = database.Services())
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Database.MigrateAsync();
        }

        await using var server = await BenchServer.StartAsync(appDir, database);
        using var http = server.Client();
        var organs = (await http.GetFromJsonAsync<JsonElement>("/api/v1/organs")).EnumerateArray()
            .Where(o => o.GetProperty("receivesRequests").GetBoolean()).Select(o => o.GetProperty("id").GetGuid()).ToArray();
        // Warm-up (JIT, connection pools): --warmup seconds at a tenth of the rate, under other keys, not counted.
        var warmup = a.Int("warmup", 10);
        for (var i = 0; i < warmup * Math.Max(rate / 10, 1); i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = JsonContent.Create(Submission(organs[i % organs.Length], i)) };
            request.Headers.Add("Idempotency-Key", $"warm-{Guid.NewGuid():N}");
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var total = rate * seconds;
        var answers = new ConcurrentBag<(string Key, HttpStatusCode Status, string? Number, bool Repeated, double Ms)>();
        var inFlight = 0;
        var maxInFlight = 0;
        var tasks = new List<Task>(total + total * retryPercent / 100);
        Console.WriteLine($"{organs.Length} organs receive requests; sending {total:N0} at {rate}/s for {seconds} s ({retryPercent} % sent twice); load {Load()}");
        var cpu = server.CpuTime();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var key = $"bench-{run}-{i:D6}";
            var body = Submission(organs[i % organs.Length], i);
            var times = i % 100 < retryPercent ? 2 : 1;
            for (var t = 0; t < times; t++)
            {
                tasks.Add(Task.Run(async () =>
                {
                    var now = Interlocked.Increment(ref inFlight);
                    InterlockedMax(ref maxInFlight, now);
                    var sw = Stopwatch.StartNew();
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = JsonContent.Create(body) };
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await http.SendAsync(request);
                        var json = response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
                        answers.Add((key, response.StatusCode, json.ValueKind == JsonValueKind.Object ? json.GetProperty("trackingNumber").GetString() : null,
                            json.ValueKind == JsonValueKind.Object && json.GetProperty("repeated").GetBoolean(), sw.Elapsed.TotalMilliseconds));
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        answers.Add((key, 0, null, false, sw.Elapsed.TotalMilliseconds));
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }));
            }
        }

        var sending = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(tasks);
        var all = clock.Elapsed.TotalSeconds;
        var serverCpu = (server.CpuTime() - cpu).TotalSeconds;

        await using var check = database.Services();
        using var checkScope = check.CreateScope();
        var db = checkScope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var stored = await db.DisclosureRequests.AsNoTracking().Where(r => r.SubmissionKey!.StartsWith("bench-" + run))
            .Select(r => new { r.SubmissionKey, r.TrackingNumber }).ToListAsync();
        var byKey = stored.GroupBy(s => s.SubmissionKey!).ToDictionary(g => g.Key, g => g.Select(x => x.TrackingNumber).ToList());
        var created = answers.Where(x => x.Status == HttpStatusCode.Created).ToList();
        var failed = answers.Count - created.Count;
        var keysSent = answers.Select(x => x.Key).Distinct().Count();
        var lost = answers.Select(x => x.Key).Distinct().Count(k => !byKey.ContainsKey(k));
        var duplicated = byKey.Count(k => k.Value.Count > 1) + stored.GroupBy(s => s.TrackingNumber).Count(g => g.Count() > 1);
        var answeredNotStored = created.Count(c => !byKey.TryGetValue(c.Key, out var numbers) || !numbers.Contains(c.Number!));
        var retriesSame = created.GroupBy(c => c.Key).Where(g => g.Count() > 1).Count(g => g.Select(c => c.Number).Distinct().Count() == 1);
        var retried = answers.GroupBy(x => x.Key).Count(g => g.Count() > 1);
        var latencies = answers.Select(x => x.Ms).ToList();
        var statuses = string.Join(",", answers.GroupBy(x => (int)x.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT submit rate={rate}/s seconds={seconds} posts={answers.Count} keys={keysSent} statuses={statuses} sent_in_s={sending:F1} done_in_s={all:F1} "
            + $"achieved_per_s={answers.Count / all:F0} p50_ms={Percentile(latencies, 50):F0} p95_ms={Percentile(latencies, 95):F0} p99_ms={Percentile(latencies, 99):F0} "
            + $"max_ms={latencies.Max():F0} max_in_flight={maxInFlight} rows={stored.Count} lost={lost} duplicated={duplicated} answered_not_stored={answeredNotStored} "
            + $"failed_answers={failed} retried_keys={retried} retried_same_number={retriesSame} server_cpu_s={serverCpu:F1} load={Load()}"));
        return lost == 0 && duplicated == 0 && answeredNotStored == 0 ? 0 : 1;
    }

    private static object Submission(Guid organ, int i) => new
    {
        organId = organ,
        applicantType = "NaturalPerson",
        applicantName = "压测申请人" + i,
        idDocumentType = "ResidentIdCard",
        idNumber = "110102199003070026",
        phone = "13900139000",
        informationWanted = "本区2025年养老服务驿站运营补贴发放情况（压测" + i + "）",
        form = "Electronic",
        delivery = "Email",
        email = "bench@example.cn",
    };

    /// <summary>
    /// Sequential GETs of one staff page after 20 warm-up requests: p50/p95/p99, and the server's CPU per page. Prints and
    /// returns the RESULT line; a page that does not answer 200 with <paramref name="mustContain"/> stops the bench.
    /// </summary>
    internal static async Task<string> PageLatencyAsync(BenchServer server, string label, string user, string path, int samples, string mustContain)
    {
        using var client = await server.SignedInAsync(user);
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var times = new List<double>();
        var cpu = server.CpuTime();
        for (var i = 0; i < samples; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains(mustContain, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
            }
        }

        var serverCpu = (server.CpuTime() - cpu).TotalMilliseconds / samples;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"RESULT {label} user={user} path={path} samples={samples} p50_ms={Percentile(times, 50):F1} p95_ms={Percentile(times, 95):F1} p99_ms={Percentile(times, 99):F1} max_ms={times.Max():F1} server_cpu_ms_per_page={serverCpu:F1} load={Load()}");
        Console.WriteLine(line);
        return line;
    }

    internal static async Task AddStaffAsync(GongkaiDb db, string userName, StaffRole role, Guid? organ)
    {
        var user = new StaffUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = userName,
            OrganId = organ,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        user.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(user, Password);
        db.Users.Add(user);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrganId = organ, GrantedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    internal static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    internal static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>A fresh database of the chosen provider (a throwaway PostgreSQL database, or a temporary SQLite file), removed afterwards.</summary>
    internal sealed class BenchDatabase : IAsyncDisposable
    {
        public required string Provider { get; init; }
        public required string ConnectionString { get; init; }
        private string? server;
        private string? name;
        private string? file;

        /// <param name="kept">
        /// PostgreSQL: a database name (--database) that is kept afterwards, created unless it exists — the counterpart of
        /// SQLite's --file, so that --existing yes can measure it again.
        /// </param>
        public static async Task<BenchDatabase> CreateAsync(string provider, string? server, string? file, string? kept = null)
        {
            if (provider == DatabaseSetup.Postgres)
            {
                var name = kept ?? "gk_bench_req_" + Guid.NewGuid().ToString("N")[..8];
                await using (var conn = new NpgsqlConnection(server ?? throw new ArgumentException("--connection is required for Postgres")))
                {
                    await conn.OpenAsync();
                    var exists = await new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{name}'", conn).ExecuteScalarAsync() is long n && n > 0;
                    if (!exists)
                    {
                        await new NpgsqlCommand($"CREATE DATABASE {name}", conn).ExecuteNonQueryAsync();
                    }
                }

                return new BenchDatabase
                {
                    Provider = provider,
                    ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 }.ConnectionString,
                    server = server,
                    name = kept is null ? name : null,
                };
            }

            var path = file ?? Path.Combine(Path.GetTempPath(), $"gk-bench-req-{Guid.NewGuid():N}.db");
            return new BenchDatabase { Provider = provider, ConnectionString = $"Data Source={path}", file = file is null ? path : null };
        }

        public ServiceProvider Services()
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = Provider,
                ["ConnectionStrings:Gongkai"] = ConnectionString,
            }).Build();
            var now = new DateTimeOffset(SweepBench.Today.ToDateTime(new TimeOnly(6, 0)), TimeSpan.FromHours(8));
            return new ServiceCollection()
                .AddLogging()
                .AddGongkaiDatabase(config)
                .AddPublicPageCache(config)
                .AddSingleton<TimeProvider>(new FixedClock(now))
                .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
                .AddScoped<CurrentActor>()
                .AddBenchAudit()
                .AddSingleton<CalendarStore>()
                .AddScoped<LoadYearSchedule>()
                .AddScoped<RequestSweep>()
                .AddSingleton<DailySweeper>()
                .BuildServiceProvider();
        }

        public async ValueTask DisposeAsync()
        {
            if (name is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(server);
                await conn.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn).ExecuteNonQueryAsync();
            }
            else if (file is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(f);
                }
            }
        }

        private sealed class FixedClock(DateTimeOffset now) : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        }
    }

    /// <summary>The published or built server as a child process on a free loopback port; killed on dispose.</summary>
    internal sealed partial class BenchServer : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly string workDir;

        private BenchServer(Process process, string workDir, Uri baseUrl)
        {
            this.process = process;
            this.workDir = workDir;
            BaseUrl = baseUrl;
        }

        public Uri BaseUrl { get; }

        public static async Task<BenchServer> StartAsync(string appDir, BenchDatabase database)
        {
            var workDir = Directory.CreateTempSubdirectory("gongkai-bench-server-").FullName;
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var url = $"http://127.0.0.1:{port}";
            var webRoot = Directory.Exists(Path.Combine(appDir, "wwwroot")) ? Path.Combine(appDir, "wwwroot") : Path.GetFullPath("src/Gongkai/wwwroot");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(appDir, "gongkai.dll"), "--urls", url, "--contentRoot", appDir, "--webroot", webRoot })
            {
                start.ArgumentList.Add(arg);
            }

            var env = start.Environment;
            env.Remove("DOTNET_ENVIRONMENT");
            env["ASPNETCORE_ENVIRONMENT"] = "Production";
            env["Database__Provider"] = database.Provider;
            env["ConnectionStrings__Gongkai"] = database.ConnectionString;
            env["GONGKAI_ADMIN_PASSWORD"] = Password;
            env["Demo__Documents"] = "0";
            env["Requests__DailySweep"] = "false";
            env["Plans__DailyReminders"] = "false";
            env["RateLimits__PublicFormPostsPerMinute"] = "0";
            env["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
            var server = new BenchServer(process, workDir, new Uri(url));
            process.OutputDataReceived += (_, e) => server.Append(e.Data);
            process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"server exited: {server.output}");
                }

                try
                {
                    if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(180))
                {
                    throw new TimeoutException($"server not ready in 180 s: {server.output}");
                }

                await Task.Delay(200);
            }

            Console.WriteLine($"server ready at {url} in {clock.Elapsed.TotalSeconds:F1} s");
            return server;
        }

        public TimeSpan CpuTime()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        public HttpClient Client() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = BaseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };

        [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex CsrfField();

        public async Task<HttpClient> SignedInAsync(string userName)
        {
            var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseUrl };
            var page = await client.GetStringAsync("/account/login");
            var token = WebUtility.HtmlDecode(CsrfField().Match(page).Groups[1].Value);
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(
                [new("UserName", userName), new("Password", Password), new("__csrf", token)]));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in of {userName} answered {(int)response.StatusCode}");
            }

            return client;
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            Directory.Delete(workDir, recursive: true);
        }
    }
}
