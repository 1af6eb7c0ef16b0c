using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Gongkai.Requests.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Pages.Admin.Templates;

/// <summary>The letter templates in force: one per outcome and one per notice; handlers may read, the office edits.</summary>
public sealed class IndexModel(LetterTemplates templates, StaffAccess access) : PageModel
{
    public IReadOnlyList<TemplateText> Current { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if ((await access.ScopeAsync(RequestAccess.Handlers)).IsEmpty)
        {
            return Forbid();
        }

        CanEdit = await access.DistrictRoleAsync(LetterTemplates.Editors) is not null;
        Current = await templates.AllCurrentAsync(ct);
        return Page();
    }
}
