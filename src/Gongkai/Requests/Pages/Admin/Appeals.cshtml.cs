using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Requests;
using Gongkai.Requests.Appeals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>行政复议 and 行政诉讼 on a request: record one, record its result; 结果纠正 reopens handling.</summary>
public sealed class AppealsModel(GongkaiDb db, Gongkai.Requests.Handling.RequestCases cases, RecordAppeal record) : PageModel
{
    public DisclosureRequest Case { get; private set; } = null!;
    public IReadOnlyList<AppealCase> Appeals { get; private set; } = [];

    [BindProperty]
    public AppealInput Input { get; set; } = new();

    [BindProperty]
    public AppealResultInput Decision { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await this.TryAsync(() => record.FileAsync(Case, Input, ct)))
        {
            TempData["Message"] = Case.Stage == RequestStage.InHandling && Input.Result == AppealResult.Corrected ? "已记录；结果纠正，申请已重新办理。" : "已记录。";
            return Redirect($"/admin/requests/{id}/appeals");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid appealId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await this.TryAsync(() => record.DecideAsync(Case, appealId, Decision, ct), "Decision"))
        {
            TempData["Message"] = Decision.Result == AppealResult.Corrected ? "已记录审结结果；结果纠正的，申请已重新办理。" : "已记录审结结果。";
            return Redirect($"/admin/requests/{id}/appeals");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await cases.FindAsync(id, ct) is not { } request)
        {
            return false;
        }

        Case = request;
        Appeals = await db.AppealCases.AsNoTracking().Where(a => a.RequestId == id).OrderBy(a => a.FiledOn).ThenBy(a => a.CreatedAt).ToListAsync(ct);
        return true;
    }
}
