using Gongkai.Platform.Data;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages;

/// <summary>The Art. 29 fields shared by the public form and staff registration.</summary>
public sealed record RequestFieldsView(RequestInput Input, IReadOnlyList<(Guid Id, string Name)> Organs)
{
    /// <summary>Organs that receive requests (Art. 27), optionally only those in a staff member's scope.</summary>
    public static async Task<IReadOnlyList<(Guid, string)>> ReceivingOrgansAsync(GongkaiDb db, Func<Guid, bool>? within, CancellationToken ct)
    {
        var organs = await db.Organs.AsNoTracking().Where(o => o.ReceivesRequests && o.IsActive).OrderBy(o => o.SortOrder)
            .Select(o => new { o.Id, o.FullName }).ToListAsync(ct);
        return organs.Where(o => within is null || within(o.Id)).Select(o => (o.Id, o.FullName)).ToList();
    }
}
