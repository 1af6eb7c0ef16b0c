using System.Diagnostics;
using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Plans.Parsing;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Bench.RequestLoadBench;

namespace Gongkai.Bench;

/// <summary>
/// Issue 6: the ledger page of a plan with <c>--tasks</c> generated tasks (seeded: one to three organs each, a deadline in
/// the plan year or none, half with a progress report), read by the openness office through the real server (a separate
/// process on loopback, as for the request queue), and the public progress page of the same plan: 100 rows a page, so the
/// first page, page 25, an organ's overdue tasks and a text search (each line reports p50/p95/p99 wall time and the
/// server's CPU time per page, which a loaded machine disturbs much less).
///
///   dotnet Gongkai.Bench.dll plan-ledger --provider Sqlite|Postgres [--connection …] [--tasks 5000] [--samples 200] [--app src/Gongkai/bin/Release/net10.0]
/// </summary>
internal static class PlanLedgerBench
{
    public static async Task<int> RunAsync(SearchBench.Args a)
    {
        var provider = a.String("provider") ?? DatabaseSetup.Sqlite;
        var appDir = Path.GetFullPath(a.String("app") ?? "src/Gongkai/bin/Release/net10.0");
        var tasks = a.Int("tasks", 5_000);
        var samples = a.Int("samples", 200);
        await using var database = await BenchDatabase.CreateAsync(provider, a.String("connection"), a.String("file"));
        Console.WriteLine($"plan-ledger: provider {provider}, load average {Load()}, {Environment.ProcessorCount} cores");
        Guid planId;
        await using (var services = database.Services())
        {
            // Migrations, the calendar and the sweep bench's 20 organs (no requests).
            await SweepBench.PrepareAsync(services, 0, 0, 2026);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var sw = Stopwatch.StartNew();
            planId = await SeedAsync(db, tasks, a.Int("seed", 2026));
            await AddStaffAsync(db, "bench-office", StaffRole.OpennessOffice, null);
            Console.WriteLine($"generate a plan of {tasks:N0} tasks: {sw.Elapsed.TotalSeconds:F1} s");
        }

        string organ;
        await using (var services = database.Services())
        {
            using var scope = services.CreateScope();
            organ = await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Organs.OrderBy(o => o.Code).Select(o => o.Code).FirstAsync();
        }

        await using var server = await BenchServer.StartAsync(appDir, database);
        // The pages show 100 rows: the first page, a page deep in the plan, an organ's overdue tasks, words in the text.
        await PageLatencyAsync(server, "plan-ledger", "bench-office", $"/admin/plans/{planId}", samples, "任务");
        await PageLatencyAsync(server, "plan-ledger-page-25", "bench-office", $"/admin/plans/{planId}?page=25", samples, "任务");
        await PageLatencyAsync(server, "plan-ledger-organ-overdue", "bench-office", $"/admin/plans/{planId}?organ={organ}&standing=Overdue", samples, "任务");
        await PageLatencyAsync(server, "plan-public", "bench-office", $"/plans/{planId}", samples, "任务");
        await PageLatencyAsync(server, "plan-public-search", "bench-office", $"/plans/{planId}?q={Uri.EscapeDataString("第4999项")}", samples, "任务");
        return 0;
    }

    private static async Task<Guid> SeedAsync(GongkaiDb db, int count, int seed)
    {
        var random = new Random(seed);
        var organs = await db.Organs.Select(o => new { o.Id, o.ShortName }).ToListAsync();
        var plan = new WorkPlan { Title = $"2026年政务公开工作要点（{count:N0}项任务）", Year = 2026, IsPublic = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.WorkPlans.Add(plan);
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= count; i++)
        {
            var named = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => organs[random.Next(organs.Count)]).DistinctBy(o => o.Id).ToList();
            var due = random.Next(4) == 0 ? (DateOnly?)null : new DateOnly(2026, 1 + random.Next(12), 1).AddMonths(1).AddDays(-1);
            var task = new PlanTask
            {
                PlanId = plan.Id,
                Sequence = i,
                Number = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Path = $"{1 + (i - 1) / 500}、重点领域信息公开",
                Text = $"第{i}项：围绕重点领域持续深化政务公开，做好政策解读和回应关切，按规定时限公开相关信息并及时更新。",
                LeadUnits = named[0].ShortName,
                ResponsibleUnits = PlanTask.Join(named.Skip(1).Select(o => o.ShortName)),
                DeadlineText = due is { } d ? $"{d.Year}年{d.Month}月" : "持续落实",
                Due = due,
                DeadlineKind = due is null ? DeadlineKind.Ongoing : DeadlineKind.Date,
                UpdatedAt = now,
            }.WithStoredState((PlanTaskStatus)random.Next(4), random.Next(101));
            task.Organs.AddRange(named.Select((o, k) => new PlanTaskOrgan { TaskId = task.Id, OrganId = o.Id, Role = k == 0 ? PlanRole.Lead : PlanRole.Responsible }));
            plan.Tasks.Add(task);
            if (random.Next(2) == 0)
            {
                db.PlanProgress.Add(new PlanProgress
                {
                    TaskId = task.Id,
                    OrganId = named[0].Id,
                    Text = "已完成阶段性工作，相关信息已在政府网站专栏公开。",
                    Percent = task.Percent,
                    IsPublic = true,
                    ReportedBy = "bench",
                    ReportedAt = now.AddDays(-random.Next(300)),
                });
            }
        }

        await db.SaveChangesAsync();
        return plan.Id;
    }
}
