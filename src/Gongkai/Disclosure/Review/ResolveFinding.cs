using System.Net;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Review;

/// <summary>
/// A reviewer settles a finding: one click masks it everywhere in the body, or they confirm it may be published
/// with a stated reason (e.g. a public official's office phone). Both are audited.
/// </summary>
public sealed class ResolveFinding(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, MaskingRules masks, TimeProvider clock)
{
    public async Task MaskAsync(GovDocument doc, PrivacyFinding finding, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Reviewers, "审核", DocumentAccess.Records);
        EnsureOpen(doc, finding);
        var matches = PersonalDataScanner.Scan(doc.BodyText, ChineseDates.Today(clock))
            .Concat(PersonalDataScanner.Scan(doc.Title, ChineseDates.Today(clock)))
            .Concat(PersonalDataScanner.Scan(doc.Summary, ChineseDates.Today(clock)))
            .Where(f => ScanDocument.HashOf(doc.Id, f.Text) == finding.ValueHash)
            .ToList();
        if (matches.Count == 0 || finding.Source is not ("正文" or "标题" or "内容概述"))
        {
            throw new ValidationFailure(finding.Source is "正文" or "标题" or "内容概述"
                ? "在当前正文中找不到该内容，可能已被修改；请重新提交扫描。"
                : $"该内容位于附件“{finding.Source}”中，请修改附件后重新上传。", "Finding");
        }

        var raw = matches[0].Text;
        var masked = masks.Mask(matches[0]);
        var html = doc.BodyHtml.Replace(WebUtility.HtmlEncode(raw), WebUtility.HtmlEncode(masked)).Replace(raw, masked);
        doc.BodyHtml = html;
        doc.BodyText = doc.BodyText.Replace(raw, masked);
        doc.Title = doc.Title.Replace(raw, masked);
        doc.Summary = doc.Summary?.Replace(raw, masked);
        doc.UpdatedAt = clock.GetUtcNow();
        Settle(finding, FindingStatus.Masked, null);
        audit.Record(DisclosureAuditActions.FindingMask, "Document", doc.Id.ToString(), $"对“{doc.Title}”中的{finding.Kind.Label()}作脱敏处理：{finding.MaskedText}", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    public async Task ConfirmAsync(GovDocument doc, PrivacyFinding finding, string? reason, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Reviewers, "审核", DocumentAccess.Records);
        EnsureOpen(doc, finding);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            throw new ValidationFailure("确认可以公开时必须说明理由（不超过500字），例如“该号码为单位办公电话”。", "Reason");
        }

        Settle(finding, FindingStatus.Confirmed, reason);
        audit.Record(DisclosureAuditActions.FindingConfirm, "Document", doc.Id.ToString(), $"确认“{doc.Title}”中的{finding.Kind.Label()}（{finding.MaskedText}）可以公开，理由：{reason}", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    private static void EnsureOpen(GovDocument doc, PrivacyFinding finding)
    {
        if (finding.DocumentId != doc.Id || finding.Status != FindingStatus.Open)
        {
            throw new ValidationFailure("该条检测结果已处理。", "Finding");
        }

        if (doc.Status is DocumentStatus.Published or DocumentStatus.Withdrawn)
        {
            throw new ValidationFailure("已发布或已撤回的信息不能再处理检测结果。", "Finding");
        }
    }

    private void Settle(PrivacyFinding finding, FindingStatus status, string? reason)
    {
        finding.Status = status;
        finding.ConfirmReason = reason;
        finding.ResolvedBy = actor.Name;
        finding.ResolvedAt = clock.GetUtcNow();
    }
}
