using System.Diagnostics;

namespace Gongkai.Tests.Repository;

/// <summary>
/// test.sh runs under `set -o pipefail`. A check written `producer | grep -q` fails at random there: grep exits at the
/// first match, the producer is killed by SIGPIPE (141) and the pipe reports it. The package checks ask dpkg for one
/// exact status line instead.
/// </summary>
public sealed class TestScriptTests
{
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

    [Fact]
    public void No_check_in_test_sh_reads_a_pipe_that_can_close_early()
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), "test.sh"));
        var early = lines.Where(l => !l.TrimStart().StartsWith('#') && System.Text.RegularExpressions.Regex.IsMatch(l, @"\|\s*grep\s+(-\w*q|--quiet)")).ToList();
        Assert.True(early.Count == 0, "under pipefail these fail at random: " + string.Join(" / ", early));
    }

    [Fact]
    public void The_package_check_is_exact_and_gives_the_same_answer_thirty_times()
    {
        var script = File.ReadAllText(Path.Combine(Root(), "test.sh"));
        var definition = script.Split('\n').Single(l => l.StartsWith("installed()", StringComparison.Ordinal));
        // bash is installed on every Debian machine; a package name that does not exist never is.
        var run = $"set -uo pipefail\n{definition}\nfor i in $(seq 30); do installed bash || exit 3; ! installed no-such-package-gongkai || exit 4; done";
        var start = new ProcessStartInfo("bash", ["-c", run]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {error}");
    }
}
