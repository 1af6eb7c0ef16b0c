using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.SiteErrors;

/// <summary>
/// 答复并办结 a 网站找错 message: the site's administrators (系统管理员, 政务公开办) answer it, which closes it; the reporter
/// reads the answer with the receipt number. One audit event in the same unit of work.
/// </summary>
public sealed class AnswerSiteError(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, TimeProvider clock)
{
    public static readonly StaffRole[] Handlers = [StaffRole.SystemAdministrator, StaffRole.OpennessOffice];

    /// <summary>The role the person handles 网站找错 messages in, or a refusal (403).</summary>
    public static async Task<StaffRole> RequireHandlerAsync(StaffAccess access) =>
        await access.DistrictRoleAsync(Handlers)
        ?? throw new ForbiddenAction($"您没有处理网站找错留言的权限（需要：{string.Join("、", Handlers.Select(r => r.Label()))}）。");

    public async Task<SiteErrorReport> HandleAsync(Guid id, string? answer, CancellationToken ct = default)
    {
        var role = await RequireHandlerAsync(access);
        var report = await db.Set<SiteErrorReport>().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new SiteErrorNotFound();
        if (report.Status != SiteErrorStatus.Open)
        {
            throw new ValidationFailure("这条留言已经答复办结。", "Answer");
        }

        var text = InputText.Field(answer, "答复内容", SiteErrorReport.AnswerMax, "Answer", required: true)!;
        report.AnswerAndClose(text, actor.Name, clock.GetUtcNow());
        audit.Record(PlatformAuditActions.SiteErrorAnswer, nameof(SiteErrorReport), report.Id.ToString(),
            $"答复并办结网站找错留言{report.ReceiptNumber}（收到于{ChineseDates.Local(report.ReceivedAt)}）", null, role);
        await db.SaveChangesAsync(ct);
        return report;
    }
}

/// <summary>No such 网站找错 message (404).</summary>
public sealed class SiteErrorNotFound() : Exception("没有这条网站找错留言。");
