using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Requests;
using Gongkai.Requests.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Pages.Admin.Templates;

/// <summary>Edits one letter template (openness office): saves a new version; shows the versions before.</summary>
public sealed class EditModel(LetterTemplates templates, StaffAccess access) : PageModel
{
    public string Key { get; private set; } = "";
    public IReadOnlyList<TemplateText> History { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }

        var current = History[0];
        Input = new TemplateInput { Title = current.Title, Body = current.Body, BaseVersion = current.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, [FromServices] SaveLetterTemplate save, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }

        TemplateText? saved = null;
        if (await this.TryAsync(async () => saved = await save.HandleAsync(key, Input, ct)))
        {
            TempData["Message"] = $"已保存为第{saved!.Version}版。";
            return Redirect($"/admin/requests/templates/{key}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        if (LetterKeys.Parse(key) is null || (await access.ScopeAsync(RequestAccess.Handlers)).IsEmpty)
        {
            return false;
        }

        Key = key;
        CanEdit = await access.DistrictRoleAsync(LetterTemplates.Editors) is not null;
        History = await templates.HistoryAsync(key, ct);
        return true;
    }
}
