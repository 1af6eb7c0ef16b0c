using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Insight;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>
/// 条例第四十四条: the office's list of information that several applicants asked for in a period, each group with its
/// requests and a link that starts a draft document for proactive disclosure. Only the viewer's organs are compared.
/// </summary>
public sealed class IdenticalModel(GongkaiDb db, RequestCases cases, FindIdenticalRequests find) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public FindIdenticalRequests.Result? Result { get; private set; }
    public IReadOnlyDictionary<Guid, string> Organs { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await cases.ScopeAsync();
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        Organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        await this.TryAsync(async () => Result = await find.InPeriodAsync(scope, From, To, ct), "");
        return Page();
    }

    /// <summary>The draft document form, with the organ and a title taken from the group's first request.</summary>
    public static string DraftLink(IdenticalGroup group) =>
        $"/admin/documents/edit?organId={group.OrganId}&title={Uri.EscapeDataString(Shorten(group.First.InformationWanted))}";

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100];
}
