using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Reports.Publishing;

/// <summary>
/// Where an annual report is published in the 主动公开 catalogue: the document of type 年度报告 that carries it (created on
/// the first publication, revised on a later one after a correction), and who published it last.
/// </summary>
public sealed class ReportPublication
{
    public Guid ReportId { get; set; }
    public Guid OrganId { get; set; }
    public int Year { get; set; }
    public Guid DocumentId { get; set; }
    public int Times { get; set; }
    /// <summary>The reason of a pending 更正 (the report is back in 草稿), shown in the document's version history when it is published again.</summary>
    public string? CorrectionReason { get; set; }
    public string? PublishedByName { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

internal sealed class ReportPublicationConfiguration : IEntityTypeConfiguration<ReportPublication>
{
    public void Configure(EntityTypeBuilder<ReportPublication> b)
    {
        b.ToTable("annual_report_publications");
        b.HasKey(p => p.ReportId);
        b.Property(p => p.PublishedByName).HasMaxLength(128);
        b.Property(p => p.CorrectionReason).HasMaxLength(500);
        b.HasIndex(p => p.DocumentId).IsUnique();
        b.HasIndex(p => new { p.Year, p.OrganId });
        b.HasOne<Annual.AnnualReport>().WithOne().HasForeignKey<ReportPublication>(p => p.ReportId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Disclosure.Documents.GovDocument>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
