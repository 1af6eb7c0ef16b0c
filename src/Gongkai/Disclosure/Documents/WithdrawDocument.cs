using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Search;
using Gongkai.Platform.Staff;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Takes a published document off the site (撤回). It leaves search in the same transaction, so no query that
/// starts after the commit can return it; the record itself is kept, as the law and the audit may need it.
/// </summary>
public sealed class WithdrawDocument(GongkaiDb db, AuditLog audit, StaffAccess access, TimeProvider clock)
{
    public async Task HandleAsync(GovDocument doc, string? reason, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Publishers, "撤回", DocumentAccess.Records);
        if (doc.Status != DocumentStatus.Published)
        {
            throw new ValidationFailure($"只有已发布的信息可以撤回，当前状态为“{doc.Status.Label()}”。", "Status");
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            throw new ValidationFailure("请说明撤回理由（不超过1000字）。", "Reason");
        }

        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        doc.Withdraw(reason, clock.GetUtcNow());
        audit.Record(DisclosureAuditActions.Withdraw, "Document", doc.Id.ToString(), $"撤回“{doc.Title}”（{doc.IndexNumber}），理由：{reason}", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
        await SearchIndex.For(db).RemoveAsync(db, doc.Id, ct);
        await tx.CommitAsync(ct);
    }
}
