using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Marks a published document 废止, 失效 or 已修改 (or valid again). It stays public with a clear banner,
/// as 《政府网站发展指引》 requires (“在已发布的原文件上作出明确标注”).
/// </summary>
public sealed class ChangeValidity(GongkaiDb db, AuditLog audit, StaffAccess access, TimeProvider clock)
{
    public async Task HandleAsync(GovDocument doc, Validity validity, DateOnly? on, string? note, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Publishers, "变更有效性", DocumentAccess.Records);
        if (doc.Status != DocumentStatus.Published)
        {
            throw new ValidationFailure("只有已发布的信息可以变更有效性。", "Status");
        }

        if (!Enum.IsDefined(validity))
        {
            throw new ValidationFailure("有效性取值无效。", "Validity");
        }

        var day = validity == Validity.Valid ? (DateOnly?)null : on ?? throw new ValidationFailure($"请填写{validity.Label()}日期。", "On");
        if (day is { } d && (d < doc.WrittenOn || d > ChineseDates.Today(clock).AddYears(5)))
        {
            throw new ValidationFailure("日期应在成文日期之后。", "On");
        }

        note = note?.Trim();
        if (note is { Length: > 500 })
        {
            throw new ValidationFailure("说明不能超过500字。", "Note");
        }

        var before = doc.Validity;
        doc.Validity = validity;
        doc.ValidityChangedOn = day;
        doc.ValidityNote = string.IsNullOrEmpty(note) ? null : note;
        doc.UpdatedAt = clock.GetUtcNow();
        audit.Record(DisclosureAuditActions.Validity, "Document", doc.Id.ToString(),
            $"“{doc.Title}”有效性：{before.Label()} → {validity.Label()}{(day is { } x ? $"（{ChineseDates.Long(x)}）" : "")}", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
    }
}
