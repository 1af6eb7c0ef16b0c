using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Reports.Annual;

/// <summary>Where an annual report stands (the district office's overview adds 逾期 from the deadline).</summary>
public enum ReportStatus
{
    /// <summary>草稿</summary>
    Draft = 0,
    /// <summary>已核对: every hard rule passes (or an override is recorded)</summary>
    Checked = 1,
    /// <summary>已发布</summary>
    Published = 2,
}

/// <summary>
/// An organ's annual report for one year: what the platform cannot count from its records (entered by the organ, with
/// who entered it), the narrative sections 一, 五, 六, the override of failing hard rules, and publication. The tables
/// themselves are computed from the records each time (<see cref="ComputeAnnualReport"/>) until publication freezes them.
/// </summary>
public sealed class AnnualReport : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganId { get; set; }
    public int Year { get; set; }
    /// <summary>The format's id (<see cref="NationalFormat2021.Id"/>).</summary>
    public string FormatId { get; set; } = NationalFormat2021.Id;
    public ReportStatus Status { get; set; }
    /// <summary>规章 (第二十条第（一）项): 本年制发件数, 本年废止件数, 现行有效件数 — the platform holds no 规章 type.</summary>
    public int? RulesIssued { get; set; }
    public int? RulesRepealed { get; set; }
    public int? RulesValid { get; set; }
    /// <summary>行政许可 本年处理决定数量.</summary>
    public int? Licensing { get; set; }
    /// <summary>行政处罚 本年处理决定数量.</summary>
    public int? Penalties { get; set; }
    /// <summary>行政强制 本年处理决定数量.</summary>
    public int? Coercions { get; set; }
    /// <summary>行政事业性收费 本年收费金额（万元）.</summary>
    public decimal? FeeAmount { get; set; }
    public string? EnteredById { get; set; }
    public string? EnteredByName { get; set; }
    public DateTimeOffset? EnteredAt { get; set; }
    /// <summary>一、总体情况 (may contain placeholders such as {三.new.total}).</summary>
    public string? Overview { get; set; }
    /// <summary>五、存在的主要问题及改进情况.</summary>
    public string? Problems { get; set; }
    /// <summary>六、其他需要报告的事项 (the fee line from the records is printed before it).</summary>
    public string? OtherMatters { get; set; }
    public string? OverrideReason { get; set; }
    public string? OverrideByName { get; set; }
    public DateTimeOffset? OverrideAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>The figures as published (JSON of cell id → value), frozen at publication.</summary>
    public string? PublishedFigures { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("annual_reports");
        b.Property(r => r.FormatId).HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.FeeAmount).HasPrecision(14, 4);
        b.Property(r => r.EnteredById).HasMaxLength(64);
        b.Property(r => r.EnteredByName).HasMaxLength(128);
        b.Property(r => r.Overview).HasMaxLength(20000);
        b.Property(r => r.Problems).HasMaxLength(20000);
        b.Property(r => r.OtherMatters).HasMaxLength(20000);
        b.Property(r => r.OverrideReason).HasMaxLength(2000);
        b.Property(r => r.OverrideByName).HasMaxLength(128);
        b.HasIndex(r => new { r.OrganId, r.Year }).IsUnique();
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(r => r.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}
