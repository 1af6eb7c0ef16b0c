using System.Diagnostics;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// The admin command line run as a real process (<c>dotnet gongkai.dll …</c> from beside the tests) in a folder of its
/// own, against its own SQLite database there; the folder is removed on dispose.
/// </summary>
public sealed class CliProcess(string prefix) : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string DatabaseFile => Path.Combine(Folder, "cli.db");

    private static string Executable =>
        Path.Combine(AppContext.BaseDirectory, "gongkai.dll") is var local && File.Exists(local)
            ? local
            : throw new FileNotFoundException("gongkai.dll is not beside the tests");

    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Executable);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ConnectionStrings__Gongkai"] = $"Data Source={DatabaseFile}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file in the temporary folder; the system cleans it later.
        }
    }
}
