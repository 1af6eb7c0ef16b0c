using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Policy.Consultations;

/// <summary>How a comment reached the organ.</summary>
public enum CommentChannel
{
    /// <summary>网上提交</summary>
    Online = 1,
    /// <summary>信函</summary>
    Letter = 2,
    /// <summary>座谈会、听证会等会议</summary>
    Meeting = 3,
    /// <summary>热线电话</summary>
    Hotline = 4,
    /// <summary>接口提交</summary>
    Api = 5,
}

/// <summary>Moderation before a comment is public (received ≠ published).</summary>
public enum ModerationStatus
{
    /// <summary>待审核</summary>
    Pending = 1,
    /// <summary>已公开</summary>
    Published = 2,
    /// <summary>不予公开 (abuse, advertising, unrelated; the reason is recorded)</summary>
    Hidden = 3,
}

/// <summary>意见采纳情况: what the organ did with a comment.</summary>
public enum Disposition
{
    /// <summary>采纳</summary>
    Adopted = 1,
    /// <summary>部分采纳</summary>
    PartlyAdopted = 2,
    /// <summary>未采纳 (a reason is required)</summary>
    NotAdopted = 3,
    /// <summary>不属于本次征集范围</summary>
    OutOfScope = 4,
}

/// <summary>
/// One comment, on the whole draft or on one article of the version current when it was made (it stays attached to
/// that version when a new one is published). Contact details are encrypted; the receipt number lets the commenter
/// look it up. Identical texts share a <see cref="GroupKey"/> (a fingerprint), and staff may merge a campaign's
/// variants into one group, so a group is answered once and counted with its size.
/// </summary>
public sealed class ConsultationComment : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConsultationId { get; set; }
    public Guid VersionId { get; set; }
    public int VersionNumber { get; set; }
    /// <summary>Null for a comment on the whole draft.</summary>
    public Guid? ArticleId { get; set; }
    public string? ArticleLabel { get; set; }
    /// <summary>回执编号</summary>
    public required string ReceiptNumber { get; set; }
    /// <summary>A double submission of the same form answers the same receipt.</summary>
    public string? SubmissionKey { get; set; }
    public CommentChannel Channel { get; set; }
    public required string Body { get; set; }
    /// <summary>The text the public sees once moderated, with personal data removed.</summary>
    public string? PublicBody { get; set; }
    /// <summary>Name or organisation as given (optional); shown masked.</summary>
    public string? CommenterName { get; set; }
    /// <summary>Phone or e-mail, encrypted (purpose Gongkai.Policy.Commenter.v1).</summary>
    public string? ContactProtected { get; set; }
    public required string GroupKey { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>For comments staff entered from a letter, meeting or call: who entered it.</summary>
    public string? EnteredByName { get; set; }
    public ModerationStatus Moderation { get; set; } = ModerationStatus.Pending;
    public string? ModerationNote { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public string? ModeratorName { get; set; }
    public Disposition? Disposition { get; set; }
    /// <summary>The organ's answer (for 未采纳 the reason).</summary>
    public string? Reply { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredByName { get; set; }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> b)
    {
        b.ToTable("consultation_comments");
        b.Property(c => c.ArticleLabel).HasMaxLength(32);
        b.Property(c => c.ReceiptNumber).HasMaxLength(24);
        b.Property(c => c.SubmissionKey).HasMaxLength(64);
        b.Property(c => c.Body).HasMaxLength(10_000);
        b.Property(c => c.PublicBody).HasMaxLength(10_000);
        b.Property(c => c.CommenterName).HasMaxLength(100);
        b.Property(c => c.ContactProtected).HasMaxLength(1000);
        b.Property(c => c.GroupKey).HasMaxLength(64);
        b.Property(c => c.EnteredByName).HasMaxLength(128);
        b.Property(c => c.ModerationNote).HasMaxLength(500);
        b.Property(c => c.ModeratorName).HasMaxLength(128);
        b.Property(c => c.Reply).HasMaxLength(5000);
        b.Property(c => c.AnsweredByName).HasMaxLength(128);
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Moderation).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Disposition).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => c.ReceiptNumber).IsUnique();
        b.HasIndex(c => c.SubmissionKey).IsUnique();
        // The answering list: unanswered comments of one consultation in arrival order, read by keyset.
        b.HasIndex(c => new { c.ConsultationId, c.Disposition, c.Id });
        b.HasIndex(c => new { c.ConsultationId, c.Moderation, c.Id });
        b.HasIndex(c => new { c.ConsultationId, c.GroupKey });
        b.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DraftVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DraftArticle>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A reusable answer (答复模板) of an organ, for bulk answers.</summary>
public sealed class AnswerTemplate : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganId { get; set; }
    public required string Name { get; set; }
    public Disposition Disposition { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class AnswerTemplateConfiguration : IEntityTypeConfiguration<AnswerTemplate>
{
    public void Configure(EntityTypeBuilder<AnswerTemplate> b)
    {
        b.ToTable("consultation_answer_templates");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Text).HasMaxLength(5000);
        b.Property(t => t.Disposition).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(t => new { t.OrganId, t.Name }).IsUnique();
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(t => t.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class CommentLabels
{
    public static string Label(this CommentChannel channel) => channel switch
    {
        CommentChannel.Online => "网上提交",
        CommentChannel.Letter => "信函",
        CommentChannel.Meeting => "会议",
        CommentChannel.Hotline => "热线电话",
        CommentChannel.Api => "接口提交",
        _ => channel.ToString(),
    };

    public static string Label(this ModerationStatus status) => status switch
    {
        ModerationStatus.Pending => "待审核",
        ModerationStatus.Published => "已公开",
        ModerationStatus.Hidden => "不予公开",
        _ => status.ToString(),
    };

    public static string Label(this Disposition disposition) => disposition switch
    {
        Disposition.Adopted => "采纳",
        Disposition.PartlyAdopted => "部分采纳",
        Disposition.NotAdopted => "未采纳",
        Disposition.OutOfScope => "不属于本次征集范围",
        _ => disposition.ToString(),
    };
}
