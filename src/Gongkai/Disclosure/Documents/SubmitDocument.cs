using Gongkai.Disclosure.Review;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;

namespace Gongkai.Disclosure.Documents;

/// <summary>An editor sends a draft for review; the personal-data scan runs now, so the reviewer sees its findings.</summary>
public sealed class SubmitDocument(GongkaiDb db, AuditLog audit, StaffAccess access, ScanDocument scan)
{
    public async Task<IReadOnlyList<PrivacyFinding>> HandleAsync(GovDocument doc, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Editors, "提交", DocumentAccess.Records);
        if (doc.Status != DocumentStatus.Draft)
        {
            throw new Platform.ValidationFailure($"只有草稿可以提交审核，当前状态为“{doc.Status.Label()}”。", "Status");
        }

        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var findings = await scan.RunAsync(doc, ct);
        doc.Submit();
        audit.Record(DisclosureAuditActions.Submit, "Document", doc.Id.ToString(),
            $"提交审核“{doc.Title}”；个人信息检测发现{findings.Count}处待处理", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return findings;
    }
}
