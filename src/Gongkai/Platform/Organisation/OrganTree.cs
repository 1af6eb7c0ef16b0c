using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Organisation;

/// <summary>
/// The organs of the district as a tree (each organ's parent), read once: the one walk up the tree for scopes (a role
/// held in an organ reaches its sub-organs), for who may handle an organ's requests, and for the cycle check when an
/// organ is moved (docs/ARCHITECTURE.md §The access rule).
/// </summary>
public sealed class OrganTree
{
    private readonly IReadOnlyDictionary<Guid, Guid?> parents;

    private OrganTree(IReadOnlyDictionary<Guid, Guid?> parents) => this.parents = parents;

    public static async Task<OrganTree> LoadAsync(GongkaiDb db, CancellationToken ct = default) =>
        new(await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ParentId, ct));

    public IEnumerable<Guid> Organs => parents.Keys;

    public bool Contains(Guid organId) => parents.ContainsKey(organId);

    /// <summary>The organ itself, then its parent, up to the top of the tree.</summary>
    public IEnumerable<Guid> SelfAndAncestors(Guid organId)
    {
        for (Guid? cursor = organId; cursor is { } c; cursor = parents.GetValueOrDefault(c))
        {
            yield return c;
        }
    }
}
