using Gongkai.Platform;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Web;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Intake;
using Gongkai.Requests.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>
/// The case page: the request, the applicant masked (opening the details is audited), the clock with its explanation,
/// and the form to record the next clock event. Another organ's request is not found.
/// </summary>
public sealed class ShowModel(GongkaiDb db, RequestCases cases, RequestClock clocks, ViewApplicant applicant) : PageModel
{
    public sealed record Choice(string Value, string Label);
    public DisclosureRequest Case { get; private set; } = null!;
    public string OrganName { get; private set; } = "";
    public ApplicantDetails Applicant { get; private set; } = null!;
    public bool Revealed { get; private set; }
    public ClockState? Clock { get; private set; }

    [BindProperty]
    public ClockEventInput Step { get; set; } = new();

    [BindProperty]
    public ReplyInput Reply { get; set; } = new();

    [BindProperty]
    public HandlingInput Handling { get; set; } = new();

    /// <summary>The version of the request the page showed (hidden in every form): a step on a stale page answers 409.</summary>
    [BindProperty]
    public long? Version { get; set; }

    /// <summary>The small forms of the handling steps (assign, transfer, review, delivery).</summary>
    public sealed class HandlingInput
    {
        public string? UserName { get; set; }
        public Guid? ToOrganId { get; set; }
        public string? Reason { get; set; }
        public bool Approve { get; set; }
        public string? Opinion { get; set; }
        public DeliveryMethod? Method { get; set; }
        public DateOnly? On { get; set; }
    }

    public List<Choice> Handlers { get; private set; } = [];
    public List<Choice> Organs { get; private set; } = [];
    public List<RequestTransfer> Transfers { get; private set; } = [];
    public PublishedDocumentLink? PublishedDocument { get; private set; }

    /// <summary>发文存档: the reply letters as they went out, newest first.</summary>
    public List<SentLetter> SentLetters { get; private set; } = [];

    /// <summary>公开的政府信息: the files the reply releases, for the applicant to download once delivered.</summary>
    public List<RequestAttachment> ReleasedFiles { get; private set; } = [];

    /// <summary>Art. 44: other applicants' requests for the same information, if any.</summary>
    public Gongkai.Requests.Insight.IdenticalGroup? Identical { get; private set; }

    public Task<IActionResult> OnPostRegisterAsync(Guid id, [FromServices] RegisterReceived register, CancellationToken ct) =>
        StepAsync(id, r => register.HandleAsync(r, ct), "已登记。", "Handling", ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, [FromServices] AssignHandler assign, CancellationToken ct) =>
        StepAsync(id, r => assign.HandleAsync(r, Handling.UserName, ct), "已分办。", "Handling", ct);

    public Task<IActionResult> OnPostTransferAsync(Guid id, [FromServices] TransferRequest transfer, CancellationToken ct) =>
        StepAsync(id, r => transfer.HandleAsync(r, Handling.ToOrganId, Handling.Reason, ct), "已转办。", "Handling", ct, toList: true);

    public Task<IActionResult> OnPostProposeAsync(Guid id, [FromServices] ProposeReply propose, CancellationToken ct) =>
        StepAsync(id, r => propose.HandleAsync(r, Reply, ct), "拟办意见已提交审核。", "Reply", ct);

    public Task<IActionResult> OnPostReviewAsync(Guid id, [FromServices] ReviewReply review, CancellationToken ct) =>
        StepAsync(id, r => review.HandleAsync(r, Handling.Approve, Handling.Opinion, ct), Handling.Approve ? "审核通过，待送达。" : "已退回承办人。", "Handling", ct);

    public Task<IActionResult> OnPostDeliverAsync(Guid id, [FromServices] DeliverReply deliver, CancellationToken ct) =>
        StepAsync(id, r => deliver.HandleAsync(r, Handling.Method, Handling.On, ct), "已记录送达，申请办结。", "Handling", ct);

    public Task<IActionResult> OnPostReleasedFileAsync(Guid id, IFormFile? releasedFile, [FromServices] ReleasedFiles released, CancellationToken ct) =>
        StepAsync(id, async r =>
        {
            if (releasedFile is null)
            {
                throw new ValidationFailure("请选择要上传的文件。", "ReleasedFile");
            }

            if (releasedFile.Length > released.MaxBytes)
            {
                throw new ValidationFailure($"文件“{releasedFile.FileName}”超过上限{released.MaxBytes / 1024 / 1024}MB。", "ReleasedFile");
            }

            using var memory = new MemoryStream();
            await releasedFile.CopyToAsync(memory, ct);
            await released.AddAsync(r, releasedFile.FileName, memory.ToArray(), ct);
        }, "文件已上传。", "", ct);

    public Task<IActionResult> OnPostRemoveReleasedFileAsync(Guid id, Guid file, [FromServices] ReleasedFiles released, CancellationToken ct) =>
        StepAsync(id, r => released.RemoveAsync(r, file, ct), "文件已删除。", "", ct);

    /// <summary>A released file, as the applicant will download it.</summary>
    public async Task<IActionResult> OnGetReleasedFileAsync(Guid id, Guid file, [FromServices] ReleasedFiles released, CancellationToken ct)
    {
        if (await cases.FindAsync(id, ct) is not { } request || await released.OpenAsync(request, file, ct) is not { } found)
        {
            return NotFound();
        }

        return File(found.Content, found.File.ContentType, found.File.FileName);
    }

    private async Task<IActionResult> StepAsync(Guid id, Func<DisclosureRequest, Task> step, string done, string prefix, CancellationToken ct, bool toList = false)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await this.TryAsync(() =>
            {
                EditConflict.Expect(Case, Version);
                return step(Case);
            }, prefix))
        {
            TempData["Message"] = done;
            return Redirect(toList ? "/admin/requests" : $"/admin/requests/{id}");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A kept reply letter, byte for byte as sent (the view is audited).</summary>
    public async Task<IActionResult> OnGetSentLetterAsync(Guid id, Guid letter, [FromServices] ProduceLetter letters, CancellationToken ct)
    {
        if (await cases.FindAsync(id, ct) is not { } request || await letters.OpenSentAsync(request, letter, ct) is not { } sent)
        {
            return NotFound();
        }

        return File(sent.Content, "application/pdf", sent.Letter.FileName);
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Applicant = await applicant.HandleAsync(Case, ct);
        Revealed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, [FromServices] RecordClockEvent record, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await this.TryAsync(() =>
            {
                EditConflict.Expect(Case, Version);
                return record.HandleAsync(Case, Step, ct);
            }, "Step"))
        {
            TempData["Message"] = "已记录。";
            return Redirect($"/admin/requests/{id}");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var request = await cases.FindAsync(id, ct);
        if (request is null)
        {
            return false;
        }

        Case = request;
        OrganName = await cases.OrganNameAsync(request.OrganId, ct);
        Applicant = applicant.Masked(request);
        Clock = await clocks.StateAsync(request, ct);
        Transfers = await cases.TransfersAsync(request.Id, ct);
        SentLetters = await cases.SentLettersAsync(request.Id, ct);
        ReleasedFiles = await HttpContext.RequestServices.GetRequiredService<ReleasedFiles>().ListAsync(request.Id, ct);
        Identical = await HttpContext.RequestServices.GetRequiredService<Gongkai.Requests.Insight.FindIdenticalRequests>()
            .ForRequestAsync(request, await cases.ScopeAsync(), ct);
        if (request.PublishedDocumentId is { } docId)
        {
            PublishedDocument = await HttpContext.RequestServices.GetRequiredService<PublishedDocuments>().FindAsync(docId, ct);
        }

        if (request.Stage != RequestStage.Closed)
        {
            var organId = request.OrganId;
            var handlerRoles = RequestAccess.Handlers;
            var chain = (await OrganTree.LoadAsync(db, ct)).SelfAndAncestors(organId).ToList();

            Handlers = await db.RoleAssignments.AsNoTracking()
                .Where(a => handlerRoles.Contains(a.Role) && (a.OrganId == null || chain.Contains(a.OrganId.Value)))
                .Join(db.Users.Where(u => !u.IsDisabled), a => a.UserId, u => u.Id, (a, u) => new { u.UserName, u.DisplayName })
                .Distinct().OrderBy(u => u.UserName).Select(u => new Choice(u.UserName!, u.DisplayName + "（" + u.UserName + "）")).ToListAsync(ct);
            Organs = await db.Organs.AsNoTracking().Where(o => o.ReceivesRequests && o.IsActive && o.Id != organId)
                .OrderBy(o => o.ShortName).Select(o => new Choice(o.Id.ToString(), o.ShortName)).ToListAsync(ct);
        }

        return true;
    }
}
