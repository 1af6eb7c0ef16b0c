using Gongkai.Disclosure.Review;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Search;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Publishes a reviewed 主动公开 document now or at a scheduled time. The 索引号 is assigned, lateness against
/// the Art. 26 due date is recorded, and the search index is written in the same transaction, so the document
/// is findable the moment publication commits.
/// </summary>
public sealed class PublishDocument(GongkaiDb db, AuditLog audit, StaffAccess access, IndexNumbers indexNumbers, TimeProvider clock,
    IEnumerable<IPublishCheck> checks)
{
    /// <summary>Leeway for a form submitted a little after the time it shows.</summary>
    public static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(10);

    public async Task HandleAsync(GovDocument doc, DateTimeOffset? at, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Publishers, "发布", DocumentAccess.Records);
        await EnsurePublishableAsync(doc, ct);
        var now = clock.GetUtcNow();
        if (at is { } when && when < now - PastTolerance)
        {
            throw new ValidationFailure("发布时间不能早于当前时间：不得倒填发布日期。", "PublishAt");
        }

        if (at is { } w && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(w, ChineseDates.TimeZone).DateTime) < doc.FormedOn)
        {
            throw new ValidationFailure("发布时间不能早于信息形成日期。", "PublishAt");
        }

        if (at is { } later && later > now + PastTolerance)
        {
            doc.ScheduleFor(later);
            audit.Record(DisclosureAuditActions.Schedule, "Document", doc.Id.ToString(), $"定时发布“{doc.Title}”于{ChineseDates.Local(later)}", doc.OrganId, role);
            await db.SaveChangesAsync(ct);
            return;
        }

        await PublishNowAsync(doc, role, ct);
    }

    /// <summary>Used by the scheduler for documents whose time has come; same checks, no user.</summary>
    internal async Task PublishScheduledAsync(GovDocument doc, CancellationToken ct)
    {
        await EnsurePublishableAsync(doc, ct);
        await PublishNowAsync(doc, null, ct);
    }

    private async Task EnsurePublishableAsync(GovDocument doc, CancellationToken ct)
    {
        if (doc.Attribute != DisclosureAttribute.Proactive)
        {
            throw new ValidationFailure($"公开属性为“{doc.Attribute.Label()}”的信息不得主动发布。", "Attribute");
        }

        if (doc.Status != DocumentStatus.Reviewed)
        {
            throw new ValidationFailure($"只有通过保密审查的信息可以发布，当前状态为“{doc.Status.Label()}”。", "Status");
        }

        var open = await db.PrivacyFindings.CountAsync(f => f.DocumentId == doc.Id && f.Status == FindingStatus.Open, ct);
        if (open > 0)
        {
            throw new ValidationFailure($"还有{open}处个人信息检测结果未处理，不能发布。", "Findings");
        }

        foreach (var check in checks)
        {
            await check.CheckAsync(doc, ct);
        }
    }

    private async Task PublishNowAsync(GovDocument doc, StaffRole? role, CancellationToken ct)
    {
        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var now = clock.GetUtcNow();
        var today = ChineseDates.Today(clock);
        doc.IndexNumber ??= await indexNumbers.NextAsync(doc.OrganId, today, ct);
        doc.Publish(now, today);
        audit.Record(DisclosureAuditActions.Publish, "Document", doc.Id.ToString(),
            $"发布“{doc.Title}”，索引号{doc.IndexNumber}{(doc.PublishedLate ? $"（超过{ChineseDates.Long(doc.PublishDueOn!.Value)}的公开期限）" : "")}", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
        await SearchIndex.For(db).ReplaceAsync(db, DocumentSearch.OwnerType, doc.Id, DocumentSearch.IndexedText(doc), ct);
        await tx.CommitAsync(ct);
    }
}
