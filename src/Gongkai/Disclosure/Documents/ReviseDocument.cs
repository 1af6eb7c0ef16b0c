using Gongkai.Disclosure.Review;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Search;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Revises a published document (信息变更, including 清单调整): the version on the site is kept in the history,
/// the new version replaces it at once, and its 变更日期 starts the publication clock (20 working days, 10 for 清单),
/// so a late change is flagged. Only someone who may publish may revise, with a change note as their review
/// opinion, and only when the personal-data scan of the new text is clean.
/// </summary>
public sealed class ReviseDocument(GongkaiDb db, AuditLog audit, StaffAccess access, SaveDraft draft, ScanDocument scan, CurrentActor actor, TimeProvider clock)
{
    public async Task HandleAsync(GovDocument doc, DocumentInput input, string? changeNote, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Publishers, "修订", DocumentAccess.Records);
        if (doc.Status != DocumentStatus.Published)
        {
            throw new ValidationFailure("只有已发布的信息可以修订；未发布的请直接编辑。", "Status");
        }

        changeNote = changeNote?.Trim();
        if (string.IsNullOrEmpty(changeNote) || changeNote.Length > 500)
        {
            throw new ValidationFailure("请说明修订内容（不超过500字），它将显示在版本记录中。", "ChangeNote");
        }

        if (input.FormedOn is { } changed && changed < doc.FormedOn)
        {
            throw new ValidationFailure($"变更日期不能早于上一版本的形成日期{ChineseDates.Long(doc.FormedOn)}。", "FormedOn");
        }

        if (input.Attribute is { } a && a != DisclosureAttribute.Proactive)
        {
            throw new ValidationFailure("已主动公开的信息不能改为依申请公开或不予公开；如需停止公开，请撤回。", "Attribute");
        }

        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var previous = new DocumentRevision
        {
            DocumentId = doc.Id,
            Version = doc.Version,
            Title = doc.Title,
            DocumentNumber = doc.DocumentNumber,
            BodyHtml = doc.BodyHtml,
            PublishedAt = doc.PublishedAt,
            SupersededAt = clock.GetUtcNow(),
            ChangeNote = changeNote,
        };
        input.Attribute = DisclosureAttribute.Proactive;
        input.FormedOn ??= ChineseDates.Today(clock);
        var indexNumber = doc.IndexNumber;
        await draft.ApplyAsync(doc, input, ct);
        doc.IndexNumber ??= indexNumber;
        var findings = await scan.RunAsync(doc, ct);
        if (findings.Count > 0)
        {
            throw new ValidationFailure(
                $"修订内容中检出{findings.Count}处个人信息（{string.Join("、", findings.Select(f => $"{f.Kind.Label()} {f.MaskedText}"))}），请先脱敏再修订。", "Body");
        }

        db.DocumentRevisions.Add(previous);
        var now = clock.GetUtcNow();
        doc.Revise(actor.UserId, actor.Name, changeNote, now, ChineseDates.Today(clock));
        audit.Record(DisclosureAuditActions.Revise, "Document", doc.Id.ToString(),
            $"修订“{doc.Title}”为第{doc.Version}版：{changeNote}{(doc.PublishedLate ? "（超过公开期限）" : "")}", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
        await SearchIndex.For(db).ReplaceAsync(db, DocumentSearch.OwnerType, doc.Id, DocumentSearch.IndexedText(doc), ct);
        await tx.CommitAsync(ct);
    }
}
