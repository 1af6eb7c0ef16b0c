using Gongkai.Disclosure;
using Gongkai.Disclosure.Guide;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Disclosure.Pages.Admin.Guide;

/// <summary>
/// Edits one organ's 政府信息公开指南. Another organ's guide is not found (404); every save is audited with the
/// fields it changed, and a form opened before someone else's save is refused rather than overwriting it.
/// </summary>
public sealed class EditModel(Guides guides, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public GuideInput Input { get; set; } = new();

    public Organ Organ { get; private set; } = null!;
    public Guides.Shown Shown { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string organCode, CancellationToken ct)
    {
        if (!await LoadAsync(organCode, ct))
        {
            return NotFound();
        }

        Input = GuideInput.From(Shown.Guide);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string organCode, CancellationToken ct)
    {
        if (!await LoadAsync(organCode, ct))
        {
            return NotFound();
        }

        var outcome = Disclosure.Guide.Guides.Outcome.Unchanged;
        if (!await this.TryAsync(async () => outcome = await guides.SaveAsync(Organ, Input, ct)))
        {
            return Page();
        }

        TempData["Message"] = outcome == Disclosure.Guide.Guides.Outcome.Unchanged
            ? L["内容没有变化，未保存。"].Value
            : string.Format(L["已发布“{0}”的政府信息公开指南。"], Organ.FullName);
        return Redirect($"/admin/guide/{Organ.Code}");
    }

    private async Task<bool> LoadAsync(string organCode, CancellationToken ct)
    {
        var organ = await guides.OrganAsync(organCode, ct);
        if (organ is null || await guides.EditorRoleAsync(organ.Id) is null)
        {
            return false;
        }

        Organ = organ;
        Shown = await guides.GetAsync(organ, DisclosurePublic.Portal(Request), ct);
        return true;
    }
}
