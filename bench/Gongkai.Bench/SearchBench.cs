using System.Diagnostics;
using System.Globalization;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Demo;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Search;

namespace Gongkai.Bench;

/// <summary>Benchmarks of issue 3 (主动公开 import and search); bench/search.sh drives them.</summary>
internal static class SearchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = Args.Parse(args[1..]);
        return args[0] switch
        {
            "generate" => Generate(a),
            "search" => await SearchLatency.RunAsync(a),
            _ => throw new ArgumentException($"unknown subcommand {args[0]}"),
        };
    }

    /// <summary>
    /// CPU cost of the import outside the database: planning, writing the text, sectioning and tokenizing, and
    /// encoding the index rows for each provider. No database is touched.
    /// </summary>
    private static int Generate(Args a)
    {
        var count = a.Int("documents", 20_000);
        var seed = a.Int("seed", 2026);
        var organs = DemoOrganisation.Organs.Select(o => new DocumentGenerator.OrganInfo(Guid.NewGuid(), o.Code, o.ShortName, o.FullName, o.Kind, o.IsActive)).ToList();
        var calendar = WorkingDayCalendar.Create(
            ShippedSchedules.All.Select(s => s.Year),
            ShippedSchedules.All.SelectMany(s => s.Days).Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil)));
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var generator = new DocumentGenerator(seed, organs, calendar, now, "{organ}/{year}-{seq:5}");

        var sw = Stopwatch.StartNew();
        var plans = generator.PlanDocuments(count, new DocumentGenerator.UsedNumbers());
        var planMs = sw.Elapsed.TotalMilliseconds;

        sw.Restart();
        var docs = plans.Select(p => generator.Write(p)).ToList();
        var writeMs = sw.Elapsed.TotalMilliseconds;

        sw.Restart();
        long tokens = 0;
        foreach (var d in docs)
        {
            var t = SearchIndex.Tokens.Of(DocumentSearch.IndexedText(d));
            tokens += t.All.Bigrams.Count + t.All.Unigrams.Count + t.Title.Bigrams.Count + t.Title.Unigrams.Count;
        }

        var tokenizeMs = sw.Elapsed.TotalMilliseconds;
        long chars = 0;
        sw.Restart();
        foreach (var d in docs)
        {
            chars += new SqliteSearchIndex().Encode(SearchIndex.Tokens.Of(DocumentSearch.IndexedText(d))).Sum(c => c.Length);
        }

        var sqliteMs = sw.Elapsed.TotalMilliseconds - tokenizeMs;
        sw.Restart();
        foreach (var d in docs)
        {
            chars += new PostgresSearchIndex().Encode(SearchIndex.Tokens.Of(DocumentSearch.IndexedText(d))).Sum(c => c.Length);
        }

        var postgresMs = sw.Elapsed.TotalMilliseconds - tokenizeMs;
        var inv = CultureInfo.InvariantCulture;
        var bodyChars = docs.Sum(d => (long)d.BodyText.Length);
        Console.WriteLine(string.Create(inv,
            $"RESULT generate documents={count} body_chars_avg={bodyChars / count} tokens={tokens} plan_ms={planMs:F0} write_ms={writeMs:F0} " +
            $"tokenize_ms={tokenizeMs:F0} sqlite_encode_ms={sqliteMs:F0} postgres_encode_ms={postgresMs:F0} " +
            $"us_per_doc_write={writeMs * 1000 / count:F1} us_per_doc_tokenize={tokenizeMs * 1000 / count:F1} checksum={chars}"));
        return 0;
    }

    /// <summary>--name value pairs.</summary>
    internal sealed class Args
    {
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

        public static Args Parse(string[] args)
        {
            var a = new Args();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    throw new ArgumentException($"expected --name value, got {args[i]}");
                }

                a.values[args[i][2..]] = args[++i];
            }

            return a;
        }

        public string? String(string name) => values.GetValueOrDefault(name);

        public string Required(string name) => values.GetValueOrDefault(name) ?? throw new ArgumentException($"--{name} is required");

        public int Int(string name, int fallback) =>
            values.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
    }
}
