using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Policy.Pages.Admin.Consultations;

/// <summary>
/// One consultation for staff: announce, change the period, new draft versions, basis documents, comments entered
/// from letters, meetings and calls, the feedback report (published only when every comment is answered) and the
/// decision document. Another organ's consultation is 404.
/// </summary>
public sealed class ShowModel(ConsultationQueries queries, ManageConsultation manage, SubmitComment submit, FeedbackReports reports,
    StaffAccess access) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public ConsultationQueries.Detail View { get; private set; } = null!;
    public FeedbackReport Report { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanPublish { get; private set; }

    [BindProperty]
    public ConsultationInput Input { get; set; } = new();

    [BindProperty]
    public CommentInput Comment { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new ConsultationInput
        {
            Kind = Consultation.Kind,
            Title = Consultation.Title,
            Explanation = Consultation.Explanation,
            OtherChannels = Consultation.OtherChannels,
            OpensAt = ConsultationInput.Local(Consultation.OpensAt),
            ClosesAt = ConsultationInput.Local(Consultation.ClosesAt),
        };
        return Page();
    }

    public Task<IActionResult> OnPostAnnounceAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => manage.AnnounceAsync(Consultation, ct), "已发布。征集将在开始时间自动开始、截止时间自动截止。", ct);

    public Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => manage.UpdateAsync(Consultation, Input, ct), "已保存。", ct);

    public Task<IActionResult> OnPostVersionAsync(Guid id, string? text, string? changeNote, CancellationToken ct) =>
        RunAsync(id, () => manage.AddVersionAsync(Consultation, text, changeNote, ct), "已发布新版本征求意见稿。", ct);

    public Task<IActionResult> OnPostBasisAsync(Guid id, Guid documentId, BasisKind kind, CancellationToken ct) =>
        RunAsync(id, () => manage.AddBasisAsync(Consultation, documentId, kind, ct), "已关联文件。", ct);

    public Task<IActionResult> OnPostDecisionAsync(Guid id, Guid documentId, CancellationToken ct) =>
        RunAsync(id, () => manage.SetDecisionAsync(Consultation, documentId, ct), "已关联最终决策文件。", ct);

    public Task<IActionResult> OnPostFeedbackAsync(Guid id, string? summary, CancellationToken ct) =>
        RunAsync(id, () => reports.PublishAsync(Consultation, summary, ct), "已公布意见采纳情况。", ct);

    public async Task<IActionResult> OnPostEnterAsync(Guid id, CancellationToken ct)
    {
        CommentReceipt? receipt = null;
        return await RunAsync(id, async () => receipt = await submit.EnterAsync(id, Comment, ct), null, ct, () => $"已录入，回执编号{receipt!.ReceiptNumber}。");
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, string? message, CancellationToken ct, Func<string>? describe = null)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!await this.TryAsync(action, ""))
        {
            await LoadAsync(id, ct);
            return Page();
        }

        TempData["Message"] = message ?? describe!();
        return Redirect($"/admin/consultations/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await queries.ForStaffAsync(id, ct);
        if (c is null)
        {
            return false;
        }

        Consultation = c;
        View = await queries.DetailAsync(c, ct);
        Report = await reports.BuildAsync(id, ct);
        CanEdit = await access.RoleForAsync(c.OrganId, ConsultationAccess.Editors) is not null;
        CanPublish = await access.RoleForAsync(c.OrganId, ConsultationAccess.Publishers) is not null;
        return true;
    }
}
