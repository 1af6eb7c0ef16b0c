using Gongkai.Plans.Parsing;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Plans.Ledger;

/// <summary>A 工作要点 imported into the ledger: its title, year and the source text its tasks were read from.</summary>
public sealed class WorkPlan : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public int Year { get; set; }
    public string SourceText { get; set; } = "";
    public string? SourceFileName { get; set; }
    /// <summary>Whether the public progress page shows this plan.</summary>
    public bool IsPublic { get; set; }
    /// <summary>How many times a revised document was imported over it (1 for the first import).</summary>
    public int Revision { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PlanTask> Tasks { get; set; } = [];
}

/// <summary>Where a task stands. Overdue is not a status: it is a due date in the past on a task not done.</summary>
public enum PlanTaskStatus
{
    /// <summary>未开始</summary>
    NotStarted = 0,
    /// <summary>推进中</summary>
    InProgress = 1,
    /// <summary>已报完成，待牵头单位确认</summary>
    Reported = 2,
    /// <summary>已完成（牵头单位确认）</summary>
    Done = 3,
}

/// <summary>
/// One task of a plan, with its units as written and the organs they were mapped to. Its status, percentage and
/// confirmation change only through its methods (PlanTask.Transitions.cs).
/// </summary>
public sealed partial class PlanTask : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int Sequence { get; set; }
    public required string Number { get; set; }
    /// <summary>The headings above the task, joined with " / ".</summary>
    public string Path { get; set; } = "";
    public required string Text { get; set; }
    /// <summary>Units as written, joined with 、.</summary>
    public string LeadUnits { get; set; } = "";
    public string ResponsibleUnits { get; set; } = "";
    public string DeadlineText { get; set; } = "";
    public DateOnly? Due { get; set; }
    public bool Recurring { get; set; }
    public DeadlineKind DeadlineKind { get; set; }
    public PlanTaskStatus Status { get; private set; }
    public int Percent { get; private set; }
    public string Warnings { get; set; } = "";
    public bool NeedsReview { get; set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PlanTaskOrgan> Organs { get; set; } = [];

    public bool IsDone => Status == PlanTaskStatus.Done;

    public bool IsOverdue(DateOnly today) => !IsDone && Due is { } d && d < today;

    public bool IsDueSoon(DateOnly today, int days) => !IsDone && Due is { } d && d >= today && d <= today.AddDays(days);

    public static string Join(IEnumerable<string> units) => string.Join("、", units);

    public static IReadOnlyList<string> Split(string units) =>
        units.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum PlanRole
{
    Lead = 0,
    Responsible = 1,
}

/// <summary>An organ a task names (as lead or responsible): what scopes staff access and the per-organ filters.</summary>
public sealed class PlanTaskOrgan
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid OrganId { get; set; }
    public PlanRole Role { get; set; }
}

/// <summary>A responsible organ's report on a task: words, a percentage, links to evidence.</summary>
public sealed class PlanProgress
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TaskId { get; set; }
    public Guid OrganId { get; set; }
    public required string Text { get; set; }
    public int Percent { get; set; }
    /// <summary>Evidence links (published documents or attachments), one per line.</summary>
    public string Evidence { get; set; } = "";
    /// <summary>Set by the openness office: only public reports appear on the public page.</summary>
    public bool IsPublic { get; set; }
    public required string ReportedBy { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}

/// <summary>The openness office's supervision comment (督办) on a task.</summary>
public sealed class PlanComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TaskId { get; set; }
    public required string Text { get; set; }
    public required string Author { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A unit name a user mapped to an organ (or marked as a group of organs); remembered for later imports.</summary>
public sealed class PlanUnitMapping
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public Guid? OrganId { get; set; }
    public bool IsGroup { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> b)
    {
        b.ToTable("work_plans");
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.SourceFileName).HasMaxLength(200);
        b.HasMany(p => p.Tasks).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.Year);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("plan_tasks");
        b.Property(t => t.Number).HasMaxLength(32);
        b.Property(t => t.Path).HasMaxLength(1000);
        b.Property(t => t.LeadUnits).HasMaxLength(1000);
        b.Property(t => t.ResponsibleUnits).HasMaxLength(2000);
        b.Property(t => t.DeadlineText).HasMaxLength(200);
        b.Property(t => t.ConfirmedBy).HasMaxLength(128);
        b.HasIndex(t => new { t.PlanId, t.Sequence });
        b.HasIndex(t => t.Due);
        b.HasMany(t => t.Organs).WithOne().HasForeignKey(o => o.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanTaskOrganConfiguration : IEntityTypeConfiguration<PlanTaskOrgan>
{
    public void Configure(EntityTypeBuilder<PlanTaskOrgan> b)
    {
        b.ToTable("plan_task_organs");
        b.HasIndex(o => new { o.TaskId, o.OrganId, o.Role }).IsUnique();
        b.HasIndex(o => o.OrganId);
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(o => o.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanProgressConfiguration : IEntityTypeConfiguration<PlanProgress>
{
    public void Configure(EntityTypeBuilder<PlanProgress> b)
    {
        b.ToTable("plan_progress");
        b.Property(p => p.ReportedBy).HasMaxLength(128);
        b.HasIndex(p => new { p.TaskId, p.ReportedAt });
        b.HasOne<PlanTask>().WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(p => p.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> b)
    {
        b.ToTable("plan_comments");
        b.Property(c => c.Author).HasMaxLength(128);
        b.HasIndex(c => new { c.TaskId, c.CreatedAt });
        b.HasOne<PlanTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanUnitMappingConfiguration : IEntityTypeConfiguration<PlanUnitMapping>
{
    public void Configure(EntityTypeBuilder<PlanUnitMapping> b)
    {
        b.ToTable("plan_unit_mappings");
        b.Property(m => m.Name).HasMaxLength(128);
        b.HasIndex(m => m.Name).IsUnique();
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(m => m.OrganId).OnDelete(DeleteBehavior.Cascade);
    }
}
