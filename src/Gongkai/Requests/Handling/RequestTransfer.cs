using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests.Handling;

/// <summary>
/// The record of a request moved to another organ of the platform (转办), e.g. when the applicant chose the wrong
/// department. Append-only; the request keeps its tracking number and its receipt date.
/// </summary>
public sealed class RequestTransfer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public Guid FromOrganId { get; set; }
    public Guid ToOrganId { get; set; }
    public DateOnly On { get; set; }
    public required string Reason { get; set; }
    public string? ById { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class RequestTransferConfiguration : IEntityTypeConfiguration<RequestTransfer>
{
    public void Configure(EntityTypeBuilder<RequestTransfer> b)
    {
        b.ToTable("request_transfers");
        b.Property(t => t.Reason).HasMaxLength(1000);
        b.Property(t => t.ById).HasMaxLength(64);
        b.Property(t => t.ByName).HasMaxLength(128);
        b.HasIndex(t => t.RequestId);
        b.HasOne<DisclosureRequest>().WithMany().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}
