using Gongkai.Platform.Audit;

namespace Gongkai.Platform.Search;

/// <summary>
/// After an upgrade that changed the index's form, the migration leaves it empty: once the server listens, every kind of
/// record the index is missing (<see cref="IIndexedRecords"/>) is indexed again, one after another. The site answers meanwhile.
/// </summary>
internal sealed class SearchIndexAtStart(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<SearchIndexAtStart> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        int kinds;
        using (var count = scopes.CreateScope())
        {
            kinds = count.ServiceProvider.GetServices<IIndexedRecords>().Count();
        }

        // A scope per kind: a failed rebuild leaves nothing half-tracked for the next one.
        for (var i = 0; i < kinds; i++)
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs("系统（检索索引升级）");
            var records = scope.ServiceProvider.GetServices<IIndexedRecords>().ElementAt(i);
            try
            {
                if (await records.IsMissingAsync(stoppingToken))
                {
                    log.LogInformation("Search index rebuilt for {Count} {OwnerType} records", await records.RebuildAsync(stoppingToken), records.OwnerType);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "The {OwnerType} records could not be indexed", records.OwnerType);
            }
        }
    }
}
