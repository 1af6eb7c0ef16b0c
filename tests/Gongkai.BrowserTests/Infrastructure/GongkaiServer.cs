using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>
/// The real executable (<c>dotnet gongkai.dll</c>) as a child process on a free loopback port, with a
/// fresh SQLite database and a known administrator password, in a temporary working directory.
/// </summary>
public sealed class GongkaiServer
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Browser-test-2026";

    /// <summary>A word that many of the generated demo documents contain (最低生活保障).</summary>
    public const string DemoSearchTerm = "低保";
    // 60 s was too short on a loaded machine: the readiness probe times out its test write while the demo documents are written.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan DemoTimeout = TimeSpan.FromSeconds(180);

    private readonly StringBuilder output = new();
    private Process? process;
    private string? workDir;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>What the process has printed so far (standard output and error, interleaved).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the application and waits until /readyz answers 200 (60 s at most).</summary>
    public async Task InitializeAsync()
    {
        var appDll = AppLocation.FindAppDll();
        var appDir = Path.GetDirectoryName(appDll)!;
        var webRoot = AppLocation.FindWebRoot(appDir);
        workDir = Directory.CreateTempSubdirectory("gongkai-browser-").FullName;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var url = BaseUrl.GetLeftPart(UriPartial.Authority);

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // Content root is the build output (appsettings.json); the web root is wwwroot, which a build
        // leaves in the source tree and a publish copies next to the executable.
        foreach (var arg in new[] { appDll, "--urls", url, "--contentRoot", appDir, "--webroot", webRoot })
        {
            start.ArgumentList.Add(arg);
        }

        var env = start.Environment;
        env["ASPNETCORE_URLS"] = url;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env.Remove("DOTNET_ENVIRONMENT");
        env["Database__Provider"] = "Sqlite";
        env["ConnectionStrings__Gongkai"] = $"Data Source={Path.Combine(workDir, "browser.db")}";
        env["GONGKAI_ADMIN_PASSWORD"] = AdminPassword;
        // Every person in this suite (staff signing in and out, citizens applying, commenting, tracking) comes from
        // 127.0.0.1: the limit of 20 public POSTs per address per minute answered a sign-in 429 in full runs. The limit
        // itself is tested in Gongkai.Tests (RateLimitTests, CommentRateLimitTests).
        env["RateLimits__PublicFormPostsPerMinute"] = "1000";
        // The consultation journey waits for its period to close: a period of minutes must be allowed here.
        env["Policy__Consultations__MinimumLength"] = "0";
        env["Policy__Consultations__MinimumUnit"] = "CalendarDays";

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {start.FileName} {appDll}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync(process);
        await WaitForDemoDocumentsAsync(process);
    }

    /// <summary>
    /// The demo documents (a few thousand, written in one transaction after the server listens) are what the public
    /// pages show; a document a test drafts before they commit would stop them from being generated at all.
    /// </summary>
    private async Task WaitForDemoDocumentsAsync(Process app)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < DemoTimeout)
        {
            if (app.HasExited)
            {
                await app.WaitForExitAsync();
                throw new InvalidOperationException($"gongkai exited with code {app.ExitCode} while generating demo documents.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(DemoSearchTerm));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && !body.StartsWith("{\"total\":0", StringComparison.Ordinal))
                {
                    return;
                }

                last = $"/api/v1/search answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"no demo documents found for “{DemoSearchTerm}” within {DemoTimeout.TotalSeconds:0} s ({last}).\n{Output}");
    }

    private async Task WaitUntilReadyAsync(Process app)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < ReadyTimeout)
        {
            if (app.HasExited)
            {
                await app.WaitForExitAsync(); // until its output is read to the end
                throw new InvalidOperationException($"gongkai exited with code {app.ExitCode} before it was ready.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"/readyz answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"gongkai did not answer 200 on {BaseUrl}readyz within {ReadyTimeout.TotalSeconds:0} s ({last}).\n{Output}");
    }

    /// <summary>Stops the process and removes its folder; safe to call more than once.</summary>
    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await process.WaitForExitAsync(cts.Token);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
            {
                // Already gone, or refused to die in time: nothing more a test can do.
            }

            process.Dispose();
            process = null;
        }

        if (workDir is not null)
        {
            try
            {
                Directory.Delete(workDir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file still held open: the temporary folder is left for the system to clean.
            }

            workDir = null;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

/// <summary>Finds the application's build output: GONGKAI_APP_DLL, else src/Gongkai/bin/&lt;this configuration&gt;/&lt;tfm&gt;/gongkai.dll.</summary>
internal static class AppLocation
{
    public static string FindAppDll()
    {
        if (Environment.GetEnvironmentVariable("GONGKAI_APP_DLL") is { Length: > 0 } given)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException($"GONGKAI_APP_DLL={given} does not exist");
        }

        var project = Path.Combine(RepositoryRoot(), "src", "Gongkai");
        var configuration = typeof(AppLocation).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var expected = Path.Combine(project, "bin", configuration, framework, "gongkai.dll");
        if (File.Exists(expected))
        {
            return expected;
        }

        // Another configuration or output layout: the most recently built gongkai.dll under bin/.
        var bin = Path.Combine(project, "bin");
        var found = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "gongkai.dll", SearchOption.AllDirectories)
                .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return found ?? throw new FileNotFoundException($"gongkai.dll not built: expected {expected} (build src/Gongkai, or set GONGKAI_APP_DLL)");
    }

    /// <summary>wwwroot beside a published executable, else the project's wwwroot that a build serves from.</summary>
    public static string FindWebRoot(string appDir)
    {
        var published = Path.Combine(appDir, "wwwroot");
        if (Directory.Exists(published))
        {
            return published;
        }

        var source = Path.Combine(RepositoryRoot(), "src", "Gongkai", "wwwroot");
        return Directory.Exists(source) ? source : throw new DirectoryNotFoundException($"no wwwroot in {appDir} nor {source}");
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"Gongkai.slnx not found above {AppContext.BaseDirectory}");
    }
}
