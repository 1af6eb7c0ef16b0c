using System.Text.RegularExpressions;

namespace Gongkai.Tests.Repository;

/// <summary>
/// No test reads the machine's clock (docs/ARCHITECTURE.md §Time): the application under test runs on a fake clock
/// (Infrastructure/ClockedApp.cs, started at GONGKAI_TEST_NOW), and a test that needs "today" asks that clock
/// (<c>app.Today</c>, <c>app.AppClock</c>, <c>app.Clock</c>). A test reading the wall clock takes another branch in
/// December or around Beijing midnight, and cannot be run at 31 December 23:59. Durations are measured with Stopwatch.
/// </summary>
public sealed partial class WallClockTests
{
    /// <summary>The files that must read wall time, each with its reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["tests/Gongkai.Tests/Infrastructure/ClockedApp.cs"] =
            "TestClock.Start: without GONGKAI_TEST_NOW the fake clocks start at the moment the run started (read once).",
        ["tests/Gongkai.BrowserTests/"] =
            "the browser tests drive a real server process (dotnet gongkai.dll), which runs on the machine's clock: the dates they type and expect are that clock's.",
    };

    [GeneratedRegex(@"\b(DateTime\.(Now|UtcNow|Today)|DateTimeOffset\.(Now|UtcNow)|TimeProvider\.System)\b")]
    private static partial Regex WallClock();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    private static IEnumerable<string> TestSources(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));

    [Fact]
    public void No_test_reads_the_machines_clock()
    {
        var root = Root();
        var found = new List<string>();
        foreach (var file in TestSources(root).Where(f => !Allowed.Keys.Any(a => f.StartsWith(a, StringComparison.Ordinal))))
        {
            var lines = File.ReadAllLines(Path.Combine(root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].Split("//")[0];
                if (WallClock().Match(code) is { Success: true } m)
                {
                    found.Add($"{file}:{i + 1} {m.Value}");
                }
            }
        }

        Assert.True(found.Count == 0, "tests read the machine's clock; ask the application's clock (app.Today, app.AppClock, app.Clock) or use Stopwatch for durations:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_sees_the_test_files_and_every_allowed_entry_still_exists()
    {
        var root = Root();
        var files = TestSources(root).ToList();
        Assert.Contains("tests/Gongkai.Tests/Repository/WallClockTests.cs", files);
        Assert.All(Allowed.Keys, a => Assert.Contains(files, f => f.StartsWith(a, StringComparison.Ordinal)));
        Assert.Matches(WallClock(), "var now = DateTimeOffset" + ".UtcNow;");
        Assert.Matches(WallClock(), "ChineseDates.Today(TimeProvider" + ".System)");
        Assert.DoesNotMatch(WallClock(), "var now = app.AppClock.GetUtcNow();");
    }
}
