using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Ledger;

/// <summary>The organs a plan's tasks name (the organ filter of the ledger and public pages), and an organ code read back.</summary>
public static class PlanOrgans
{
    public static async Task<List<Organ>> OfPlanAsync(GongkaiDb db, Guid planId, CancellationToken ct)
    {
        var tasks = db.PlanTasks;
        var organIds = db.PlanTaskOrgans.Where(o => tasks.Any(t => t.Id == o.TaskId && t.PlanId == planId)).Select(o => o.OrganId).Distinct();
        return await db.Organs.AsNoTracking().Where(o => organIds.Contains(o.Id)).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
    }

    /// <summary>The organ of a code from the filter; an unknown code filters to nothing rather than to everything.</summary>
    public static Guid? Find(List<Organ> organs, string? code) =>
        string.IsNullOrEmpty(code) ? null : organs.FirstOrDefault(o => o.Code == code)?.Id ?? Guid.Empty;
}

/// <summary>What the filter form of a ledger page shows.</summary>
public sealed record PlanFilterView(List<Organ> Organs, string? Organ, TaskStanding? Standing, string? Search);
