namespace Gongkai.Platform.Staff;

/// <summary>One role to grant, for one organ or (OrganId null) the whole district.</summary>
public sealed record RoleGrant(StaffRole Role, Guid? OrganId);

/// <summary>What an administrator enters for a staff member.</summary>
public sealed class StaffInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public Guid? OrganId { get; set; }
    public string? Password { get; set; }
    public List<RoleGrant> Roles { get; set; } = [];
}
