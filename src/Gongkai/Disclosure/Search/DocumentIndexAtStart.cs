using Gongkai.Platform.Audit;

namespace Gongkai.Disclosure;

/// <summary>
/// After an upgrade that changed the index's form, the migration leaves it empty: once the server listens, the
/// published documents are indexed again (<see cref="RebuildDocumentIndex"/>). The site answers meanwhile.
/// </summary>
internal sealed class DocumentIndexAtStart(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<DocumentIndexAtStart> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        try
        {
            using var scope = scopes.CreateScope();
            var rebuild = scope.ServiceProvider.GetRequiredService<RebuildDocumentIndex>();
            if (await rebuild.IsMissingAsync(stoppingToken))
            {
                scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs("系统（检索索引升级）");
                var count = await rebuild.HandleAsync(stoppingToken);
                log.LogInformation("Search index rebuilt for {Count} published documents", count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogError(e, "The search index could not be rebuilt");
        }
    }
}
