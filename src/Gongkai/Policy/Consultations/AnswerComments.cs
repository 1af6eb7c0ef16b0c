using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// 答复: a disposition for the chosen comments (by default with every comment of their groups, so a campaign of
/// identical letters is answered once), typed or from a template. 未采纳 needs its reason. Once the feedback report is
/// published the answers are part of the record and no longer change.
/// </summary>
public sealed class AnswerComments(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, TimeProvider clock)
{
    public async Task<int> AnswerAsync(Consultation c, IReadOnlyCollection<Guid> commentIds, Disposition? disposition, string? reply,
        bool wholeGroups = true, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Editors, "答复", ConsultationAccess.Records);
        var now = clock.GetUtcNow();
        if (c.FeedbackPublishedAt is not null)
        {
            throw new ValidationFailure("意见采纳情况已经公布，答复不能再修改。", "Disposition");
        }

        if (ConsultationStates.Of(c, now) is ConsultationState.Draft)
        {
            throw new ValidationFailure("征集尚未发布。", "Disposition");
        }

        if (disposition is not { } d || !Enum.IsDefined(d))
        {
            throw new ValidationFailure("请选择处理结果：采纳、部分采纳、未采纳或不属于本次征集范围。", "Disposition");
        }

        reply = reply?.Trim();
        if (d == Disposition.NotAdopted && string.IsNullOrEmpty(reply))
        {
            throw new ValidationFailure("未采纳的意见必须说明理由。", "Reply");
        }

        if (reply is { Length: > 5000 })
        {
            throw new ValidationFailure("答复不能超过5000字。", "Reply");
        }

        if (commentIds.Count == 0)
        {
            throw new ValidationFailure("请选择要答复的意见。", "Ids");
        }

        var comments = db.Set<ConsultationComment>();
        var chosen = await comments.Where(x => x.ConsultationId == c.Id && commentIds.Contains(x.Id))
            .Select(x => new { x.Id, x.GroupKey, x.Moderation }).ToListAsync(ct);
        if (chosen.Count != commentIds.Count)
        {
            throw new ValidationFailure("所选意见不属于本次征集。", "Ids");
        }

        if (chosen.Any(x => x.Moderation == ModerationStatus.Hidden))
        {
            throw new ValidationFailure("不予公开的意见不需要答复。", "Ids");
        }

        var ids = chosen.Select(x => x.Id).ToList();
        var keys = chosen.Select(x => x.GroupKey).Distinct().ToList();
        var target = wholeGroups
            ? comments.Where(x => x.ConsultationId == c.Id && x.Moderation != ModerationStatus.Hidden && (keys.Contains(x.GroupKey) || ids.Contains(x.Id)))
            : comments.Where(x => x.ConsultationId == c.Id && ids.Contains(x.Id));
        var name = actor.Name;
        var text = string.IsNullOrEmpty(reply) ? null : reply;
        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var count = await target.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Disposition, d)
            .SetProperty(x => x.Reply, text)
            .SetProperty(x => x.AnsweredAt, now)
            .SetProperty(x => x.AnsweredByName, name)
            .SetProperty(x => x.RowVersion, x => x.RowVersion + 1), ct);
        audit.Record(PolicyAuditActions.CommentAnswer, "Consultation", c.Id.ToString(),
            $"“{c.Title}”答复意见{count}条：{d.Label()}{(text is null ? "" : "，" + text)}", c.OrganId, role);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }

    public async Task<int> AnswerFromTemplateAsync(Consultation c, IReadOnlyCollection<Guid> commentIds, Guid templateId, bool wholeGroups = true, CancellationToken ct = default)
    {
        var template = await db.Set<AnswerTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && t.OrganId == c.OrganId, ct)
            ?? throw new ValidationFailure("请选择本单位的答复模板。", "TemplateId");
        return await AnswerAsync(c, commentIds, template.Disposition, template.Text, wholeGroups, ct);
    }

    /// <summary>Puts the chosen comments (and their own groups) into the group of the first: variants of one campaign.</summary>
    public async Task<int> GroupAsync(Consultation c, IReadOnlyCollection<Guid> commentIds, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Editors, "归并", ConsultationAccess.Records);
        if (c.FeedbackPublishedAt is not null)
        {
            throw new ValidationFailure("意见采纳情况已经公布，不能再归并。", "Ids");
        }

        var comments = db.Set<ConsultationComment>();
        var chosen = await comments.Where(x => x.ConsultationId == c.Id && commentIds.Contains(x.Id)).OrderBy(x => x.Id)
            .Select(x => x.GroupKey).ToListAsync(ct);
        if (chosen.Count < 2 || chosen.Count != commentIds.Count)
        {
            throw new ValidationFailure("请选择本次征集中至少两条意见进行归并。", "Ids");
        }

        var target = chosen[0];
        var others = chosen.Distinct().Where(k => k != target).ToList();
        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var moved = await comments.Where(x => x.ConsultationId == c.Id && others.Contains(x.GroupKey))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.GroupKey, target).SetProperty(x => x.RowVersion, x => x.RowVersion + 1), ct);
        audit.Record(PolicyAuditActions.CommentGroup, "Consultation", c.Id.ToString(), $"“{c.Title}”将{moved}条意见归入同一组", c.OrganId, role);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return moved;
    }

    public async Task<AnswerTemplate> SaveTemplateAsync(Guid organId, string? name, Disposition? disposition, string? text, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(organId, ConsultationAccess.Editors, "维护", ConsultationAccess.Records);
        name = name?.Trim();
        text = text?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            throw new ValidationFailure("请填写模板名称（不超过100字）。", "Name");
        }

        if (disposition is not { } d || !Enum.IsDefined(d))
        {
            throw new ValidationFailure("请选择处理结果。", "Disposition");
        }

        if (string.IsNullOrEmpty(text) || text.Length > 5000)
        {
            throw new ValidationFailure("请填写答复内容（不超过5000字）。", "Text");
        }

        if (await db.Set<AnswerTemplate>().AnyAsync(t => t.OrganId == organId && t.Name == name, ct))
        {
            throw new ValidationFailure("同名模板已经存在。", "Name");
        }

        var template = new AnswerTemplate { OrganId = organId, Name = name, Disposition = d, Text = text, CreatedAt = clock.GetUtcNow() };
        db.Add(template);
        audit.Record(PolicyAuditActions.AnswerTemplateCreate, "AnswerTemplate", template.Id.ToString(), $"新增答复模板“{name}”（{d.Label()}）", organId, role);
        await db.SaveChangesAsync(ct);
        return template;
    }
}
