using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Policy.Interpretations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Pages.Admin.Interpretations;

/// <summary>Drafts or changes an interpretation and publishes it. Another organ's interpretation is 404.</summary>
public sealed class EditModel(InterpretationQueries queries, ManageInterpretation manage, GongkaiDb db, StaffAccess access) : PageModel
{
    [BindProperty]
    public InterpretationInput Input { get; set; } = new();

    public Interpretation? Existing { get; private set; }
    public List<Organ> Organs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Existing is { } i)
        {
            Input = new InterpretationInput
            {
                OrganId = i.OrganId,
                Title = i.Title,
                Form = i.Form,
                MediaUrl = i.MediaUrl,
                Speaker = i.Speaker,
                PolicyIds = string.Join("\n", i.Policies.Select(p => p.DocumentId)),
                QuestionsText = string.Join("\n", i.Questions.OrderBy(q => q.Position).Select(q => $"问：{q.Question}\n答：{q.Answer}")),
            };
            i.CopyElementsTo(Input);
        }
        else
        {
            Input.OrganId = Organs.FirstOrDefault()?.Id ?? Guid.Empty;
            Input.PolicyIds = Request.Query["policy"];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Interpretation? saved = null;
        if (!await this.TryAsync(async () => saved = await manage.SaveAsync(Existing, Input, ct)))
        {
            return Page();
        }

        TempData["Message"] = "已保存。";
        return Redirect($"/admin/interpretations/edit/{saved!.Id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Existing is null)
        {
            return NotFound();
        }

        if (!await this.TryAsync(() => manage.PublishAsync(Existing, ct), ""))
        {
            return Page();
        }

        TempData["Message"] = "已发布。";
        return Redirect($"/admin/interpretations/edit/{Existing.Id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid? id, string? withdrawalReason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Existing is null)
        {
            return NotFound();
        }

        if (!await this.TryAsync(() => manage.WithdrawAsync(Existing, withdrawalReason, ct), ""))
        {
            return Page();
        }

        TempData["Message"] = "已撤回。";
        return Redirect($"/admin/interpretations/edit/{Existing.Id}");
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(DocumentAccess.Editors);
        Organs = scope.IsEmpty ? [] : await db.Organs.AsNoTracking().Where(o => o.IsActive).Within(scope, o => o.Id).OrderBy(o => o.SortOrder).ToListAsync(ct);
        if (id is { } existing)
        {
            Existing = await queries.ForStaffAsync(existing, ct);
            return Existing is not null;
        }

        return Organs.Count > 0;
    }
}
