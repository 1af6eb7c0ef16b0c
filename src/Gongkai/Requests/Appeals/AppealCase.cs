using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests.Appeals;

/// <summary>The three kinds of challenge counted in the annual report's table 四.</summary>
public enum AppealKind
{
    /// <summary>行政复议</summary>
    Reconsideration = 1,
    /// <summary>行政诉讼：未经复议直接起诉</summary>
    LitigationDirect = 2,
    /// <summary>行政诉讼：复议后起诉</summary>
    LitigationAfterReconsideration = 3,
}

/// <summary>The result columns of table 四. Values are stable: reports count them.</summary>
public enum AppealResult
{
    /// <summary>尚未审结</summary>
    Pending = 0,
    /// <summary>结果维持 (incl. 驳回诉讼请求)</summary>
    Upheld = 1,
    /// <summary>结果纠正 (撤销、变更、确认违法、责令重新答复): handling of the request reopens.</summary>
    Corrected = 2,
    /// <summary>其他结果 (撤回、终止、驳回申请 …)</summary>
    Other = 3,
}

/// <summary>
/// An administrative reconsideration (行政复议) or lawsuit (行政诉讼) against the handling of a request, linked to it
/// (foi-anchors §7: appeals as linked cases). Never deleted; its result is recorded once decided.
/// </summary>
public sealed class AppealCase : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    /// <summary>Copied from the request for scoping and for the organ's annual report.</summary>
    public Guid OrganId { get; set; }
    public AppealKind Kind { get; set; }
    /// <summary>For a lawsuit after reconsideration: the reconsideration it follows.</summary>
    public Guid? FollowsAppealId { get; set; }
    /// <summary>复议机关 or 人民法院.</summary>
    public required string Body { get; set; }
    /// <summary>案号, e.g. 京西政复〔2026〕12号 or （2026）京0102行初123号.</summary>
    public string? CaseNumber { get; set; }
    /// <summary>The day the organ learnt of it (受理通知、应诉通知).</summary>
    public DateOnly FiledOn { get; set; }
    public AppealResult Result { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>What was decided, in a sentence.</summary>
    public string? Summary { get; set; }
    /// <summary>When a corrected result reopened handling of the request.</summary>
    public DateOnly? ReopenedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string CreatedByName { get; set; }
}

internal sealed class AppealCaseConfiguration : IEntityTypeConfiguration<AppealCase>
{
    public void Configure(EntityTypeBuilder<AppealCase> b)
    {
        b.ToTable("request_appeals");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Result).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Body).HasMaxLength(200);
        b.Property(a => a.CaseNumber).HasMaxLength(100);
        b.Property(a => a.Summary).HasMaxLength(1000);
        b.Property(a => a.CreatedByName).HasMaxLength(128);
        b.HasIndex(a => a.RequestId);
        b.HasIndex(a => new { a.OrganId, a.FiledOn });
        b.HasOne<DisclosureRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppealCase>().WithMany().HasForeignKey(a => a.FollowsAppealId).OnDelete(DeleteBehavior.Restrict);
    }
}
