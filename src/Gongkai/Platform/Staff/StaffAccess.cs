using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Staff;

/// <summary>The organs a set of roles reaches: all of them, or a fixed set (an organ and its sub-organs).</summary>
public sealed class OrganScope
{
    public static readonly OrganScope None = new(false, new HashSet<Guid>());

    public OrganScope(bool all, IReadOnlySet<Guid> organIds)
    {
        All = all;
        OrganIds = organIds;
    }

    public bool All { get; }
    public IReadOnlySet<Guid> OrganIds { get; }
    public bool IsEmpty => !All && OrganIds.Count == 0;

    public bool Covers(Guid? organId) => All || (organId is { } id && OrganIds.Contains(id));
}

/// <summary>
/// What the current staff member may do, loaded once per request from their role assignments: the one entry point of
/// the access rule (docs/ARCHITECTURE.md §The access rule). A module's finder asks it for the viewers' scope, so another
/// organ's record is simply not found (404); a use case asks <see cref="RequireAsync"/> for the role an action needs on
/// a record it has found, and is refused with <see cref="ForbiddenAction"/> (403).
/// </summary>
public sealed class StaffAccess(GongkaiDb db, CurrentActor actor)
{
    private IReadOnlyList<RoleAssignment>? assignments;
    private OrganTree? tree;

    public async Task<IReadOnlyList<RoleAssignment>> AssignmentsAsync(CancellationToken ct = default)
    {
        if (assignments is null)
        {
            var userId = actor.UserId;
            assignments = userId is null
                ? []
                : await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        }

        return assignments;
    }

    public async Task<bool> HasAnyAsync(params StaffRole[] roles) =>
        (await AssignmentsAsync()).Any(a => roles.Contains(a.Role));

    /// <summary>The first of the given roles the user holds district-wide, for the audit record; null when none.</summary>
    public async Task<StaffRole?> DistrictRoleAsync(params StaffRole[] roles)
    {
        var held = await AssignmentsAsync();
        return roles.Cast<StaffRole?>().FirstOrDefault(r => held.Any(a => a.IsDistrictWide && a.Role == r));
    }

    /// <summary>Organs reached by any of the given roles, sub-organs included.</summary>
    public async Task<OrganScope> ScopeAsync(params StaffRole[] roles)
    {
        var held = (await AssignmentsAsync()).Where(a => roles.Contains(a.Role)).ToList();
        if (held.Count == 0)
        {
            return OrganScope.None;
        }

        if (held.Any(a => a.IsDistrictWide))
        {
            return new OrganScope(true, new HashSet<Guid>());
        }

        var organs = tree ??= await OrganTree.LoadAsync(db);
        var ids = organs.Organs.Where(organ => organs.SelfAndAncestors(organ).Any(c => held.Any(a => a.OrganId == c))).ToHashSet();
        return new OrganScope(false, ids);
    }

    /// <summary>The first of the given roles that covers the organ, for the audit record; null when none does.</summary>
    public async Task<StaffRole?> RoleForAsync(Guid? organId, params StaffRole[] roles)
    {
        foreach (var role in roles)
        {
            if ((await ScopeAsync(role)).Covers(organId))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>
    /// The role that allows <paramref name="action"/> on the organ's <paramref name="records"/>, or a clerk-readable
    /// refusal (<see cref="ForbiddenAction"/>, 403): “您没有{action}本单位{records}的权限（需要：…）。”. Call it on a record
    /// the module's finder returned, so a record outside the scope has already answered 404.
    /// </summary>
    public async Task<StaffRole> RequireAsync(Guid organId, StaffRole[] roles, string action, string records) =>
        await RoleForAsync(organId, roles)
        ?? throw new ForbiddenAction($"您没有{action}本单位{records}的权限（需要：{string.Join("、", roles.Select(r => r.Label()))}）。");
}
