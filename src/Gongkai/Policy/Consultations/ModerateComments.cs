using Gongkai.Disclosure.Review;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// 审核: nothing a commenter wrote is public before a moderator publishes it. Publishing removes personal data the
/// platform's scanner finds (ID numbers, phones, addresses …, masked with the site's rules) and records what was
/// removed; hiding (辱骂攻击, 广告, …) needs a reason, which the commenter sees on the receipt lookup.
/// </summary>
public sealed class ModerateComments(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, MaskingRules masking, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> HideReasons = ["含有辱骂、攻击性内容", "广告或垃圾信息", "与本次征集内容无关", "含有违法或不宜公开的内容"];

    /// <summary>Publishes the given pending comments, with personal data masked; answers how many had something removed.</summary>
    public async Task<int> PublishAsync(Consultation c, IReadOnlyCollection<Guid> commentIds, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Editors, "审核", ConsultationAccess.Records);
        var comments = await LoadAsync(c, commentIds, ct);
        var now = clock.GetUtcNow();
        var today = ChineseDates.Today(clock);
        var redacted = 0;
        foreach (var comment in comments)
        {
            var findings = PersonalDataScanner.Scan(comment.Body, today);
            comment.PublicBody = findings.Count > 0 ? masking.Apply(comment.Body, findings) : comment.Body;
            comment.ModerationNote = findings.Count > 0
                ? "已删除个人信息：" + string.Join("、", findings.GroupBy(f => f.Kind).Select(g => $"{Kind(g.Key)}{g.Count()}处"))
                : null;
            redacted += findings.Count > 0 ? 1 : 0;
            Mark(comment, ModerationStatus.Published, now);
        }

        audit.Record(PolicyAuditActions.CommentPublish, "Consultation", c.Id.ToString(),
            $"“{c.Title}”审核公开意见{comments.Count}条（其中{redacted}条删除了个人信息）：{string.Join("、", comments.Take(20).Select(x => x.ReceiptNumber))}", c.OrganId, role);
        await db.SaveChangesAsync(ct);
        return redacted;
    }

    public async Task HideAsync(Consultation c, Guid commentId, string? reason, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Editors, "审核", ConsultationAccess.Records);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            throw new ValidationFailure("不予公开须说明理由（不超过500字）。", "Reason");
        }

        var comment = (await LoadAsync(c, [commentId], ct)).Single();
        if (comment.Disposition is not null)
        {
            throw new ValidationFailure("该意见已经答复，不能再设为不予公开。", "Reason");
        }

        comment.PublicBody = null;
        comment.ModerationNote = reason;
        Mark(comment, ModerationStatus.Hidden, clock.GetUtcNow());
        audit.Record(PolicyAuditActions.CommentHide, "Consultation", c.Id.ToString(), $"“{c.Title}”意见{comment.ReceiptNumber}不予公开：{reason}", c.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<ConsultationComment>> LoadAsync(Consultation c, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            throw new ValidationFailure("请选择要审核的意见。", "Ids");
        }

        if (c.FeedbackPublishedAt is not null)
        {
            throw new ValidationFailure("意见采纳情况已经公布，不能再审核。", "Ids");
        }

        var list = await db.Set<ConsultationComment>().Where(x => x.ConsultationId == c.Id && ids.Contains(x.Id)).ToListAsync(ct);
        if (list.Count != ids.Count)
        {
            throw new ValidationFailure("所选意见不属于本次征集。", "Ids");
        }

        return list;
    }

    private void Mark(ConsultationComment comment, ModerationStatus status, DateTimeOffset now)
    {
        comment.Moderation = status;
        comment.ModeratedAt = now;
        comment.ModeratorName = actor.Name;
    }

    private static string Kind(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.IdNumber => "身份证号码",
        PersonalDataKind.Mobile => "手机号码",
        PersonalDataKind.Landline => "固定电话",
        PersonalDataKind.BankCard => "银行卡号",
        PersonalDataKind.Email => "电子邮箱",
        PersonalDataKind.MistypedIdNumber => "疑似身份证号码（校验位不正确）",
        PersonalDataKind.OldIdNumber => "身份证号码（15位旧号码）",
        _ => "住址",
    };
}
