using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.RichText;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// 意见采纳情况: counts per disposition and per article, and every reason given for comments not adopted with how many
/// comments it answered. Built from the comments themselves with grouped queries, so the counts always add up to the
/// comments received (hidden ones are counted separately with their reasons).
/// </summary>
public sealed record FeedbackReport(
    int Received,
    int Hidden,
    int Pending,
    int Unanswered,
    IReadOnlyDictionary<Disposition, int> ByDisposition,
    IReadOnlyList<FeedbackReport.ArticleRow> ByArticle,
    IReadOnlyList<FeedbackReport.ReasonRow> NotAdoptedReasons,
    IReadOnlyList<FeedbackReport.ReasonRow> HiddenReasons,
    int Groups)
{
    /// <summary>One article (or 整体意见 for comments on the whole draft) with its counts per disposition.</summary>
    public sealed record ArticleRow(string Article, int Total, IReadOnlyDictionary<Disposition, int> ByDisposition);

    public sealed record ReasonRow(string? Article, string Reason, int Count);

    public int Answered => ByDisposition.Values.Sum();

    public const string WholeDraft = "整体意见";
}

public sealed class FeedbackReports(GongkaiDb db, AuditLog audit, StaffAccess access, CommenterNotices notices, TimeProvider clock)
{
    public async Task<FeedbackReport> BuildAsync(Guid consultationId, CancellationToken ct = default)
    {
        var comments = db.Set<ConsultationComment>().AsNoTracking().Where(x => x.ConsultationId == consultationId);
        var cells = await comments.GroupBy(x => new { x.ArticleLabel, x.Disposition, x.Moderation })
            .Select(g => new { g.Key.ArticleLabel, g.Key.Disposition, g.Key.Moderation, Count = g.Count() }).ToListAsync(ct);
        var notAdopted = await comments.Where(x => x.Disposition == Disposition.NotAdopted)
            .GroupBy(x => new { x.ArticleLabel, x.Reply })
            .Select(g => new { g.Key.ArticleLabel, g.Key.Reply, Count = g.Count() }).ToListAsync(ct);
        var hidden = await comments.Where(x => x.Moderation == ModerationStatus.Hidden)
            .GroupBy(x => x.ModerationNote).Select(g => new { Note = g.Key, Count = g.Count() }).ToListAsync(ct);
        var groups = await comments.Select(x => x.GroupKey).Distinct().CountAsync(ct);

        var visible = cells.Where(c => c.Moderation != ModerationStatus.Hidden).ToList();
        var byDisposition = Enum.GetValues<Disposition>().ToDictionary(d => d, d => visible.Where(c => c.Disposition == d).Sum(c => c.Count));
        var byArticle = visible.GroupBy(c => c.ArticleLabel)
            .Select(g => new FeedbackReport.ArticleRow(g.Key ?? FeedbackReport.WholeDraft, g.Sum(c => c.Count),
                Enum.GetValues<Disposition>().ToDictionary(d => d, d => g.Where(c => c.Disposition == d).Sum(c => c.Count))))
            .OrderBy(r => r.Article == FeedbackReport.WholeDraft ? 0 : 1).ThenBy(r => ArticleOrder(r.Article)).ThenBy(r => r.Article, StringComparer.Ordinal)
            .ToList();
        return new FeedbackReport(
            cells.Sum(c => c.Count),
            cells.Where(c => c.Moderation == ModerationStatus.Hidden).Sum(c => c.Count),
            cells.Where(c => c.Moderation == ModerationStatus.Pending).Sum(c => c.Count),
            visible.Where(c => c.Disposition is null).Sum(c => c.Count),
            byDisposition,
            byArticle,
            notAdopted.OrderByDescending(r => r.Count).Select(r => new FeedbackReport.ReasonRow(r.ArticleLabel ?? FeedbackReport.WholeDraft, r.Reply ?? "", r.Count)).ToList(),
            hidden.OrderByDescending(r => r.Count).Select(r => new FeedbackReport.ReasonRow(null, r.Note ?? "", r.Count)).ToList(),
            groups);
    }

    /// <summary>
    /// Publishes the report: only when every comment is moderated and every public one answered. A report published
    /// after its due day is recorded as late (the office's list keeps it).
    /// </summary>
    public async Task PublishAsync(Consultation c, string? summary, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Publishers, "公布", ConsultationAccess.Records);
        var now = clock.GetUtcNow();
        var state = ConsultationStates.Of(c, now);
        if (state != ConsultationState.AwaitingFeedback)
        {
            throw new ValidationFailure(state == ConsultationState.Concluded ? "意见采纳情况已经公布。" : "征集期结束后才能公布意见采纳情况。", "Summary");
        }

        // From the shared editor: rich text stored sanitised (Platform/RichText), plain text as typed.
        summary = RichTextHtml.StoreAuto(summary, "意见采纳情况说明", "Summary");
        if (string.IsNullOrEmpty(summary) || summary.Length > 5000)
        {
            throw new ValidationFailure("请填写意见采纳情况说明（不超过5000字）。", "Summary");
        }

        var report = await BuildAsync(c.Id, ct);
        if (report.Pending > 0)
        {
            throw new ValidationFailure($"还有{report.Pending}条意见待审核，全部审核后才能公布意见采纳情况。", "Summary");
        }

        if (report.Unanswered > 0)
        {
            throw new ValidationFailure($"还有{report.Unanswered}条意见未答复，每条意见都有处理结果后才能公布意见采纳情况。", "Summary");
        }

        c.PublishFeedback(summary, now);
        var late = c.FeedbackDueOn is { } due && ChineseDates.LocalDay(now) > due;
        audit.Record(PolicyAuditActions.FeedbackPublish, "Consultation", c.Id.ToString(),
            $"公布“{c.Title}”意见采纳情况：收到{report.Received}条，采纳{report.ByDisposition[Disposition.Adopted]}条，部分采纳{report.ByDisposition[Disposition.PartlyAdopted]}条，未采纳{report.ByDisposition[Disposition.NotAdopted]}条{(late ? "（超过公布期限）" : "")}",
            c.OrganId, role);
        // Each commenter who left a contact is told what became of their comment, with the publication.
        await notices.FeedbackAsync(c, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>第十二条 → 12, so articles sort in reading order.</summary>
    internal static int ArticleOrder(string label)
    {
        var digits = new string(label.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0 && int.TryParse(digits, out var n))
        {
            return n;
        }

        var value = 0;
        var section = 0;
        foreach (var ch in label)
        {
            var d = "零一二三四五六七八九".IndexOf(ch);
            if (d >= 0)
            {
                section = d;
            }
            else if (ch == '十')
            {
                value += (section == 0 ? 1 : section) * 10;
                section = 0;
            }
            else if (ch == '百')
            {
                value += (section == 0 ? 1 : section) * 100;
                section = 0;
            }
        }

        return value + section;
    }
}
