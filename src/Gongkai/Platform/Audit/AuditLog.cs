using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;

namespace Gongkai.Platform.Audit;

/// <summary>
/// The one way to write audit events. The event is added to the same unit of work as the change it
/// records, so both commit together or neither does.
/// </summary>
public sealed class AuditLog(GongkaiDb db, CurrentActor actor, TimeProvider clock)
{
    public AuditEvent Record(string action, string targetType, string? targetId, string? summary,
        Guid? organId = null, StaffRole? asRole = null)
    {
        var e = new AuditEvent
        {
            At = clock.GetUtcNow(),
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Role = asRole?.ToString(),
            OrganId = organId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Summary = summary is { Length: > 1000 } ? summary[..1000] : summary,
            Address = actor.Address,
        };
        db.AuditEvents.Add(e);
        return e;
    }
}
