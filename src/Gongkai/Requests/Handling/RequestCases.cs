using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Sweep;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Handling;

/// <summary>
/// Finding requests for staff, always through the viewer's organ scope (<see cref="RequestAccess.Viewers"/>): another
/// organ's request is simply not found (404). Shared by the admin pages and the staff API.
/// </summary>
public sealed class RequestCases(GongkaiDb db, StaffAccess access)
{
    public Task<OrganScope> ScopeAsync() => access.ScopeAsync(RequestAccess.Viewers);

    /// <summary>The request with its events, tracked for a handling step; null when absent or outside the viewer's scope.</summary>
    public async Task<DisclosureRequest?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var request = await db.DisclosureRequests.Include(r => r.Events).Include(r => r.Attachments).FirstOrDefaultAsync(r => r.Id == id, ct);
        return request is not null && (await ScopeAsync()).Covers(request.OrganId) ? request : null;
    }

    public IQueryable<DisclosureRequest> Visible(OrganScope scope) => db.DisclosureRequests.AsNoTracking().Within(scope, r => r.OrganId);

    /// <summary>
    /// The open requests of the scope, written so that each scope reads the index that fits it: a district-wide view
    /// walks the partial index of open requests; an organ's view its (OrganId, Stage) entries of the open stages
    /// (through the partial index it would look up every open request of the district to find the organ's).
    /// </summary>
    public IQueryable<DisclosureRequest> Open(OrganScope scope)
    {
        if (scope.All)
        {
            return Visible(scope).Where(r => r.Stage != RequestStage.Closed);
        }

        var open = RequestStages.Open.ToList();
        return Visible(scope).Where(r => open.Contains(r.Stage));
    }

    /// <summary>How many requests wait in each queue (closed ones included).</summary>
    /// <remarks>
    /// The open queues are grouped over the open requests only; the closed queue is everything else (one count of the
    /// scope, read from the smallest index), so a district of a million closed requests is not grouped row by row.
    /// </remarks>
    public async Task<IReadOnlyDictionary<RequestStage, int>> QueueCountsAsync(OrganScope scope, CancellationToken ct = default)
    {
        var open = await Open(scope).GroupBy(r => r.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var all = await Visible(scope).CountAsync(ct);
        return RequestStages.Queues.ToDictionary(s => s, s => s == RequestStage.Closed ? all - open.Sum(c => c.Count) : open.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>Today's reminder list of the given kind, within the scope.</summary>
    public IQueryable<DisclosureRequest> OnReminderList(OrganScope scope, ReminderKind kind, DateOnly day)
    {
        // Driven from the day's reminder lines (index On, Kind): a few hundred lines, each finding its request by key.
        return db.RequestReminders.Where(m => m.On == day && m.Kind == kind).Join(Open(scope), m => m.RequestId, r => r.Id, (m, r) => r);
    }

    /// <summary>Open requests whose due date waits for the next year's holiday schedule.</summary>
    /// <remarks>A pending request has no due date; saying so lets the (OrganId, Stage, DueOn) index find them.</remarks>
    public IQueryable<DisclosureRequest> DuePending(OrganScope scope) =>
        Open(scope).Where(r => r.DuePending && r.DueOn == null);

    public async Task<string> OrganNameAsync(Guid organId, CancellationToken ct = default) =>
        await db.Organs.Where(o => o.Id == organId).Select(o => o.FullName).SingleAsync(ct);

    /// <summary>发文存档 of a request the caller already found (so in scope), newest first.</summary>
    public Task<List<Letters.SentLetter>> SentLettersAsync(Guid requestId, CancellationToken ct = default) =>
        db.SentLetters.AsNoTracking().Where(l => l.RequestId == requestId).OrderByDescending(l => l.Id).ToListAsync(ct);

    public async Task<List<RequestTransfer>> TransfersAsync(Guid requestId, CancellationToken ct = default) =>
        await db.RequestTransfers.AsNoTracking().Where(t => t.RequestId == requestId).OrderBy(t => t.At).ToListAsync(ct);

    /// <summary>Stored timeliness of an open request for lists (the case page recomputes it from the events).</summary>
    public static Timeliness? ListTimeliness(DisclosureRequest r) => r.Stage == RequestStage.Closed ? null : r.Timeliness;
}
