using Gongkai.Platform.Tokens;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Platform.Pages.Admin.Tokens;

public sealed class IndexModel(ApiTokens tokens, UserManager<Platform.Staff.StaffUser> users, IStringLocalizer<SharedResource> L) : PageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewSecret { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? ValidDays { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(users.GetUserId(User), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        await this.TryAsync(async () => NewSecret = (await tokens.CreateAsync(userId, Name ?? "", ValidDays, ct)).Secret, "");
        Tokens = await tokens.ListAsync(userId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(id, users.GetUserId(User), ct))
        {
            return NotFound();
        }

        TempData["Message"] = L["令牌已吊销。"].Value;
        return RedirectToPage();
    }
}
