using System.Globalization;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Disclosure.Review;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gongkai.Disclosure.Pages.Admin.Documents;

public sealed class ShowModel(GongkaiDb db, StaffAccess access, DocumentFinder documents, CalendarStore calendar, IStringLocalizer<SharedResource> L) : PageModel
{
    public GovDocument Doc { get; private set; } = null!;
    public string OrganName { get; private set; } = "";
    public List<PrivacyFinding> Findings { get; private set; } = [];
    public List<DocumentRevision> Revisions { get; private set; } = [];
    public List<AuditEvent> Trail { get; private set; } = [];
    public DeadlineExplanation? Due { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, [FromServices] ManageAttachments attachments, CancellationToken ct) =>
        ActAsync(id, "附件已上传，请重新提交审核。", async doc =>
        {
            if (file is null)
            {
                throw new ValidationFailure("请选择要上传的文件。");
            }

            if (file.Length > attachments.MaxBytes)
            {
                throw new ValidationFailure($"附件“{file.FileName}”超过上限{attachments.MaxBytes / 1024 / 1024}MB。");
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            await attachments.AddAsync(doc, file.FileName, memory.ToArray(), ct);
        }, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, [FromServices] SubmitDocument submit, CancellationToken ct) =>
        ActAsync(id, "已提交审核。", doc => submit.HandleAsync(doc, ct), ct);

    public Task<IActionResult> OnPostMaskAsync(Guid id, long finding, [FromServices] ResolveFinding resolve, CancellationToken ct) =>
        ActAsync(id, "已脱敏。", async doc => await resolve.MaskAsync(doc, await FindingAsync(doc, finding, ct), ct), ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, long finding, string? reason, [FromServices] ResolveFinding resolve, CancellationToken ct) =>
        ActAsync(id, "已确认可以公开。", async doc => await resolve.ConfirmAsync(doc, await FindingAsync(doc, finding, ct), reason, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, string? opinion, [FromServices] ReviewDocument review, CancellationToken ct) =>
        ActAsync(id, "保密审查通过，可以发布。", doc => review.ApproveAsync(doc, opinion, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, string? opinion, [FromServices] ReviewDocument review, CancellationToken ct) =>
        ActAsync(id, "已退回起草人。", doc => review.ReturnAsync(doc, opinion, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, string? at, [FromServices] PublishDocument publish, CancellationToken ct) =>
        ActAsync(id, "已发布。", doc => publish.HandleAsync(doc, ParseLocal(at), ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, [FromServices] WithdrawDocument withdraw, CancellationToken ct) =>
        ActAsync(id, "已撤回，网站和搜索中不再显示。", doc => withdraw.HandleAsync(doc, reason, ct), ct);

    public Task<IActionResult> OnPostValidityAsync(Guid id, Validity validity, string? on, string? note, [FromServices] ChangeValidity change, CancellationToken ct) =>
        ActAsync(id, "有效性已更新。", doc => change.HandleAsync(doc, validity,
            string.IsNullOrWhiteSpace(on) ? null : ChineseDates.TryParseIso(on, out var d) ? d : throw new ValidationFailure("日期格式不正确。"), note, ct), ct);

    /// <summary>Runs one workflow step; a refusal is shown on the page with the document as it was.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string done, Func<GovDocument, Task> step, CancellationToken ct)
    {
        var doc = await documents.FindAsync(id, ct);
        if (doc is null)
        {
            return NotFound();
        }

        var ok = await this.TryAsync(async () =>
        {
            try
            {
                await step(doc);
            }
            catch (ForbiddenAction e)
            {
                // Seen but not allowed: 403, with the reason beside the form (docs/ARCHITECTURE.md §The access rule).
                Response.StatusCode = StatusCodes.Status403Forbidden;
                throw new ValidationFailure(e.Message);
            }
        }, "");
        if (!ok)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Page();
        }

        TempData["Message"] = L[done].Value;
        return Redirect($"/admin/documents/{id}");
    }

    private async Task<PrivacyFinding> FindingAsync(GovDocument doc, long id, CancellationToken ct) =>
        await db.PrivacyFindings.FirstOrDefaultAsync(f => f.Id == id && f.DocumentId == doc.Id, ct)
            ?? throw new ValidationFailure("该检测结果不存在。");

    /// <summary>A datetime-local value is district time (Asia/Shanghai).</summary>
    private static DateTimeOffset? ParseLocal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new ValidationFailure("发布时间格式不正确。");
        }

        return new DateTimeOffset(local, ChineseDates.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var doc = await documents.ReadAsync(id, ct);
        if (doc is null)
        {
            return false;
        }

        Doc = doc;
        OrganName = await db.Organs.Where(o => o.Id == doc.OrganId).Select(o => o.FullName).SingleAsync(ct);
        Findings = await db.PrivacyFindings.AsNoTracking().Where(f => f.DocumentId == id).OrderBy(f => f.Id).ToListAsync(ct);
        Revisions = await db.DocumentRevisions.AsNoTracking().Where(r => r.DocumentId == id).OrderByDescending(r => r.Version).ToListAsync(ct);
        var target = id.ToString();
        Trail = await db.AuditEvents.AsNoTracking().Where(e => e.TargetType == "Document" && e.TargetId == target).OrderBy(e => e.Id).ToListAsync(ct);
        CanEdit = await access.RoleForAsync(doc.OrganId, DocumentAccess.Editors) is not null;
        CanReview = await access.RoleForAsync(doc.OrganId, DocumentAccess.Reviewers) is not null;
        CanPublish = await access.RoleForAsync(doc.OrganId, DocumentAccess.Publishers) is not null;
        try
        {
            Due = (await calendar.GetAsync(ct)).ExplainAddition(doc.FormedOn, SaveDraft.WorkingDaysAllowed(doc.InformationType));
        }
        catch (CalendarRangeException)
        {
            Due = null;
        }

        return true;
    }
}
