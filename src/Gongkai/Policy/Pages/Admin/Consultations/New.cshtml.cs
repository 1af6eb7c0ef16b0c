using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Policy.Pages.Admin.Consultations;

/// <summary>Opens a consultation: details, the period (checked against the minimum) and the first draft.</summary>
public sealed class NewModel(ManageConsultation manage, GongkaiDb db, StaffAccess access, IOptions<ConsultationOptions> options) : PageModel
{
    [BindProperty]
    public ConsultationInput Input { get; set; } = new();

    public List<Organ> Organs { get; private set; } = [];
    public string Minimum => ConsultationPeriod.Describe(options.Value);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Organs.Count == 0)
        {
            return NotFound();
        }

        Input.OrganId = Organs[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Consultation? created = null;
        if (!await this.TryAsync(async () => created = await manage.CreateAsync(Input, ct)))
        {
            return Page();
        }

        TempData["Message"] = "已保存草稿。核对后点击“发布”，征集将在开始时间自动开始、截止时间自动截止。";
        return Redirect($"/admin/consultations/{created!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ConsultationAccess.Editors);
        Organs = scope.IsEmpty ? [] : await db.Organs.AsNoTracking().Where(o => o.IsActive).Within(scope, o => o.Id).OrderBy(o => o.SortOrder).ToListAsync(ct);
    }
}
