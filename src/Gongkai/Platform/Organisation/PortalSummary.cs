using Gongkai.Platform.Caching;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Platform.Organisation;

/// <summary>
/// The organisation figures on the home page, kept under the database's organ counter (docs/ARCHITECTURE.md §Public
/// page cache), so an organ edited on any node shows at once and the page otherwise never waits for the database.
/// </summary>
public sealed class PortalSummary(IMemoryCache cache, IServiceScopeFactory scopes, ContentVersions versions)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public sealed record Figures(int ReceivingOrgans, int StreetOffices, IReadOnlyList<string> Names)
    {
        /// <summary>Each organ's code beside its name (for the link to its page), in the same order as <see cref="Names"/>.</summary>
        public IReadOnlyList<string> Codes { get; init; } = [];

        /// <summary>Each organ's full Chinese name and English name (null when none), in the order of <see cref="Names"/> (the English pages).</summary>
        public IReadOnlyList<(string FullName, string? EnglishName)> English { get; init; } = [];
    }

    public async Task<Figures> GetAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync("portal-summary:" + (await versions.CurrentAsync(ct)).VersionOf(ContentTags.Organs), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var organs = await db.Organs.AsNoTracking().Where(o => o.IsActive && o.ReceivesRequests)
                .OrderBy(o => o.SortOrder).Select(o => new { o.ShortName, o.Kind, o.Code, o.FullName, o.EnglishName }).ToListAsync(ct);
            return new Figures(organs.Count, organs.Count(o => o.Kind == OrganKind.StreetOffice), organs.Select(o => o.ShortName).ToList())
            {
                Codes = organs.Select(o => o.Code).ToList(),
                English = organs.Select(o => (o.FullName, o.EnglishName)).ToList(),
            };
        }))!;
}
