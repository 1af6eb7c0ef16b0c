using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Consultations;

/// <summary>What the public pages, the staff pages and the API read about consultations.</summary>
public sealed class ConsultationQueries(GongkaiDb db, StaffAccess access, CommenterProtector protector, PublishedDocuments published, TimeProvider clock)
{
    public const int PageSize = 20;
    public const int AnsweringPageSize = 50;

    public sealed record Summary(Guid Id, string Title, ConsultationKind Kind, string OrganName, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        ConsultationState State, DateOnly? FeedbackDueOn, DateTimeOffset? FeedbackPublishedAt, DateTimeOffset? AnnouncedAt);

    public sealed record TimelineEntry(string When, string What, bool Done);

    public sealed record Detail(Consultation Consultation, string OrganName, string OrganCode, ConsultationState State, DraftVersion Current,
        IReadOnlyList<DraftVersion> Versions, PublishedDocumentLink? Decision, int PublishedComments, IReadOnlyList<TimelineEntry> Timeline);

    public sealed record PublicComment(string ReceiptNumber, string Name, string? Article, int Version, DateTimeOffset ReceivedAt, string Text,
        Disposition? Disposition, string? Reply);

    public sealed record Receipt(Guid ConsultationId, string ConsultationTitle, string ReceiptNumber, DateTimeOffset ReceivedAt, string? Article, int Version,
        ModerationStatus Moderation, string? ModerationNote, string? PublicText, Disposition? Disposition, string? Reply, bool FeedbackPublished);

    public sealed record StaffRow(Guid Id, string ReceiptNumber, string? Article, int Version, CommentChannel Channel, string Text, string Name,
        string Contact, DateTimeOffset ReceivedAt, ModerationStatus Moderation, string? ModerationNote, string GroupKey, int GroupSize,
        Disposition? Disposition, string? Reply);

    public sealed record GroupRow(string GroupKey, int Count, int Unanswered, string Text);

    private IQueryable<Consultation> Announced => db.Set<Consultation>().AsNoTracking().Where(c => c.AnnouncedAt != null);

    /// <summary>The public lists: open (with upcoming), closed awaiting feedback, concluded.</summary>
    public async Task<(IReadOnlyList<Summary> Items, int Total)> PublicListAsync(ConsultationState tab, int page, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var q = tab switch
        {
            ConsultationState.Open => Announced.Where(c => c.ClosesAt > now),
            ConsultationState.AwaitingFeedback => Announced.Where(c => c.ClosesAt <= now && c.FeedbackPublishedAt == null),
            _ => Announced.Where(c => c.FeedbackPublishedAt != null),
        };
        var total = await q.CountAsync(ct);
        var ordered = tab == ConsultationState.Open ? q.OrderBy(c => c.ClosesAt) : q.OrderByDescending(c => c.ClosesAt);
        var rows = await ordered.Skip(Gongkai.Platform.Web.Paging.Offset(page, PageSize)).Take(PageSize).ToListAsync(ct);
        return (await SummariesAsync(rows, now, ct), total);
    }

    /// <summary>The newest announced consultations that have opened, for feeds.</summary>
    public async Task<IReadOnlyList<Summary>> NewestAsync(int count, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await Announced.Where(c => c.OpensAt <= now).OrderByDescending(c => c.OpensAt).Take(count).ToListAsync(ct);
        return await SummariesAsync(rows, now, ct);
    }

    public async Task<Detail?> PublicDetailAsync(Guid id, CancellationToken ct = default)
    {
        var c = await Announced.Include(x => x.Basis).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : await DetailAsync(c, ct);
    }

    public async Task<Detail> DetailAsync(Consultation c, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == c.OrganId).Select(o => new { o.FullName, o.Code }).SingleAsync(ct);
        var versions = await db.Set<DraftVersion>().AsNoTracking().Include(v => v.Articles)
            .Where(v => v.ConsultationId == c.Id).OrderBy(v => v.Number).ToListAsync(ct);
        foreach (var v in versions)
        {
            v.Articles = [.. v.Articles.OrderBy(a => a.Position)];
        }

        var decision = c.DecisionDocumentId is { } d ? await published.FindAsync(d, ct) : null;
        var count = await db.Set<ConsultationComment>().CountAsync(x => x.ConsultationId == c.Id && x.Moderation == ModerationStatus.Published, ct);
        var current = versions.Single(v => v.Number == c.CurrentVersion);
        return new Detail(c, organ.FullName, organ.Code, ConsultationStates.Of(c, now), current, versions, decision, count, Timeline(c, versions, decision, now));
    }

    private static List<TimelineEntry> Timeline(Consultation c, IReadOnlyList<DraftVersion> versions, PublishedDocumentLink? decision, DateTimeOffset now)
    {
        var list = new List<TimelineEntry>();
        if (c.AnnouncedAt is { } announced)
        {
            list.Add(new(ChineseDates.Local(announced), "发布征求意见稿", true));
        }

        list.Add(new(ChineseDates.Local(c.OpensAt), "开始征集意见", now >= c.OpensAt));
        foreach (var v in versions.Where(v => v.Number > 1))
        {
            list.Add(new(ChineseDates.Local(v.CreatedAt), $"发布第{v.Number}版征求意见稿：{v.ChangeNote}", true));
        }

        list.Add(new(ChineseDates.Local(c.ClosesAt), "征集截止", now >= c.ClosesAt));
        if (c.FeedbackPublishedAt is { } fed)
        {
            list.Add(new(ChineseDates.Local(fed), "公布意见采纳情况", true));
        }
        else if (c.FeedbackDueOn is { } due)
        {
            list.Add(new(ChineseDates.Long(due), "意见采纳情况应于此日前公布", false));
        }

        if (decision is not null)
        {
            list.Add(new("", $"发布最终决策文件“{decision.Title}”", true));
        }

        return list;
    }

    public async Task<(IReadOnlyList<PublicComment> Items, int Total)> PublishedCommentsAsync(Guid id, int page, CancellationToken ct = default)
    {
        var q = db.Set<ConsultationComment>().AsNoTracking().Where(x => x.ConsultationId == id && x.Moderation == ModerationStatus.Published);
        var total = await q.CountAsync(ct);
        var feedback = await db.Set<Consultation>().Where(c => c.Id == id).Select(c => c.FeedbackPublishedAt != null).SingleAsync(ct);
        var rows = await q.OrderByDescending(x => x.Id).Skip(Gongkai.Platform.Web.Paging.Offset(page, PageSize)).Take(PageSize)
            .Select(x => new { x.ReceiptNumber, x.CommenterName, x.ArticleLabel, x.VersionNumber, x.ReceivedAt, x.PublicBody, x.Disposition, x.Reply })
            .ToListAsync(ct);
        return (rows.Select(r => new PublicComment(r.ReceiptNumber, CommenterProtector.PublicName(r.CommenterName), r.ArticleLabel, r.VersionNumber, r.ReceivedAt,
            r.PublicBody ?? "", feedback ? r.Disposition : null, feedback ? r.Reply : null)).ToList(), total);
    }

    /// <summary>
    /// A commenter's lookup by receipt number. The answer is shown once the report is published (answers may change
    /// until then); a hidden comment shows why it was not published.
    /// </summary>
    public async Task<Receipt?> ReceiptAsync(string? number, CancellationToken ct = default)
    {
        var n = ReceiptNumbers.Normalise(number);
        if (n.Length is < 10 or > 24)
        {
            return null;
        }

        var row = await db.Set<ConsultationComment>().AsNoTracking().Where(x => x.ReceiptNumber == n)
            .Join(db.Set<Consultation>(), x => x.ConsultationId, c => c.Id, (x, c) => new { x, c.Title, c.FeedbackPublishedAt })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var x = row.x;
        var fed = row.FeedbackPublishedAt is not null;
        return new Receipt(x.ConsultationId, row.Title, x.ReceiptNumber, x.ReceivedAt, x.ArticleLabel, x.VersionNumber, x.Moderation, x.ModerationNote,
            x.Moderation == ModerationStatus.Published ? x.PublicBody : null, fed ? x.Disposition : null, fed ? x.Reply : null, fed);
    }

    /// <summary>The consultations the signed-in staff member may see, newest first, with what waits for them.</summary>
    public async Task<IReadOnlyList<(Summary Item, int Pending, int Unanswered, int Received)>> StaffListAsync(CancellationToken ct = default)
    {
        var scope = await access.ScopeAsync(ConsultationAccess.Viewers);
        if (scope.IsEmpty)
        {
            return [];
        }

        var rows = await db.Set<Consultation>().AsNoTracking().Within(scope, c => c.OrganId)
            .OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct);
        var cids = rows.Select(r => r.Id).ToList();
        var counts = await db.Set<ConsultationComment>().Where(x => cids.Contains(x.ConsultationId))
            .GroupBy(x => x.ConsultationId)
            .Select(g => new
            {
                Id = g.Key,
                Received = g.Count(),
                Pending = g.Count(x => x.Moderation == ModerationStatus.Pending),
                Unanswered = g.Count(x => x.Moderation != ModerationStatus.Hidden && x.Disposition == null),
            }).ToDictionaryAsync(g => g.Id, ct);
        var summaries = await SummariesAsync(rows, clock.GetUtcNow(), ct);
        return summaries.Select(s => counts.TryGetValue(s.Id, out var n) ? (s, n.Pending, n.Unanswered, n.Received) : (s, 0, 0, 0)).ToList();
    }

    /// <summary>The consultation if the staff member may see it (another organ's: null, the page answers 404).</summary>
    public async Task<Consultation?> ForStaffAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<Consultation>().Include(x => x.Basis).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is not null && await access.RoleForAsync(c.OrganId, ConsultationAccess.Viewers) is not null ? c : null;
    }

    /// <summary>
    /// The answering list: comments still without a disposition (or the moderation queue), in arrival order, read by
    /// keyset after <paramref name="after"/> so every page costs the same however many comments there are.
    /// </summary>
    public async Task<IReadOnlyList<StaffRow>> WorkListAsync(Guid consultationId, bool moderation, Guid? after, string? article, CancellationToken ct = default)
    {
        var q = db.Set<ConsultationComment>().AsNoTracking().Where(x => x.ConsultationId == consultationId);
        q = moderation
            ? q.Where(x => x.Moderation == ModerationStatus.Pending)
            : q.Where(x => x.Disposition == null && x.Moderation != ModerationStatus.Hidden);
        if (after is { } a)
        {
            q = q.Where(x => x.Id.CompareTo(a) > 0);
        }

        if (!string.IsNullOrEmpty(article))
        {
            q = article == FeedbackReport.WholeDraft ? q.Where(x => x.ArticleLabel == null) : q.Where(x => x.ArticleLabel == article);
        }

        var rows = await q.OrderBy(x => x.Id).Take(AnsweringPageSize).ToListAsync(ct);
        return await RowsAsync(consultationId, rows, ct);
    }

    /// <summary>Answered comments, newest answers first (to review or correct before the report).</summary>
    public async Task<IReadOnlyList<StaffRow>> AnsweredAsync(Guid consultationId, Guid? after, CancellationToken ct = default)
    {
        var q = db.Set<ConsultationComment>().AsNoTracking().Where(x => x.ConsultationId == consultationId && x.Disposition != null);
        if (after is { } a)
        {
            q = q.Where(x => x.Id.CompareTo(a) > 0);
        }

        return await RowsAsync(consultationId, await q.OrderBy(x => x.Id).Take(AnsweringPageSize).ToListAsync(ct), ct);
    }

    /// <summary>The largest groups of identical (or merged) comments.</summary>
    public async Task<IReadOnlyList<GroupRow>> GroupsAsync(Guid consultationId, int count, CancellationToken ct = default)
    {
        var comments = db.Set<ConsultationComment>().AsNoTracking().Where(x => x.ConsultationId == consultationId);
        var groups = await comments.GroupBy(x => x.GroupKey)
            .Select(g => new { g.Key, Count = g.Count(), Unanswered = g.Count(x => x.Disposition == null && x.Moderation != ModerationStatus.Hidden) })
            .Where(g => g.Count > 1).OrderByDescending(g => g.Count).Take(count).ToListAsync(ct);
        var rows = new List<GroupRow>(groups.Count);
        foreach (var g in groups)
        {
            var text = await comments.Where(x => x.GroupKey == g.Key).OrderBy(x => x.Id).Select(x => x.Body).FirstAsync(ct);
            rows.Add(new GroupRow(g.Key, g.Count, g.Unanswered, text));
        }

        return rows;
    }

    private async Task<IReadOnlyList<StaffRow>> RowsAsync(Guid consultationId, List<ConsultationComment> rows, CancellationToken ct)
    {
        var keys = rows.Select(r => r.GroupKey).Distinct().ToList();
        var sizes = await db.Set<ConsultationComment>().Where(x => x.ConsultationId == consultationId && keys.Contains(x.GroupKey))
            .GroupBy(x => x.GroupKey).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.Select(r => new StaffRow(r.Id, r.ReceiptNumber, r.ArticleLabel, r.VersionNumber, r.Channel, r.PublicBody ?? r.Body,
            string.IsNullOrEmpty(r.CommenterName) ? "匿名" : r.CommenterName, protector.Masked(r.ContactProtected), r.ReceivedAt, r.Moderation,
            r.ModerationNote, r.GroupKey, sizes.GetValueOrDefault(r.GroupKey, 1), r.Disposition, r.Reply)).ToList();
    }

    private async Task<IReadOnlyList<Summary>> SummariesAsync(List<Consultation> rows, DateTimeOffset now, CancellationToken ct)
    {
        var organIds = rows.Select(r => r.OrganId).Distinct().ToList();
        var organs = await db.Organs.AsNoTracking().Where(o => organIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.FullName, ct);
        return rows.Select(c => new Summary(c.Id, c.Title, c.Kind, organs.GetValueOrDefault(c.OrganId, ""), c.OpensAt, c.ClosesAt,
            ConsultationStates.Of(c, now), c.FeedbackDueOn, c.FeedbackPublishedAt, c.AnnouncedAt)).ToList();
    }
}
