using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Sweep;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Handling;

/// <summary>What a queue view asks for: a stage, today's reminder list, pending due dates, "mine", a text, a page.</summary>
public sealed record QueueFilter(RequestStage? Stage = null, ReminderKind? List = null, bool Pending = false, string? AssignedTo = null,
    string? Text = null, Timeliness? Timeliness = null, int Page = 1);

/// <summary>One page of a queue: the matching count and the page's requests, untracked.</summary>
public sealed record QueuePage(int Total, int Page, int PageCount, List<DisclosureRequest> Rows);

/// <summary>
/// The handler's queues, shared by the staff page and the staff API. Without a stage or a text only open requests are
/// listed, soonest due first (the work to do); the closed queue and a text search list the newest first. Both orders
/// are read from an index — an organ's open work from (OrganId, Stage, DueOn) on SQLite and the partial index of open
/// work (OrganId, DueOn, ReceivedOn, Id) on PostgreSQL, the closed queue from (OrganId, Stage, Id) — so a page costs the
/// same with a hundred requests or a million.
/// </summary>
public sealed class RequestQueue(GongkaiDb db, RequestCases cases)
{
    public const int PageSize = 50;

    public async Task<QueuePage> PageAsync(OrganScope scope, QueueFilter filter, DateOnly today, CancellationToken ct = default)
    {
        var text = InputText.OrNull(filter.Text);
        var openOnly = filter.Stage is null ? text is null : filter.Stage != RequestStage.Closed;
        var query = filter.List is { } kind ? cases.OnReminderList(scope, kind, today)
            : filter.Pending ? cases.DuePending(scope)
            : openOnly && filter.Stage is null ? cases.Open(scope)
            : cases.Visible(scope);
        if (filter.Stage is { } stage)
        {
            query = query.Where(r => r.Stage == stage);
        }

        if (filter.Timeliness is { } timeliness)
        {
            query = query.Where(r => r.Stage != RequestStage.Closed && r.Timeliness == timeliness);
        }

        if (filter.AssignedTo is { } me)
        {
            query = query.Where(r => r.AssignedToId == me);
        }

        if (text is not null)
        {
            var number = Intake.TrackingNumbers.Normalize(text);
            query = query.Where(r => r.TrackingNumber == number || r.ApplicantName.Contains(text) || r.InformationWanted.Contains(text));
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        // Open work: soonest due first, pending due dates last. PostgreSQL sorts nulls last in ascending order, so the plain
        // order matches its index of open work; SQLite sorts them first, so it is told.
        var ordered = !openOnly ? query.OrderByDescending(r => r.Id)
            : db.Database.IsNpgsql() ? query.OrderBy(r => r.DueOn).ThenBy(r => r.ReceivedOn).ThenBy(r => r.Id)
            : query.OrderBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenBy(r => r.ReceivedOn).ThenBy(r => r.Id);
        var rows = await ordered.Skip(Gongkai.Platform.Web.Paging.Offset(page, PageSize)).Take(PageSize).ToListAsync(ct);
        return new(total, page, pageCount, rows);
    }
}
