using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;

namespace Gongkai.Platform.Audit;

/// <summary>
/// The one way to write audit events. The event is added to the same unit of work as the change it
/// records, so both commit together or neither does. The action is an event of a module's catalogue
/// (docs/ARCHITECTURE.md §The audit rule); one not registered in <see cref="AuditCatalogue"/> is refused.
/// </summary>
public sealed class AuditLog(GongkaiDb db, CurrentActor actor, TimeProvider clock, AuditCatalogue catalogue)
{
    public AuditEvent Record(AuditAction action, string targetType, string? targetId, string? summary,
        Guid? organId = null, StaffRole? asRole = null)
    {
        if (!catalogue.Contains(action))
        {
            throw new InvalidOperationException($"审计事件 {action.Name} 未登记在审计事件目录中。");
        }

        var e = new AuditEvent
        {
            At = clock.GetUtcNow(),
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Role = asRole?.ToString(),
            OrganId = organId,
            Action = action.Name,
            TargetType = targetType,
            TargetId = targetId,
            Summary = summary is { Length: > 1000 } ? summary[..1000] : summary,
            Address = actor.Address,
        };
        db.AuditEvents.Add(e);
        return e;
    }
}
