using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Demo;

/// <summary>
/// The demo site's documents: when the database has none, <c>Demo:Documents</c> generated documents (default 3,000,
/// seed <c>Demo:Seed</c>) are written once the server is listening, so the first start stays fast; the site answers
/// meanwhile and the documents appear together when their one transaction commits. An interrupted run leaves
/// nothing, and the next start tries again. On PostgreSQL an advisory lock lets only one of several nodes do it.
/// </summary>
internal sealed class DemoDocumentsAtStart(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IConfiguration configuration,
    ILogger<DemoDocumentsAtStart> log) : BackgroundService
{
    public const int DefaultDocuments = 3_000;
    public const int DefaultSeed = 2026;
    private const long LockKey = 0x6B_67_64_65_6D; // "gkdem"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = configuration.GetValue("Demo:Documents", DefaultDocuments);
        if (count <= 0)
        {
            return;
        }

        // Wait until Kestrel listens: the first requests are not held up by the generation's start.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        try
        {
            var made = await GenerateIfEmptyAsync(scopes, Math.Min(count, DemoDocuments.MaxDocuments), configuration.GetValue("Demo:Seed", DefaultSeed), stoppingToken);
            if (made is { } r)
            {
                log.LogInformation("Demo documents: {Count} generated in {Ms} ms", r.Documents, (long)r.Elapsed.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogError(e, "Demo documents could not be generated");
        }
    }

    /// <summary>Generates the documents in one transaction if the database has none; null when it already had some.</summary>
    public static async Task<DemoDocuments.Result?> GenerateIfEmptyAsync(IServiceScopeFactory scopes, int count, int seed, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GongkaiDb>();
        if (await db.Documents.AnyAsync(ct) || !await db.Organs.AnyAsync(ct))
        {
            return null;
        }

        sp.GetRequiredService<CurrentActor>().ActAs("系统初始化（演示数据）");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()
            && !(await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock({0}) AS \"Value\"", LockKey).ToListAsync(ct)).Single())
        {
            return null;
        }

        if (await db.Documents.AnyAsync(ct))
        {
            return null;
        }

        var result = await sp.GetRequiredService<DemoDocuments>().GenerateAsync(count, seed, DemoDocuments.MaxDocuments, ct: ct);
        await tx.CommitAsync(ct);
        await RebuildDocumentIndex.RefreshStatisticsAsync(db, ct);
        return result;
    }
}
