using Gongkai.Platform.SiteErrors;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Pages.Admin.SiteErrors;

/// <summary>
/// 网站找错 messages for the site's administrators (系统管理员, 政务公开办; anyone else 403): open ones oldest first with the
/// days since receipt (the 国办 rule: closed within a month), answered ones newest first; answering closes a message.
/// </summary>
public sealed class IndexModel(SiteErrorQueries queries, AnswerSiteError answer, StaffAccess access, SiteErrorProtector protector, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public Guid AnswerId { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public SiteErrorStatus Status => StatusFilter == "answered" ? SiteErrorStatus.Answered : SiteErrorStatus.Open;

    public SiteErrorQueries.Listing Listing { get; private set; } = null!;

    public DateTimeOffset Now => clock.GetUtcNow();

    public string Contact(SiteErrorReport r) => protector.Masked(r.ContactProtected);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await AnswerSiteError.RequireHandlerAsync(access);
        Listing = await queries.ListAsync(Status, PageNumber, ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        await AnswerSiteError.RequireHandlerAsync(access);
        try
        {
            if (await this.TryAsync(() => answer.HandleAsync(AnswerId, Answer, ct), prefix: ""))
            {
                TempData["Message"] = "已答复并办结，留言人可凭回执编号查看答复。";
                return RedirectToPage(new { status = (string?)null });
            }
        }
        catch (SiteErrorNotFound)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Listing = await queries.ListAsync(SiteErrorStatus.Open, PageNumber, ct);
        return Page();
    }

    public Pager Pager() => new(Listing.Page, Listing.PageCount, n => QueryLinks.With(Request, ("page", n == 1 ? null : n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
