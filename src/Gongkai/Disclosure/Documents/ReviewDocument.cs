using Gongkai.Disclosure.Review;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// 保密审查: a reviewer approves a submitted document (recording their opinion) or returns it to the editor.
/// Approval needs every personal-data finding masked or confirmed.
/// </summary>
public sealed class ReviewDocument(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, TimeProvider clock)
{
    public async Task ApproveAsync(GovDocument doc, string? opinion, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Reviewers, "审核", DocumentAccess.Records);
        EnsureSubmitted(doc);
        opinion = RequireOpinion(opinion);
        var open = await db.PrivacyFindings.CountAsync(f => f.DocumentId == doc.Id && f.Status == FindingStatus.Open, ct);
        if (open > 0)
        {
            throw new ValidationFailure($"还有{open}处个人信息检测结果未处理，请逐条脱敏或说明理由确认后再通过审核。", "Findings");
        }

        doc.ApproveReview(actor.UserId, actor.Name, opinion, clock.GetUtcNow());
        audit.Record(DisclosureAuditActions.ReviewApprove, "Document", doc.Id.ToString(), $"保密审查通过“{doc.Title}”，意见：{opinion}", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    public async Task ReturnAsync(GovDocument doc, string? opinion, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Reviewers, "审核", DocumentAccess.Records);
        EnsureSubmitted(doc);
        opinion = RequireOpinion(opinion);
        doc.ReturnReview(actor.UserId, actor.Name, opinion, clock.GetUtcNow());
        audit.Record(DisclosureAuditActions.ReviewReturn, "Document", doc.Id.ToString(), $"退回“{doc.Title}”，意见：{opinion}", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    private static void EnsureSubmitted(GovDocument doc)
    {
        if (doc.Status != DocumentStatus.Submitted)
        {
            throw new ValidationFailure($"只有待审核的信息可以审核，当前状态为“{doc.Status.Label()}”。", "Status");
        }
    }

    private static string RequireOpinion(string? opinion)
    {
        opinion = opinion?.Trim();
        return string.IsNullOrEmpty(opinion) || opinion.Length > 1000
            ? throw new ValidationFailure("请填写审核意见（不超过1000字）。", "Opinion")
            : opinion;
    }
}
