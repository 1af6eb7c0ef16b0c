using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.RichText;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Policy.Evaluations;

/// <summary>
/// 政策评价 (2023 plan): an organ's evaluation of one of its main policies in a year — scope, method, findings and
/// follow-up — published by year end. The office sees which organs have none for the year.
/// </summary>
public sealed class PolicyEvaluation : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganId { get; set; }
    public int Year { get; set; }
    public required string PolicyTitle { get; set; }
    public Guid? DocumentId { get; set; }
    /// <summary>评价范围</summary>
    public required string Scope { get; set; }
    /// <summary>评价方式</summary>
    public required string Method { get; set; }
    /// <summary>评价结论</summary>
    public required string Findings { get; set; }
    /// <summary>改进措施</summary>
    public required string FollowUp { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>Withdrawn evaluations are no longer public and do not count for the year; the reason is recorded.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
}

internal sealed class PolicyEvaluationConfiguration : IEntityTypeConfiguration<PolicyEvaluation>
{
    public void Configure(EntityTypeBuilder<PolicyEvaluation> b)
    {
        b.ToTable("policy_evaluations");
        b.Property(x => x.PolicyTitle).HasMaxLength(300);
        b.Property(x => x.Scope).HasMaxLength(5000);
        b.Property(x => x.Method).HasMaxLength(5000);
        b.Property(x => x.Findings).HasMaxLength(20_000);
        b.Property(x => x.FollowUp).HasMaxLength(20_000);
        b.Property(x => x.WithdrawalReason).HasMaxLength(1000);
        b.HasIndex(x => new { x.Year, x.OrganId });
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(x => x.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvaluationInput
{
    public Guid OrganId { get; set; }
    public int Year { get; set; }
    public string? PolicyTitle { get; set; }
    public Guid? DocumentId { get; set; }
    public string? Scope { get; set; }
    public string? Method { get; set; }
    public string? Findings { get; set; }
    public string? FollowUp { get; set; }
}

/// <summary>Records (publishes) an evaluation, lists a year's, and names the organs without one.</summary>
public sealed class PolicyEvaluations(GongkaiDb db, AuditLog audit, StaffAccess access, PublishedDocuments documents, TimeProvider clock)
{
    public async Task<PolicyEvaluation> PublishAsync(EvaluationInput input, CancellationToken ct = default)
    {
        var role = await access.RoleForAsync(input.OrganId, DocumentAccess.Publishers) ?? throw new ForbiddenAction("您没有发布本单位政策评价的权限。");
        var thisYear = ChineseDates.Today(clock).Year;
        // Every field is read before anything is refused, so the form shows all its problems at once.
        var checks = new FieldChecks();
        checks.Check(() =>
        {
            if (input.Year < 2023 || input.Year > thisYear)
            {
                throw new ValidationFailure($"评价年度应在2023年至{thisYear}年之间。", nameof(input.Year));
            }
        });

        string Need(string? value, string label, string field, int max) =>
            checks.Read(() => InputText.Field(value, label, max, field, required: true)!);

        var title = Need(input.PolicyTitle, "被评价的政策", nameof(input.PolicyTitle), 300);
        await checks.ReadAsync(async () => input.DocumentId is { } doc && await documents.FindAsync(doc, ct) is null
            ? throw new ValidationFailure("关联的政策文件须已主动公开。", nameof(input.DocumentId))
            : 0);
        var scope = Need(input.Scope, "评价范围", nameof(input.Scope), 5000);
        var method = Need(input.Method, "评价方式", nameof(input.Method), 5000);
        // Prose from the shared editor: rich text stored sanitised (Platform/RichText), plain text as typed.
        string Prose(string? value, string label, string field) =>
            checks.Read(() => InputText.Field(RichTextHtml.StoreAuto(value, label, field), label, 20_000, field, required: true)!);
        var findings = Prose(input.Findings, "评价结论", nameof(input.Findings));
        var followUp = Prose(input.FollowUp, "改进措施", nameof(input.FollowUp));
        checks.ThrowIfAny();

        var e = new PolicyEvaluation
        {
            OrganId = input.OrganId,
            Year = input.Year,
            PolicyTitle = title,
            DocumentId = input.DocumentId,
            Scope = scope,
            Method = method,
            Findings = findings,
            FollowUp = followUp,
            PublishedAt = clock.GetUtcNow(),
        };
        db.Add(e);
        audit.Record(PolicyAuditActions.EvaluationPublish, "PolicyEvaluation", e.Id.ToString(), $"发布{e.Year}年度政策评价：{title}", e.OrganId, role);
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>
    /// 撤回: the evaluation leaves the public page and no longer counts for its organ's year (the organ appears among
    /// those with none again). Audited with the reason.
    /// </summary>
    public async Task WithdrawAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        var e = await db.Set<PolicyEvaluation>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ValidationFailure("未找到该政策评价。", "Id");
        var role = await access.RoleForAsync(e.OrganId, DocumentAccess.Publishers) ?? throw new ValidationFailure("未找到该政策评价。", "Id");
        if (e.WithdrawnAt is not null)
        {
            throw new ValidationFailure("该政策评价已经撤回。", "Id");
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            throw new ValidationFailure("请填写撤回理由（不超过1000字）。", "Reason");
        }

        e.WithdrawnAt = clock.GetUtcNow();
        e.WithdrawalReason = reason;
        audit.Record(PolicyAuditActions.EvaluationWithdraw, "PolicyEvaluation", e.Id.ToString(), $"撤回{e.Year}年度政策评价：{e.PolicyTitle}。理由：{reason}", e.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The year's published evaluations (withdrawn ones excluded).</summary>
    public async Task<IReadOnlyList<(PolicyEvaluation Evaluation, string Organ)>> YearAsync(int year, CancellationToken ct = default) =>
        (await db.Set<PolicyEvaluation>().AsNoTracking().Where(x => x.Year == year && x.WithdrawnAt == null)
            .Join(db.Organs, x => x.OrganId, o => o.Id, (x, o) => new { x, o.FullName, o.SortOrder })
            .OrderBy(r => r.SortOrder).ThenBy(r => r.x.PublishedAt).ToListAsync(ct))
        .Select(r => (r.x, r.FullName)).ToList();

    /// <summary>Active organs in the viewer's scope with no evaluation published for <paramref name="year"/>.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(int year, CancellationToken ct = default)
    {
        var scope = await access.ScopeAsync(DocumentAccess.Viewers);
        if (scope.IsEmpty)
        {
            return [];
        }

        var evaluations = db.Set<PolicyEvaluation>();
        return await db.Organs.Where(o => o.IsActive).Within(scope, o => o.Id).Where(o => !evaluations.Any(x => x.Year == year && x.OrganId == o.Id && x.WithdrawnAt == null))
            .OrderBy(o => o.SortOrder).Select(o => o.FullName).ToListAsync(ct);
    }
}
