using Gongkai.Platform.Audit;

namespace Gongkai.Platform.Cli;

/// <summary>Output streams and, built on first use, the application's services for one command.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr) : IAsyncDisposable
{
    private WebApplication? app;
    private AsyncServiceScope? scope;

    /// <summary>The configuration alone (appsettings, environment), for commands that must not open or migrate the database.</summary>
    public IConfiguration Configuration() => WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] }).Configuration;

    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    /// <summary>The services of a prepared database (migrated, calendar loaded), acting as the command line.</summary>
    public async Task<IServiceProvider> ServicesAsync()
    {
        if (scope is { } existing)
        {
            return existing.ServiceProvider;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.AddGongkaiModules();
        app = builder.Build();
        await app.Services.PrepareDatabaseAsync(app.Configuration);
        scope = app.Services.CreateAsyncScope();
        scope.Value.ServiceProvider.GetRequiredService<CurrentActor>().ActAs("命令行");
        return scope.Value.ServiceProvider;
    }

    public async Task WriteJsonAsync<T>(T value) =>
        await Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(value, CliRunner.Json));

    public async ValueTask DisposeAsync()
    {
        if (scope is { } s)
        {
            await s.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
