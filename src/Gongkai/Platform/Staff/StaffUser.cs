using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Platform.Staff;

/// <summary>A staff account (工作人员). Members of the public need no account.</summary>
public sealed class StaffUser : IdentityUser, IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public required string DisplayName { get; set; }
    /// <summary>The organ the person belongs to; their roles may be scoped to it or district-wide.</summary>
    public Guid? OrganId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
