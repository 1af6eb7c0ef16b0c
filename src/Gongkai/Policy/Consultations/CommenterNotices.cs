using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// What a commenter who left a contact (an e-mail address or a mobile number in 联系方式) is told: that the comment was
/// received, with its receipt number (意见编号), and, when the organ publishes the feedback (意见采纳情况), what became of
/// it. Written to the outbox in the unit of work that stores the comments or publishes the feedback.
/// </summary>
public sealed class CommenterNotices(GongkaiDb db, NotificationOutbox outbox, CommenterProtector protector, IOptions<SiteOptions> site)
{
    /// <summary>Receipts for comments being stored in one batch (only those with a usable contact get one).</summary>
    public async Task ReceiptsAsync(IReadOnlyCollection<ConsultationComment> comments, CancellationToken ct = default)
    {
        var withContact = comments.Where(c => c.ContactProtected is not null).ToList();
        if (withContact.Count == 0)
        {
            return;
        }

        var ids = withContact.Select(c => c.ConsultationId).Distinct().ToList();
        var consultations = await db.Set<Consultation>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.OrganId }).ToDictionaryAsync(c => c.Id, ct);
        foreach (var comment in withContact)
        {
            var c = consultations[comment.ConsultationId];
            var url = $"{site.Value.Portal}/consultations/{c.Id}";
            outbox.EnqueueToContact(new NotificationOutbox.Message(NotificationKinds.CommentReceipt,
                $"已收到您对“{c.Title}”的意见（意见编号{comment.ReceiptNumber}）",
                $"您于{ChineseDates.Local(comment.ReceivedAt)}对“{c.Title}”提出的意见已收到，意见编号：{comment.ReceiptNumber}。\n\n"
                + $"意见经审核后公开；征集结束后将公布意见采纳情况，届时将另行告知对您意见的处理结果。征集详情：{url}",
                $"已收到您对“{Short(c.Title)}”的意见，意见编号{comment.ReceiptNumber}。",
                "ConsultationComment", comment.Id.ToString(), c.OrganId), protector.Unprotect(comment.ContactProtected));
        }
    }

    /// <summary>The feedback of <paramref name="c"/> is published: each answered comment with a contact is told its outcome.</summary>
    public async Task FeedbackAsync(Consultation c, CancellationToken ct = default)
    {
        var answered = await db.Set<ConsultationComment>().AsNoTracking()
            .Where(x => x.ConsultationId == c.Id && x.ContactProtected != null && x.Moderation != ModerationStatus.Hidden && x.Disposition != null)
            .Select(x => new { x.Id, x.ReceiptNumber, x.ContactProtected, x.Disposition, x.Reply }).ToListAsync(ct);
        var url = $"{site.Value.Portal}/consultations/{c.Id}";
        foreach (var x in answered)
        {
            var outcome = x.Disposition!.Value.Label();
            outbox.EnqueueToContact(new NotificationOutbox.Message(NotificationKinds.CommentAnswer,
                $"“{c.Title}”意见采纳情况已公布（意见编号{x.ReceiptNumber}）",
                $"“{c.Title}”的意见采纳情况已经公布。您提出的意见（意见编号{x.ReceiptNumber}）的处理结果：{outcome}。"
                + (string.IsNullOrEmpty(x.Reply) ? "" : $"\n\n答复：{x.Reply}") + $"\n\n意见采纳情况全文：{url}",
                $"您对“{Short(c.Title)}”的意见（编号{x.ReceiptNumber}）处理结果：{outcome}，详见门户网站意见采纳情况。",
                "ConsultationComment", x.Id.ToString(), c.OrganId), protector.Unprotect(x.ContactProtected));
        }
    }

    private static string Short(string title) => title.Length <= 20 ? title : title[..20] + "…";
}
