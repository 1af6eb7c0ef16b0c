using System.Diagnostics;
using System.Globalization;
using Gongkai.Platform.Calendar;

// Benchmark (c) of the platform issue: working-day arithmetic on the real calendar built from the
// shipped State Council schedules. Inputs are generated here (seeded), results feed a checksum that is
// printed, so neither the JIT nor the compiler can drop the work.
//
//   dotnet Gongkai.Bench.dll [--calls 1000000] [--runs 7] [--explain-calls 100000] [--explain-runs 5] [--seed 2026]
//
// The 主动公开 import and search benchmarks of issue 3 are subcommands (SearchBench.cs):
//   dotnet Gongkai.Bench.dll search …   and   dotnet Gongkai.Bench.dll generate …
// The daily sweep of 依申请公开 (issue 4) at scale is another (SweepBench.cs):
//   dotnet Gongkai.Bench.dll sweep --provider Postgres --connection … [--requests 1000000] [--open 1000000]
// The handler's queue page and 200 online submissions/s (issue 4), against the real server (RequestLoadBench.cs):
//   dotnet Gongkai.Bench.dll queue|submit --provider Sqlite|Postgres [--connection …] [--app src/Gongkai/bin/Release/net10.0] …
if (args is ["queue" or "submit", ..])
{
    return await Gongkai.Bench.RequestLoadBench.RunAsync(args[0], Gongkai.Bench.SearchBench.Args.Parse(args[1..]));
}

// The annual report (issue 5) at scale (ReportBench.cs):
//   dotnet Gongkai.Bench.dll report --provider Postgres --connection … [--requests 1000000] [--documents 1000000]
if (args is ["report", ..])
{
    return await Gongkai.Bench.ReportBench.RunAsync(Gongkai.Bench.SearchBench.Args.Parse(args[1..]));
}

// Consultations of issue 7 (ConsultationBench.cs): answering list, feedback report and comment intake at scale:
//   dotnet Gongkai.Bench.dll consultations --provider Postgres --connection … [--comments 100000] [--rate 1000] [--seconds 60]
if (args is ["consultations", ..])
{
    return await Gongkai.Bench.ConsultationBench.RunAsync(Gongkai.Bench.SearchBench.Args.Parse(args[1..]));
}

// Reading a 200,000-character 工作要点 (issue 6) is PlanBench.cs:
//   dotnet Gongkai.Bench.dll plan-parse [--chars 200000] [--runs 21]
// The ledger page of a 5,000-task plan (issue 6) is PlanLedgerBench.cs:
//   dotnet Gongkai.Bench.dll plan-ledger --provider Sqlite|Postgres [--connection …] [--tasks 5000] [--samples 200]
if (args is ["plan-ledger", ..])
{
    return await Gongkai.Bench.PlanLedgerBench.RunAsync(Gongkai.Bench.SearchBench.Args.Parse(args[1..]));
}

if (args is ["plan-parse", ..])
{
    return Gongkai.Bench.PlanBench.Run(args[1..]);
}

if (args is ["sweep", ..])
{
    return await Gongkai.Bench.SweepBench.RunAsync(Gongkai.Bench.SearchBench.Args.Parse(args[1..]));
}

if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
{
    return await Gongkai.Bench.SearchBench.RunAsync(args);
}

var options = Options.Parse(args);
var calendar = ShippedCalendar.Build();
Console.WriteLine($"calendar: {calendar.FirstDate:yyyy-MM-dd}..{calendar.LastDate:yyyy-MM-dd}, {calendar.Years.Count} years, {calendar.SpecialDays.Count} special days");

const int WorkingDays = 20;
var inputs = Inputs.StartDates(calendar, options.Calls, WorkingDays, options.Seed);
Console.WriteLine($"inputs: {inputs.Length:N0} start dates {inputs.Min():yyyy-MM-dd}..{inputs.Max():yyyy-MM-dd} (seed {options.Seed})");

// --- AddWorkingDays -----------------------------------------------------------------------------
var add = Measure.Runs(options.Runs, () => AddAll(calendar, inputs, WorkingDays));
Report("add20", add, inputs.Length);

// --- ExplainAddition (informational) ------------------------------------------------------------
var explainInputs = inputs.AsSpan(0, Math.Min(options.ExplainCalls, inputs.Length)).ToArray();
var explain = Measure.Runs(options.ExplainRuns, () => ExplainAll(calendar, explainInputs, WorkingDays));
Report("explain20", explain, explainInputs.Length);
return 0;

static long AddAll(WorkingDayCalendar calendar, DateOnly[] inputs, int workingDays)
{
    long checksum = 0;
    foreach (var from in inputs)
    {
        checksum += calendar.AddWorkingDays(from, workingDays).DayNumber;
    }

    return checksum;
}

static long ExplainAll(WorkingDayCalendar calendar, DateOnly[] inputs, int workingDays)
{
    long checksum = 0;
    foreach (var from in inputs)
    {
        var e = calendar.ExplainAddition(from, workingDays);
        checksum += e.Due.DayNumber + e.Steps.Count + e.WeekendDaysSkipped + e.HolidaysSkipped.Count + e.Steps[^1].Length;
    }

    return checksum;
}

static void Report(string name, Measure.Result r, int calls)
{
    var inv = CultureInfo.InvariantCulture;
    string Ms(double ms) => ms.ToString("F1", inv);
    string Ns(double ms) => (ms * 1e6 / calls).ToString("F1", inv);
    Console.WriteLine(
        $"RESULT {name} calls={calls} runs={r.Times.Count} first_ms={Ms(r.First)} best_ms={Ms(r.Best)} median_ms={Ms(r.Median)} max_ms={Ms(r.Max)} " +
        $"best_ns_per_call={Ns(r.Best)} median_ns_per_call={Ns(r.Median)} checksum={r.Checksum}");
}

internal sealed record Options(int Calls, int Runs, int ExplainCalls, int ExplainRuns, int Seed)
{
    public static Options Parse(string[] args)
    {
        var o = new Options(1_000_000, 7, 100_000, 5, 2026);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (value <= 0)
            {
                throw new ArgumentException($"{args[i]} must be positive");
            }

            o = args[i] switch
            {
                "--calls" => o with { Calls = value },
                "--runs" => o with { Runs = value },
                "--explain-calls" => o with { ExplainCalls = value },
                "--explain-runs" => o with { ExplainRuns = value },
                "--seed" => o with { Seed = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o;
    }
}

/// <summary>The calendar the server builds from a database loaded with the shipped schedules.</summary>
internal static class ShippedCalendar
{
    public static WorkingDayCalendar Build() => WorkingDayCalendar.Create(
        ShippedSchedules.All.Select(s => s.Year),
        ShippedSchedules.All.SelectMany(s => s.Days).Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil)));
}

internal static class Inputs
{
    /// <summary>
    /// Start dates spread uniformly over every day of the loaded years (weekdays, weekends and holidays
    /// alike) up to the last day from which the deadline still falls inside the calendar.
    /// </summary>
    public static DateOnly[] StartDates(WorkingDayCalendar calendar, int count, int workingDays, int seed)
    {
        var last = calendar.LastDate;
        while (!Fits(calendar, last, workingDays))
        {
            last = last.AddDays(-1);
        }

        var first = calendar.FirstDate.DayNumber;
        var span = last.DayNumber - first + 1;
        var random = new Random(seed);
        var result = new DateOnly[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = DateOnly.FromDayNumber(first + random.Next(span));
        }

        return result;
    }

    private static bool Fits(WorkingDayCalendar calendar, DateOnly from, int workingDays)
    {
        try
        {
            calendar.AddWorkingDays(from, workingDays);
            return true;
        }
        catch (CalendarRangeException)
        {
            return false;
        }
    }
}

internal static class Measure
{
    public sealed record Result(IReadOnlyList<double> Times, double First, double Best, double Median, double Max, long Checksum);

    /// <summary>One unreported warm-up run, then <paramref name="runs"/> timed runs that must all agree on the checksum.</summary>
    public static Result Runs(int runs, Func<long> work)
    {
        var warm = Stopwatch.StartNew();
        var checksum = work();
        var first = warm.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var c = work();
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (c != checksum)
            {
                throw new InvalidOperationException($"checksum changed between runs: {checksum} then {c}");
            }
        }

        var sorted = times.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new Result(times, first, sorted[0], median, sorted[^1], checksum);
    }
}
