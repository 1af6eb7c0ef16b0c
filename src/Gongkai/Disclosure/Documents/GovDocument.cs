using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// A piece of government information (政府信息) with the metadata Chinese government sites show:
/// 索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期, 有效性 (china-rules §7.5).
/// It is never deleted: it is withdrawn, or marked 废止/失效 and kept reachable with a banner.
/// </summary>
public sealed partial class GovDocument : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The publishing organ (公开主体); scopes who may see and edit the document.</summary>
    public Guid OrganId { get; set; }
    /// <summary>索引号, from the configured template when not given; unique.</summary>
    public string? IndexNumber { get; set; }
    public required string Title { get; set; }
    /// <summary>发文字号, stored normalised (〔〕); null for information without one.</summary>
    public string? DocumentNumber { get; set; }
    /// <summary>主题分类 as 一级\二级 (gov.cn tree).</summary>
    public required string SubjectCategory { get; set; }
    public InformationType InformationType { get; set; }
    /// <summary>发文机关 as printed on the document (may name several organs).</summary>
    public required string Issuer { get; set; }
    /// <summary>成文日期</summary>
    public DateOnly WrittenOn { get; set; }
    /// <summary>The day the information was formed or last changed: the 20-working-day clock of Art. 26 runs from it.</summary>
    public DateOnly FormedOn { get; set; }
    /// <summary>Latest lawful publication day (FormedOn + 20 working days), kept for lists and reports.</summary>
    public DateOnly? PublishDueOn { get; set; }
    public DisclosureAttribute Attribute { get; set; }
    /// <summary>Why it is not proactively published (required for 依申请公开 and 不予公开).</summary>
    public string? AttributeReason { get; set; }
    /// <summary>The legal basis of that decision, e.g. 《条例》第十四条.</summary>
    public string? AttributeLegalBasis { get; set; }
    public string? Keywords { get; set; }
    /// <summary>内容概述</summary>
    public string? Summary { get; set; }
    /// <summary>
    /// The English title for the English pages (/en; seed 001 三(一)); a document without one is not listed there.
    /// Set only through <see cref="Translate"/> (use case <see cref="SetEnglishVersion"/>).
    /// </summary>
    public string? EnglishTitle { get; private set; }
    /// <summary>The English summary shown under the English title.</summary>
    public string? EnglishSummary { get; private set; }
    /// <summary>Sanitised HTML of the body.</summary>
    public string BodyHtml { get; set; } = "";
    /// <summary>Plain text of the body, for the personal-data scan, search and snippets.</summary>
    public string BodyText { get; set; } = "";
    public DocumentStatus Status { get; private set; }
    public Validity Validity { get; set; }
    /// <summary>废止/失效/修改日期</summary>
    public DateOnly? ValidityChangedOn { get; set; }
    public string? ValidityNote { get; set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>A scheduled publication time; the document goes out at this moment.</summary>
    public DateTimeOffset? ScheduledFor { get; private set; }
    /// <summary>Whether publication came after <see cref="PublishDueOn"/> (counted in reports).</summary>
    public bool PublishedLate { get; private set; }
    public string? ReviewerId { get; private set; }
    public string? ReviewerName { get; private set; }
    /// <summary>保密审查意见</summary>
    public string? ReviewOpinion { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawReason { get; private set; }
    public int Version { get; private set; } = 1;
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<DocumentAttachment> Attachments { get; set; } = [];

    public bool IsPublic => Status == DocumentStatus.Published && Attribute == DisclosureAttribute.Proactive;
}

internal sealed class GovDocumentConfiguration : IEntityTypeConfiguration<GovDocument>
{
    public void Configure(EntityTypeBuilder<GovDocument> b)
    {
        b.ToTable("documents");
        b.Property(d => d.IndexNumber).HasMaxLength(64);
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.DocumentNumber).HasMaxLength(64);
        b.Property(d => d.SubjectCategory).HasMaxLength(64);
        b.Property(d => d.Issuer).HasMaxLength(200);
        b.Property(d => d.AttributeReason).HasMaxLength(1000);
        b.Property(d => d.AttributeLegalBasis).HasMaxLength(200);
        b.Property(d => d.Keywords).HasMaxLength(200);
        b.Property(d => d.Summary).HasMaxLength(1000);
        b.Property(d => d.EnglishTitle).HasMaxLength(SetEnglishVersion.TitleMax);
        b.Property(d => d.EnglishSummary).HasMaxLength(SetEnglishVersion.SummaryMax);
        b.Property(d => d.ValidityNote).HasMaxLength(500);
        b.Property(d => d.ReviewerId).HasMaxLength(64);
        b.Property(d => d.ReviewerName).HasMaxLength(128);
        b.Property(d => d.ReviewOpinion).HasMaxLength(1000);
        b.Property(d => d.WithdrawReason).HasMaxLength(1000);
        b.Property(d => d.CreatedById).HasMaxLength(64);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Attribute).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Validity).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.InformationType).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(d => d.IndexNumber).IsUnique();
        b.HasIndex(d => new { d.Status, d.PublishedAt });
        b.HasIndex(d => new { d.OrganId, d.Status, d.PublishedAt });
        b.HasIndex(d => new { d.SubjectCategory, d.PublishedAt });
        // The portal's columns (要闻动态, 通知公告, 政策文件) and the annual-report column: newest of one 信息类别, and its count.
        b.HasIndex(d => new { d.InformationType, d.Status, d.Attribute, d.PublishedAt });
        b.HasIndex(d => d.ScheduledFor);
        // The English lists (/en) read only the few documents with an English title, newest first.
        b.HasIndex(d => new { d.Status, d.PublishedAt }, "IX_documents_english").HasFilter("\"EnglishTitle\" IS NOT NULL");
        // Covers search's join from an index entry to its document: status and filters are read from this index
        // alone, never from the wide row with its body.
        b.HasIndex(d => new { d.Id, d.Status, d.Attribute, d.OrganId, d.PublishedAt, d.SubjectCategory }).HasDatabaseName("IX_documents_search");
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(d => d.OrganId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
