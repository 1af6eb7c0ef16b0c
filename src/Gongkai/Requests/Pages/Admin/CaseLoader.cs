using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>Loads a request for the letter, fee and appeal pages, within the handler's scope (another organ's: null → 404).</summary>
internal static class CaseLoader
{
    public static async Task<DisclosureRequest?> LoadAsync(GongkaiDb db, StaffAccess access, Guid id, CancellationToken ct)
    {
        var request = await db.DisclosureRequests.Include(r => r.Events).FirstOrDefaultAsync(r => r.Id == id, ct);
        return request is not null && (await access.ScopeAsync(RequestAccess.Handlers)).Covers(request.OrganId) ? request : null;
    }
}
