using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Disclosure.Guide;

/// <summary>
/// 政府信息公开指南 of one organ (Regulation Art. 12; china-rules §3): the classification, arrangement and ways of
/// obtaining its information, its openness office's name, address, hours, telephone, fax and internet contact, and
/// the 依申请公开 procedure. An organ without a saved guide shows <see cref="GuideDefaults"/>.
/// </summary>
public sealed class OpennessGuide : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public const int LongText = 4000;
    public const int ShortText = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganId { get; set; }
    /// <summary>政府信息的分类</summary>
    public string Classification { get; set; } = "";
    /// <summary>编排体系</summary>
    public string Arrangement { get; set; } = "";
    /// <summary>获取方式</summary>
    public string Access { get; set; } = "";
    /// <summary>政府信息公开工作机构名称</summary>
    public string OfficeName { get; set; } = "";
    public string OfficeAddress { get; set; } = "";
    public string OfficeHours { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>传真号码; empty when the office has none.</summary>
    public string Fax { get; set; } = "";
    /// <summary>互联网联系方式 (website, e-mail, online form).</summary>
    public string OnlineContact { get; set; } = "";
    /// <summary>依申请公开 procedure.</summary>
    public string RequestProcedure { get; set; } = "";
    /// <summary>Counts saves; a form carrying an older number would overwrite someone else's change and is refused.</summary>
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
}

internal sealed class OpennessGuideConfiguration : IEntityTypeConfiguration<OpennessGuide>
{
    public void Configure(EntityTypeBuilder<OpennessGuide> b)
    {
        b.ToTable("openness_guides");
        b.Property(g => g.Classification).HasMaxLength(OpennessGuide.LongText);
        b.Property(g => g.Arrangement).HasMaxLength(OpennessGuide.LongText);
        b.Property(g => g.Access).HasMaxLength(OpennessGuide.LongText);
        b.Property(g => g.RequestProcedure).HasMaxLength(OpennessGuide.LongText);
        b.Property(g => g.OfficeName).HasMaxLength(OpennessGuide.ShortText);
        b.Property(g => g.OfficeAddress).HasMaxLength(OpennessGuide.ShortText);
        b.Property(g => g.OfficeHours).HasMaxLength(OpennessGuide.ShortText);
        b.Property(g => g.Phone).HasMaxLength(OpennessGuide.ShortText);
        b.Property(g => g.Fax).HasMaxLength(OpennessGuide.ShortText);
        b.Property(g => g.OnlineContact).HasMaxLength(OpennessGuide.ShortText);
        b.Property(g => g.UpdatedById).HasMaxLength(64);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasIndex(g => g.OrganId).IsUnique();
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(g => g.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}
