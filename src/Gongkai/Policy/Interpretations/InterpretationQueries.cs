using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Policy.Interpretations;

/// <summary>Public lists and search of interpretations, and the office's 三同步 list (late or missing interpretations).</summary>
public sealed class InterpretationQueries(GongkaiDb db, StaffAccess access, PublishedDocuments documents, CalendarStore calendars,
    IOptions<InterpretationOptions> options, TimeProvider clock)
{
    public const int PageSize = 20;

    public sealed record Item(Guid Id, string Title, InterpretationForm Form, DateTimeOffset? PublishedAt, IReadOnlyList<string> Policies);

    public sealed record SyncRow(Guid DocumentId, string DocumentTitle, DateTimeOffset? PolicyPublishedAt, DateOnly? DueOn, string? WaiverReason,
        Guid? InterpretationId, string? InterpretationTitle, DateTimeOffset? InterpretationPublishedAt, string Status, bool Late);

    /// <summary>
    /// Published interpretations, newest first; <paramref name="q"/> is matched in the platform's full-text index
    /// (<see cref="InterpretationSearch"/>): titles, the policies explained, every element and every question and answer.
    /// </summary>
    public async Task<(IReadOnlyList<Item> Items, int Total)> PublicAsync(string? q, int page, CancellationToken ct = default)
    {
        var query = db.Set<Interpretation>().AsNoTracking().Where(i => i.Status == InterpretationStatus.Published);
        var term = q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var ids = await InterpretationSearch.MatchAsync(db, term, ct);
            query = query.Where(i => ids.Contains(i.Id));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(i => i.PublishedAt).Skip(Gongkai.Platform.Web.Paging.Offset(page, PageSize)).Take(PageSize)
            .Select(i => new { i.Id, i.Title, i.Form, i.PublishedAt, Policies = i.Policies.Select(p => p.Title).ToList() }).ToListAsync(ct);
        return (rows.Select(r => new Item(r.Id, r.Title, r.Form, r.PublishedAt, r.Policies)).ToList(), total);
    }

    public async Task<(Interpretation Interpretation, string OrganName, IReadOnlyList<PublishedDocumentLink> Policies)?> PublicDetailAsync(Guid id, CancellationToken ct = default)
    {
        var i = await db.Set<Interpretation>().AsNoTracking().Include(x => x.Policies).Include(x => x.Questions)
            .FirstOrDefaultAsync(x => x.Id == id && x.Status == InterpretationStatus.Published, ct);
        if (i is null)
        {
            return null;
        }

        i.Questions = [.. i.Questions.OrderBy(x => x.Position)];
        var links = new List<PublishedDocumentLink>();
        foreach (var p in i.Policies)
        {
            if (await documents.FindAsync(p.DocumentId, ct) is { } link)
            {
                links.Add(link);
            }
        }

        var organ = await db.Organs.Where(o => o.Id == i.OrganId).Select(o => o.FullName).SingleAsync(ct);
        return (i, organ, links);
    }

    /// <summary>Interpretations the staff member may see (drafts included).</summary>
    public async Task<IReadOnlyList<Interpretation>> StaffAsync(CancellationToken ct = default)
    {
        var scope = await access.ScopeAsync(DocumentAccess.Viewers);
        return scope.IsEmpty ? [] : await db.Set<Interpretation>().AsNoTracking().Include(i => i.Policies)
            .Within(scope, i => i.OrganId).OrderByDescending(i => i.UpdatedAt).Take(200).ToListAsync(ct);
    }

    public async Task<Interpretation?> ForStaffAsync(Guid id, CancellationToken ct = default)
    {
        var i = await db.Set<Interpretation>().Include(x => x.Policies).Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == id, ct);
        return i is not null && await access.RoleForAsync(i.OrganId, DocumentAccess.Viewers) is not null ? i : null;
    }

    /// <summary>
    /// 三同步 for the office: every flagged policy with its interpretation, the due day (working days after the policy's
    /// publication) and whether the interpretation is missing or late.
    /// </summary>
    public async Task<IReadOnlyList<SyncRow>> SyncListAsync(CancellationToken ct = default)
    {
        var scope = await access.ScopeAsync(DocumentAccess.Viewers);
        if (scope.IsEmpty)
        {
            return [];
        }

        var reqs = await db.Set<InterpretationRequirement>().AsNoTracking().Within(scope, r => r.OrganId)
            .OrderByDescending(r => r.FlaggedAt).Take(500).ToListAsync(ct);
        var docIds = reqs.Select(r => r.DocumentId).ToList();
        var linked = await db.Set<InterpretedPolicy>().Where(p => docIds.Contains(p.DocumentId))
            .Join(db.Set<Interpretation>().Where(i => i.Status != InterpretationStatus.Withdrawn), p => p.InterpretationId, i => i.Id, (p, i) => new { p.DocumentId, i.Id, i.Title, i.PublishedAt })
            .ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var today = ChineseDates.Today(clock);
        var rows = new List<SyncRow>();
        foreach (var r in reqs)
        {
            var doc = await documents.ReferenceAsync(r.DocumentId, ct);
            var policyAt = doc is { IsPublic: true } ? doc.PublishedAt : null;
            var due = policyAt is { } at ? calendar.TryAddWorkingDays(ChineseDates.LocalDay(at), options.Value.DueWorkingDays) : null;

            var interp = linked.Where(l => l.DocumentId == r.DocumentId).OrderBy(l => l.PublishedAt ?? DateTimeOffset.MaxValue).FirstOrDefault();
            var late = r.WaiverReason is null && due is { } d && (interp?.PublishedAt is { } ip ? ChineseDates.LocalDay(ip) > d : today > d);
            var status = r.WaiverReason is not null ? "不需要解读（已说明理由）"
                : interp is null ? (late ? "逾期未解读" : "未解读")
                : interp.PublishedAt is null ? (late ? "解读逾期未发布" : "解读待发布")
                : late ? "解读逾期发布" : "已同步解读";
            rows.Add(new SyncRow(r.DocumentId, r.DocumentTitle, policyAt, due, r.WaiverReason, interp?.Id, interp?.Title, interp?.PublishedAt, status, late));
        }

        return rows;
    }
}
