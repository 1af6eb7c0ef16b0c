using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Pages.Admin;

public sealed class IndexModel(IEnumerable<WorkListItem> items, IServiceProvider services, StaffAccess access, GongkaiDb db, CalendarStore calendar, TimeProvider clock) : PageModel
{
    public sealed record Shown(string Title, string Href, int Count);

    public List<Shown> Items { get; } = [];
    public List<string> Roles { get; } = [];
    public string DisplayName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public string TodayReason { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var item in items.OrderBy(i => i.Order))
        {
            if (await item.Count(services, ct) is { } count)
            {
                Items.Add(new Shown(item.Title, item.Href, count));
            }
        }

        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        foreach (var a in await access.AssignmentsAsync(ct))
        {
            Roles.Add($"{a.Role.Label()}（{(a.OrganId is { } id ? organs.GetValueOrDefault(id, "?") : "全区")}）");
        }

        DisplayName = User.FindFirst("gk:display")?.Value ?? User.Identity?.Name ?? "";
        Today = ChineseDates.Today(clock);
        var cal = await calendar.GetAsync(ct);
        TodayReason = cal.Covers(Today) ? cal.Explain(Today).Reason : "不在已载入的节假日安排内";
    }
}
