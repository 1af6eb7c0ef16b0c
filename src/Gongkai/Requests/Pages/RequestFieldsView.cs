using Gongkai.Platform.Data;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages;

/// <summary>The Art. 29 fields shared by the public form and staff registration.</summary>
public sealed record RequestFieldsView(RequestInput Input, IReadOnlyList<(Guid Id, string Name)> Organs)
{
    /// <summary>On the English form: the organs listed by their Chinese name (no English name given), marked lang="zh-CN".</summary>
    public IReadOnlySet<Guid> ChineseNamed { get; init; } = new HashSet<Guid>();

    /// <summary>
    /// The receiving organs for the English form: the English name where staff gave one, else the Chinese full name
    /// (its id in the second value, so the option is marked lang="zh-CN").
    /// </summary>
    public static async Task<(IReadOnlyList<(Guid, string)> Organs, IReadOnlySet<Guid> ChineseNamed)> ReceivingOrgansInEnglishAsync(GongkaiDb db, CancellationToken ct)
    {
        var organs = await db.Organs.AsNoTracking().Where(o => o.ReceivesRequests && o.IsActive).OrderBy(o => o.SortOrder)
            .Select(o => new { o.Id, o.FullName, o.EnglishName }).ToListAsync(ct);
        return (organs.Select(o => (o.Id, Platform.Organisation.OrganNames.EnglishOrNull(o.EnglishName) ?? o.FullName)).ToList(),
            organs.Where(o => Platform.Organisation.OrganNames.EnglishOrNull(o.EnglishName) is null).Select(o => o.Id).ToHashSet());
    }

    /// <summary>Organs that receive requests (Art. 27), optionally only those in a staff member's scope.</summary>
    public static async Task<IReadOnlyList<(Guid, string)>> ReceivingOrgansAsync(GongkaiDb db, Func<Guid, bool>? within, CancellationToken ct)
    {
        var organs = await db.Organs.AsNoTracking().Where(o => o.ReceivesRequests && o.IsActive).OrderBy(o => o.SortOrder)
            .Select(o => new { o.Id, o.FullName }).ToListAsync(ct);
        return organs.Where(o => within is null || within(o.Id)).Select(o => (o.Id, o.FullName)).ToList();
    }
}
