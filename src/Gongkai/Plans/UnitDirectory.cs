using Gongkai.Plans.Ledger;
using Gongkai.Plans.Parsing;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans;

/// <summary>An organ a unit name was matched to.</summary>
public sealed record MappedOrgan(Guid Id, string Code, string ShortName);

/// <summary>
/// Unit names as plans write them matched to organs: the organ's names and aliases first, then the mappings users
/// made before (remembered in <see cref="PlanUnitMapping"/>). Group names (全区各部门, 各街道) are not organs.
/// </summary>
public sealed class UnitDirectory
{
    private readonly Dictionary<string, MappedOrgan> byName;
    private readonly HashSet<string> groups;

    public UnitDirectory(IReadOnlyDictionary<string, MappedOrgan> names, IEnumerable<string> groups)
    {
        byName = new Dictionary<string, MappedOrgan>(StringComparer.Ordinal);
        foreach (var (name, organ) in names)
        {
            byName[PlanText.UnitName(name)] = organ;
        }

        this.groups = new HashSet<string>(groups.Select(PlanText.UnitName), StringComparer.Ordinal);
    }

    public static async Task<UnitDirectory> LoadAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var organs = await db.Organs.AsNoTracking().Include(o => o.Aliases).ToListAsync(ct);
        var names = new Dictionary<string, MappedOrgan>();
        foreach (var o in organs.OrderBy(o => o.IsActive ? 0 : 1))
        {
            var mapped = new MappedOrgan(o.Id, o.Code, o.ShortName);
            foreach (var n in o.AllNames())
            {
                names.TryAdd(n, mapped);
            }
        }

        var byId = organs.ToDictionary(o => o.Id);
        var mappings = await db.PlanUnitMappings.AsNoTracking().ToListAsync(ct);
        foreach (var m in mappings)
        {
            if (m.OrganId is { } id && byId.TryGetValue(id, out var o))
            {
                names[m.Name] = new MappedOrgan(o.Id, o.Code, o.ShortName);
            }
        }

        return new UnitDirectory(names, mappings.Where(m => m.IsGroup).Select(m => m.Name));
    }

    public MappedOrgan? Find(string unit) => byName.GetValueOrDefault(PlanText.UnitName(unit));

    /// <summary>A name standing for many organs (全区各部门, 各街道…), by its wording or because a user said so.</summary>
    public bool IsGroup(string unit)
    {
        var name = PlanText.UnitName(unit);
        return groups.Contains(name) || (!byName.ContainsKey(name) && UnitList.IsGroup(name));
    }

    /// <summary>Names that are neither organs nor groups: for the user to map.</summary>
    public IReadOnlyList<string> Unknown(IEnumerable<string> units) =>
        units.Select(PlanText.UnitName).Distinct().Where(u => Find(u) is null && !IsGroup(u)).ToList();
}
