using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.SiteErrors;

/// <summary>Where a 网站找错 message stands: received, or answered and closed.</summary>
public enum SiteErrorStatus
{
    Open = 0,
    Answered = 1,
}

/// <summary>
/// A 我为政府网站找错 message (国办秘函〔2019〕19号: every message closed, within a month): what is wrong and where, an optional
/// contact (personal data: encrypted at rest, <see cref="SiteErrorProtector"/>), and the administrators' answer, which
/// closes it. The reporter reads the answer with the receipt number. An aggregate: changed only through its methods.
/// </summary>
public sealed class SiteErrorReport : IVersioned
{
    public const int MessageMax = 1000;
    public const int PageMax = 500;
    public const int ContactMax = 100;
    public const int AnswerMax = 2000;

    private SiteErrorReport()
    {
    }

    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>回执编号, ZC and the district day and eight random characters (ZC20261207-7KQ4M2XP); unique.</summary>
    public string ReceiptNumber { get; private set; } = "";
    /// <summary>The page the error is on, as the reporter gave it.</summary>
    public string? PageUrl { get; private set; }
    public string Message { get; private set; } = "";
    /// <summary>The reporter's contact (name, telephone or e-mail), encrypted; null when none was given.</summary>
    public string? ContactProtected { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public SiteErrorStatus Status { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredByName { get; private set; }

    public static SiteErrorReport Receive(string receiptNumber, string? pageUrl, string message, string? contactProtected, DateTimeOffset at) => new()
    {
        ReceiptNumber = receiptNumber,
        PageUrl = pageUrl,
        Message = message,
        ContactProtected = contactProtected,
        ReceivedAt = at,
        Status = SiteErrorStatus.Open,
    };

    /// <summary>答复并办结: the answer is published to the reporter and the message is closed.</summary>
    public void AnswerAndClose(string answer, string byName, DateTimeOffset at)
    {
        if (Status != SiteErrorStatus.Open)
        {
            throw new InvalidOperationException("an answered message cannot be answered again");
        }

        (Answer, AnsweredByName, AnsweredAt, Status) = (answer, byName, at, SiteErrorStatus.Answered);
    }
}

internal sealed class SiteErrorReportConfiguration : IEntityTypeConfiguration<SiteErrorReport>
{
    public void Configure(EntityTypeBuilder<SiteErrorReport> b)
    {
        b.ToTable("site_error_reports");
        b.Property(r => r.ReceiptNumber).HasMaxLength(32);
        b.Property(r => r.PageUrl).HasMaxLength(SiteErrorReport.PageMax);
        b.Property(r => r.Message).HasMaxLength(SiteErrorReport.MessageMax);
        b.Property(r => r.ContactProtected).HasMaxLength(2000);
        b.Property(r => r.Answer).HasMaxLength(SiteErrorReport.AnswerMax);
        b.Property(r => r.AnsweredByName).HasMaxLength(128);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => r.ReceiptNumber).IsUnique();
        b.HasIndex(r => new { r.Status, r.ReceivedAt });
    }
}
