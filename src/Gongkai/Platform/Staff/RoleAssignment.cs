using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Staff;

/// <summary>One role held by one staff member, for one organ or (OrganId null) the whole district.</summary>
public sealed class RoleAssignment
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public StaffRole Role { get; set; }
    public Guid? OrganId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }

    public bool IsDistrictWide => OrganId is null;
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.ToTable("role_assignments");
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(r => new { r.UserId, r.Role, r.OrganId }).IsUnique();
        b.HasOne<StaffUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation.Organ>().WithMany().HasForeignKey(r => r.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}
