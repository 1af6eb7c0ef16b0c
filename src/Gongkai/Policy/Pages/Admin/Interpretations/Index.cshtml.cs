using Gongkai.Platform.Web;
using Gongkai.Policy.Interpretations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Policy.Pages.Admin.Interpretations;

/// <summary>
/// Interpretations and the 三同步 list: policies flagged as needing one, with due day, status and lateness; flagging a
/// policy and a reviewer's reason for publishing without one.
/// </summary>
public sealed class IndexModel(InterpretationQueries queries, ManageInterpretation manage) : PageModel
{
    public IReadOnlyList<Interpretation> Items { get; private set; } = [];
    public IReadOnlyList<InterpretationQueries.SyncRow> Sync { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostFlagAsync(Guid? documentId, CancellationToken ct) =>
        RunAsync(() => documentId is { } id ? manage.FlagAsync(id, ct) : throw new Platform.ValidationFailure("请填写政策文件编号。", "DocumentId"), "已标记为需要同步解读。", ct);

    public Task<IActionResult> OnPostWaiveAsync(Guid documentId, string? reason, CancellationToken ct) =>
        RunAsync(() => manage.WaiveAsync(documentId, reason, ct), "已记录不需要解读的理由。", ct);

    private async Task<IActionResult> RunAsync(Func<Task> action, string message, CancellationToken ct)
    {
        if (!await this.TryAsync(action, ""))
        {
            await LoadAsync(ct);
            return Page();
        }

        TempData["Message"] = message;
        return Redirect("/admin/interpretations");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await queries.StaffAsync(ct);
        Sync = await queries.SyncListAsync(ct);
    }
}
