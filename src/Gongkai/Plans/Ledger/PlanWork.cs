using Gongkai.Plans.Parsing;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Ledger;

/// <summary>
/// Following a task: progress reports by the organs it names, the lead organ's confirmation, the openness office's
/// comments (督办) and its choice of which reports the public sees. A task outside the user's organs is not found.
/// </summary>
public sealed class PlanWork(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, TimeProvider clock)
{
    private static readonly StaffRole[] OrganRoles = [StaffRole.OpennessOffice, StaffRole.DepartmentAdministrator, StaffRole.Editor, StaffRole.Evaluator];

    public async Task<bool> IsOfficeAsync() =>
        await access.DistrictRoleAsync(StaffRole.OpennessOffice, StaffRole.SystemAdministrator) is not null;

    /// <summary>The organs whose tasks the user sees; the office sees all.</summary>
    public async Task<OrganScope> ScopeAsync() =>
        await IsOfficeAsync() ? new OrganScope(true, new HashSet<Guid>()) : await access.ScopeAsync(OrganRoles);

    /// <summary>A task the user may see, or null (404).</summary>
    public async Task<PlanTask?> FindAsync(Guid taskId, CancellationToken ct = default)
    {
        var task = await db.PlanTasks.Include(t => t.Organs).SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return null;
        }

        var scope = await ScopeAsync();
        return scope.All || task.Organs.Any(o => scope.Covers(o.OrganId)) ? task : null;
    }

    public async Task ReportAsync(Guid taskId, Guid organId, string text, int percent, string? evidence, CancellationToken ct = default)
    {
        var task = await FindAsync(taskId, ct) ?? throw new KeyNotFoundException();
        var scope = await access.ScopeAsync(StaffRole.DepartmentAdministrator, StaffRole.Editor, StaffRole.OpennessOffice);
        if (!task.Organs.Any(o => o.OrganId == organId) || !scope.Covers(organId))
        {
            throw new ForbiddenAction("只有本任务的牵头或责任单位可以报送进展。");
        }

        // Every field is checked before anything is refused, so the form shows all its problems at once.
        var checks = new FieldChecks();
        text = (text ?? "").Trim();
        if (text.Length is 0 or > 4000)
        {
            checks.Check(() => throw new ValidationFailure("请填写进展情况（4000字以内）。", "Text"));
        }

        if (percent is < 0 or > 100)
        {
            checks.Check(() => throw new ValidationFailure("完成比例应为0到100之间的整数。", "Percent"));
        }

        var links = (evidence ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var link in links)
        {
            if (!(link.StartsWith('/') || Uri.TryCreate(link, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            {
                checks.Check(() => throw new ValidationFailure($"佐证链接“{link}”不是有效的网址（应以 https:// 或 / 开头）。", "Evidence"));
            }
        }

        checks.ThrowIfAny();
        var now = clock.GetUtcNow();
        db.PlanProgress.Add(new PlanProgress
        {
            TaskId = task.Id,
            OrganId = organId,
            Text = text,
            Percent = percent,
            Evidence = string.Join("\n", links),
            ReportedBy = CurrentName(),
            ReportedAt = now,
        });
        task.ReportProgress(percent, now);
        audit.Record(PlanAuditActions.Progress, "PlanTask", task.Id.ToString(), $"{task.Number}：{percent}%", organId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The lead organ confirms the task is done (the office does it for a task without a mapped lead).</summary>
    public async Task ConfirmAsync(Guid taskId, CancellationToken ct = default)
    {
        var task = await FindAsync(taskId, ct) ?? throw new KeyNotFoundException();
        var leads = task.Organs.Where(o => o.Role == PlanRole.Lead).Select(o => o.OrganId).ToList();
        var scope = await access.ScopeAsync(StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice);
        var allowed = leads.Count > 0 ? leads.Any(l => scope.Covers(l)) : await IsOfficeAsync();
        if (!allowed)
        {
            throw new ForbiddenAction("只有牵头单位可以确认任务完成。");
        }

        if (task.Status == PlanTaskStatus.Done)
        {
            throw new ValidationFailure("该任务已确认完成。");
        }

        task.Confirm(CurrentName(), clock.GetUtcNow());
        audit.Record(PlanAuditActions.Confirm, "PlanTask", task.Id.ToString(), $"{task.Number} 确认完成", leads.Where(l => scope.Covers(l)).Select(l => (Guid?)l).FirstOrDefault());
        await db.SaveChangesAsync(ct);
    }

    public async Task CommentAsync(Guid taskId, string text, CancellationToken ct = default)
    {
        if (!await IsOfficeAsync())
        {
            throw new ForbiddenAction("只有政务公开办可以督办。");
        }

        var task = await FindAsync(taskId, ct) ?? throw new KeyNotFoundException();
        text = (text ?? "").Trim();
        if (text.Length is 0 or > 2000)
        {
            throw new ValidationFailure("请填写督办意见（2000字以内）。", "Comment");
        }

        db.PlanComments.Add(new PlanComment { TaskId = task.Id, Text = text, Author = CurrentName(), CreatedAt = clock.GetUtcNow() });
        audit.Record(PlanAuditActions.Comment, "PlanTask", task.Id.ToString(), $"{task.Number} 督办", asRole: StaffRole.OpennessOffice);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The office decides which progress reports and which plans the public sees.</summary>
    public async Task SetProgressPublicAsync(Guid progressId, bool isPublic, CancellationToken ct = default)
    {
        if (!await IsOfficeAsync())
        {
            throw new ForbiddenAction("只有政务公开办可以设置公开。");
        }

        var progress = await db.PlanProgress.SingleOrDefaultAsync(p => p.Id == progressId, ct) ?? throw new KeyNotFoundException();
        progress.IsPublic = isPublic;
        audit.Record(isPublic ? PlanAuditActions.ProgressPublic : PlanAuditActions.ProgressPrivate, "PlanProgress", progress.Id.ToString(), null, progress.OrganId, StaffRole.OpennessOffice);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetPlanPublicAsync(Guid planId, bool isPublic, CancellationToken ct = default)
    {
        if (!await IsOfficeAsync())
        {
            throw new ForbiddenAction("只有政务公开办可以设置公开。");
        }

        var plan = await db.WorkPlans.SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new KeyNotFoundException();
        plan.IsPublic = isPublic;
        audit.Record(isPublic ? PlanAuditActions.Public : PlanAuditActions.Private, "WorkPlan", plan.Id.ToString(), plan.Title, asRole: StaffRole.OpennessOffice);
        await db.SaveChangesAsync(ct);
    }

    private string CurrentName() => actor.Name;
}
