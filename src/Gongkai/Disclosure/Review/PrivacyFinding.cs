using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Disclosure.Review;

/// <summary>What a reviewer did with a finding.</summary>
public enum FindingStatus
{
    /// <summary>待处理: blocks publication</summary>
    Open = 0,
    /// <summary>已脱敏</summary>
    Masked = 1,
    /// <summary>经确认可公开（须说明理由）</summary>
    Confirmed = 2,
}

/// <summary>
/// One suspected piece of personal data in a document awaiting publication. The raw value is not stored —
/// only its masked form and a hash to find it again — so the finding list itself leaks nothing.
/// </summary>
public sealed class PrivacyFinding : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public long Id { get; set; }
    public Guid DocumentId { get; set; }
    /// <summary>正文, or the attachment's file name.</summary>
    public required string Source { get; set; }
    public PersonalDataKind Kind { get; set; }
    public required string MaskedText { get; set; }
    public required string ValueHash { get; set; }
    /// <summary>A little masked context so the reviewer can find it.</summary>
    public string? Context { get; set; }
    public FindingStatus Status { get; set; }
    public string? ConfirmReason { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset FoundAt { get; set; }
}

internal sealed class PrivacyFindingConfiguration : IEntityTypeConfiguration<PrivacyFinding>
{
    public void Configure(EntityTypeBuilder<PrivacyFinding> b)
    {
        b.ToTable("privacy_findings");
        b.Property(f => f.Source).HasMaxLength(200);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.MaskedText).HasMaxLength(200);
        b.Property(f => f.ValueHash).HasMaxLength(64);
        b.Property(f => f.Context).HasMaxLength(300);
        b.Property(f => f.ConfirmReason).HasMaxLength(500);
        b.Property(f => f.ResolvedBy).HasMaxLength(128);
        b.HasIndex(f => new { f.DocumentId, f.Status });
        b.HasOne<Documents.GovDocument>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class PersonalDataLabels
{
    public static string Label(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.IdNumber => "身份证号码",
        PersonalDataKind.Mobile => "手机号码",
        PersonalDataKind.Landline => "固定电话",
        PersonalDataKind.BankCard => "银行卡号",
        PersonalDataKind.Email => "电子邮箱",
        PersonalDataKind.Address => "家庭住址",
        PersonalDataKind.MistypedIdNumber => "疑似身份证号码（校验位不正确）",
        PersonalDataKind.OldIdNumber => "身份证号码（15位旧号码）",
        _ => kind.ToString(),
    };
}
