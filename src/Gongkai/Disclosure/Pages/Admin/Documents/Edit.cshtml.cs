using Gongkai.Platform.RichText;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gongkai.Disclosure.Pages.Admin.Documents;

public sealed class EditModel(GongkaiDb db, StaffAccess access, DocumentFinder documents, SaveDraft draft, SubmitDocument submit, ReviseDocument revise, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public DocumentInput Input { get; set; } = new();

    [BindProperty]
    public string? ChangeNote { get; set; }

    /// <summary>The version of the document the form was filled from: saving over someone else's later change answers 409.</summary>
    [BindProperty]
    public long? Version { get; set; }

    public GovDocument? Existing { get; private set; }
    public List<Organ> Organs { get; private set; } = [];
    public bool Revising => Existing?.Status == DocumentStatus.Published;

    /// <summary>The body in the shared editor; files go to the document's attachments once it exists as a draft.</summary>
    public RichTextField BodyEditor => new("Input.Body", "正文", Input.Body)
    {
        FormatName = "Input.BodyFormat",
        Format = RichTextHtml.FormatOf(Input.BodyFormat),
        OffersMarkdown = true,
        Rows = 16,
        UploadUrl = Existing is { Status: DocumentStatus.Draft or DocumentStatus.Submitted } ? $"/admin/documents/edit/{Existing.Id}?handler=Asset" : null,
        UploadNote = Existing is null ? "保存草稿后可上传图片和附件。" : Revising ? "已发布的信息修订时不能新增附件。" : null,
    };


    /// <param name="organId">A new draft's organ, when the link that starts it names one (e.g. the Art. 44 suggestion).</param>
    /// <param name="title">A new draft's suggested title.</param>
    public async Task<IActionResult> OnGetAsync(Guid? id, [FromQuery] Guid? organId, [FromQuery] string? title, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Existing is { } d)
        {
            if (d.Status is DocumentStatus.Reviewed or DocumentStatus.Withdrawn)
            {
                TempData["Message"] = string.Format(L["“{0}”状态的信息不能编辑。"], L[d.Status.Label()]);
                return Redirect($"/admin/documents/{d.Id}");
            }

            Input = DocumentInput.From(d, Revising);
            Version = d.RowVersion;
            English = new() { Title = d.EnglishTitle, Summary = d.EnglishSummary, Version = d.RowVersion };
        }
        else
        {
            Input.OrganId = Organs.FirstOrDefault(o => o.Id == organId)?.Id ?? Organs.FirstOrDefault()?.Id;
            Input.Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim()[..Math.Min(title.Trim().Length, 200)];
            Input.WrittenOn = ChineseDates.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? then, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, L["日期格式不正确，请按“年-月-日”填写。"]);
            return Page();
        }

        var ok = await this.TryAsync(async () =>
        {
            try
            {
                if (Existing is not null)
                {
                    EditConflict.Expect(Existing, Version);
                }

                if (Existing is null)
                {
                    Existing = await draft.CreateAsync(Input, ct);
                }
                else if (Revising)
                {
                    await revise.HandleAsync(Existing, Input, ChangeNote, ct);
                }
                else
                {
                    await draft.UpdateAsync(Existing, Input, ct);
                }

                if (then == "submit")
                {
                    var findings = await submit.HandleAsync(Existing, ct);
                    TempData["Message"] = findings.Count == 0
                        ? L["已提交审核，未检出个人信息。"].Value
                        : string.Format(L["已提交审核，个人信息检测发现{0}处，请审核人处理。"], findings.Count);
                }
            }
            catch (ForbiddenAction e)
            {
                // Seen but not allowed: 403, with the reason beside the form (docs/ARCHITECTURE.md §The access rule).
                Response.StatusCode = StatusCodes.Status403Forbidden;
                throw new ValidationFailure(e.Message);
            }
        });
        if (!ok)
        {
            return Page();
        }

        TempData["Message"] ??= Revising ? L["已发布修订版本。"].Value : L["已保存。"].Value;
        return Redirect($"/admin/documents/{Existing!.Id}");
    }

    /// <summary>
    /// The editor's upload of an image or attachment (rich-editor.js): stored as one of the document's attachments through
    /// <see cref="ManageAttachments"/> (content-checked type, size limit, audited as document.attachment.add), so it is
    /// served to the public only through the published document (/documents/{id}/attachments/{attachment}). Answers JSON:
    /// the address to put in the body and the document's new version, or the refusal's reason; another organ's document is 404.
    /// </summary>
    public async Task<IActionResult> OnPostAssetAsync(Guid? id, IFormFile? file, [FromServices] ManageAttachments attachments, CancellationToken ct)
    {
        if (id is null || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        try
        {
            if (file is null)
            {
                throw new ValidationFailure("请选择要上传的文件。", "file");
            }

            if (file.Length > attachments.MaxBytes)
            {
                throw new ValidationFailure($"文件“{Path.GetFileName(file.FileName)}”大小为{file.Length / 1024.0 / 1024.0:0.0}MB，超过上限{attachments.MaxBytes / 1024 / 1024}MB。", "file");
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            var added = await attachments.AddAsync(Existing!, file.FileName, memory.ToArray(), ct);
            return new JsonResult(new
            {
                url = $"/documents/{Existing!.Id}/attachments/{added.Id}",
                name = added.FileName,
                isImage = added.ContentType.StartsWith("image/", StringComparison.Ordinal),
                version = Existing.RowVersion,
            });
        }
        catch (ValidationFailure e)
        {
            return new JsonResult(new { error = e.Message }) { StatusCode = StatusCodes.Status400BadRequest };
        }
        catch (ForbiddenAction e)
        {
            return new JsonResult(new { error = e.Message }) { StatusCode = StatusCodes.Status403Forbidden };
        }
    }

    // ---- English version (issue 16 item 4): its own small form on this page, one use case, one audit event. ----
    [BindProperty]
    public EnglishVersionInput English { get; set; } = new();

    public sealed class EnglishVersionInput
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnPostEnglishAsync(Guid? id, [FromServices] SetEnglishVersion english, CancellationToken ct)
    {
        if (id is null || !await LoadAsync(id, ct) || Existing is null)
        {
            return NotFound();
        }

        var ok = await this.TryAsync(async () =>
        {
            try
            {
                EditConflict.Expect(Existing, English.Version);
                await english.HandleAsync(Existing, English.Title, English.Summary, ct);
            }
            catch (ForbiddenAction e)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
                throw new ValidationFailure(e.Message);
            }
        }, prefix: "English");
        if (!ok)
        {
            // The main form shows the document as stored; the English form keeps what was typed.
            Input = DocumentInput.From(Existing, Revising);
            Version = Existing.RowVersion;
            return Page();
        }

        TempData["Message"] = Existing.EnglishTitle is null ? L["已删除英文版。"].Value : L["已保存英文标题和摘要。"].Value;
        return Redirect($"/admin/documents/{Existing.Id}");
    }
    // ---- end English version ----

    /// <summary>Loads the organs the user may draft for and the document when it is within their scope; false means 404.</summary>
    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        var editors = await access.ScopeAsync(DocumentAccess.Editors);
        Organs = await db.Organs.AsNoTracking().Where(o => o.IsActive).Within(editors, o => o.Id).OrderBy(o => o.SortOrder).ToListAsync(ct);
        if (id is null)
        {
            return !editors.IsEmpty;
        }

        Existing = await documents.FindAsync(id.Value, ct);
        if (Existing is null)
        {
            Existing = null;
            return false;
        }

        return true;
    }
}
