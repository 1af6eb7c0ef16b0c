using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Policy.Interpretations;

/// <summary>How a policy is explained (解读形式).</summary>
public enum InterpretationForm
{
    /// <summary>文字解读</summary>
    Text = 1,
    /// <summary>图解</summary>
    Graphic = 2,
    /// <summary>视频/音频</summary>
    Media = 3,
    /// <summary>问答</summary>
    QandA = 4,
    /// <summary>专家解读</summary>
    Expert = 5,
    /// <summary>负责人解读</summary>
    Official = 6,
}

public enum InterpretationStatus
{
    /// <summary>草稿</summary>
    Draft = 1,
    /// <summary>已发布</summary>
    Published = 2,
    /// <summary>已撤回 (no longer public; the reason is recorded)</summary>
    Withdrawn = 3,
}

/// <summary>
/// 政策解读: its own record, linked to one or more policy documents, with the interpretation elements as fields and,
/// for 问答, question/answer pairs. Prepared with the policy (三同步) and published within the configured working days.
/// </summary>
public sealed class Interpretation : IVersioned, IInterpretationElements
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganId { get; set; }
    public required string Title { get; set; }
    public InterpretationForm Form { get; set; } = InterpretationForm.Text;
    /// <summary>背景依据</summary>
    public string? Background { get; set; }
    /// <summary>目标任务</summary>
    public string? Goals { get; set; }
    /// <summary>主要内容</summary>
    public string? MainContent { get; set; }
    /// <summary>涉及范围</summary>
    public string? Scope { get; set; }
    /// <summary>执行标准</summary>
    public string? Standards { get; set; }
    /// <summary>注意事项</summary>
    public string? Notes { get; set; }
    /// <summary>关键词诠释</summary>
    public string? KeyTerms { get; set; }
    /// <summary>新旧政策差异</summary>
    public string? Changes { get; set; }
    /// <summary>惠民利民举措</summary>
    public string? Benefits { get; set; }
    /// <summary>For 图解 and 视频/音频: where the image or media is (an attachment or the organ's media page).</summary>
    public string? MediaUrl { get; set; }
    /// <summary>For 专家解读 / 负责人解读: who explains.</summary>
    public string? Speaker { get; set; }
    public InterpretationStatus Status { get; set; } = InterpretationStatus.Draft;
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<InterpretedPolicy> Policies { get; set; } = [];
    public List<QuestionAnswer> Questions { get; set; } = [];
}

/// <summary>A policy document an interpretation explains (a reference to Disclosure's document, with its title).</summary>
public sealed class InterpretedPolicy
{
    public long Id { get; set; }
    public Guid InterpretationId { get; set; }
    public Guid DocumentId { get; set; }
    public required string Title { get; set; }
}

/// <summary>One question and its answer in a 问答 interpretation.</summary>
public sealed class QuestionAnswer
{
    public long Id { get; set; }
    public Guid InterpretationId { get; set; }
    public int Position { get; set; }
    public required string Question { get; set; }
    public required string Answer { get; set; }
}

/// <summary>
/// 三同步: a policy document flagged as needing an interpretation. Publication of the document is refused until an
/// interpretation is linked, unless a reviewer records why none is needed.
/// </summary>
public sealed class InterpretationRequirement
{
    public Guid DocumentId { get; set; }
    public Guid OrganId { get; set; }
    public required string DocumentTitle { get; set; }
    public DateTimeOffset FlaggedAt { get; set; }
    public string? FlaggedByName { get; set; }
    public string? WaiverReason { get; set; }
    public string? WaivedByName { get; set; }
    public DateTimeOffset? WaivedAt { get; set; }
}

internal sealed class InterpretationConfiguration : IEntityTypeConfiguration<Interpretation>
{
    public void Configure(EntityTypeBuilder<Interpretation> b)
    {
        b.ToTable("interpretations");
        b.Property(x => x.Title).HasMaxLength(300);
        foreach (var p in new[] { "Background", "Goals", "MainContent", "Scope", "Standards", "Notes", "KeyTerms", "Changes", "Benefits" })
        {
            b.Property(p).HasMaxLength(20_000);
        }

        b.Property(x => x.MediaUrl).HasMaxLength(500);
        b.Property(x => x.Speaker).HasMaxLength(200);
        b.Property(x => x.WithdrawalReason).HasMaxLength(1000);
        b.Property(x => x.Form).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.Status, x.PublishedAt });
        b.HasIndex(x => x.OrganId);
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(x => x.OrganId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Policies).WithOne().HasForeignKey(x => x.InterpretationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.InterpretationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InterpretedPolicyConfiguration : IEntityTypeConfiguration<InterpretedPolicy>
{
    public void Configure(EntityTypeBuilder<InterpretedPolicy> b)
    {
        b.ToTable("interpretation_policies");
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasIndex(x => new { x.InterpretationId, x.DocumentId }).IsUnique();
        b.HasIndex(x => x.DocumentId);
    }
}

internal sealed class QuestionAnswerConfiguration : IEntityTypeConfiguration<QuestionAnswer>
{
    public void Configure(EntityTypeBuilder<QuestionAnswer> b)
    {
        b.ToTable("interpretation_questions");
        b.Property(x => x.Question).HasMaxLength(1000);
        b.Property(x => x.Answer).HasMaxLength(10_000);
        b.HasIndex(x => new { x.InterpretationId, x.Position }).IsUnique();
    }
}

internal sealed class InterpretationRequirementConfiguration : IEntityTypeConfiguration<InterpretationRequirement>
{
    public void Configure(EntityTypeBuilder<InterpretationRequirement> b)
    {
        b.ToTable("interpretation_requirements");
        b.HasKey(x => x.DocumentId);
        b.Property(x => x.DocumentTitle).HasMaxLength(300);
        b.Property(x => x.FlaggedByName).HasMaxLength(128);
        b.Property(x => x.WaiverReason).HasMaxLength(1000);
        b.Property(x => x.WaivedByName).HasMaxLength(128);
        b.HasIndex(x => x.OrganId);
    }
}

public static class InterpretationLabels
{
    public static string Label(this InterpretationForm form) => form switch
    {
        InterpretationForm.Text => "文字解读",
        InterpretationForm.Graphic => "图解",
        InterpretationForm.Media => "视频/音频",
        InterpretationForm.QandA => "问答",
        InterpretationForm.Expert => "专家解读",
        InterpretationForm.Official => "负责人解读",
        _ => form.ToString(),
    };

    /// <summary>The interpretation elements in the order the seeds list them, with their field values.</summary>
    public static IReadOnlyList<(string Name, string? Text)> Elements(this Interpretation i) =>
    [
        ("背景依据", i.Background), ("目标任务", i.Goals), ("主要内容", i.MainContent), ("涉及范围", i.Scope), ("执行标准", i.Standards),
        ("注意事项", i.Notes), ("关键词诠释", i.KeyTerms), ("新旧政策差异", i.Changes), ("惠民利民举措", i.Benefits),
    ];
}
