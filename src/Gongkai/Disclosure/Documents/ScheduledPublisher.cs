using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Publishes reviewed documents whose scheduled time has come; the job runner calls it every <see cref="Interval"/>
/// (<see cref="ScheduledPublicationJob"/>). On PostgreSQL each round holds an advisory lock, so with several web nodes
/// exactly one publishes (docs/DESIGN.md §8).
/// </summary>
internal sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private const long LockKey = 0x6B_67_70_75_62; // "gkpub"

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GongkaiDb>();
        sp.GetRequiredService<CurrentActor>().ActAs("定时发布");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()
            && !(await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock({0}) AS \"Value\"", LockKey).ToListAsync(ct)).Single())
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var due = await db.Documents.Where(d => d.Status == DocumentStatus.Reviewed && d.ScheduledFor != null && d.ScheduledFor <= now).Take(100).ToListAsync(ct);
        var publish = sp.GetRequiredService<PublishDocument>();
        foreach (var doc in due)
        {
            try
            {
                await publish.PublishScheduledAsync(doc, ct);
            }
            catch (Platform.ValidationFailure e)
            {
                doc.CancelSchedule();
                sp.GetRequiredService<AuditLog>().Record(DisclosureAuditActions.ScheduleFailed, "Document", doc.Id.ToString(), $"定时发布未执行：{e.Message}", doc.OrganId);
                await db.SaveChangesAsync(ct);
            }
        }

        await tx.CommitAsync(ct);
        return due.Count;
    }
}
