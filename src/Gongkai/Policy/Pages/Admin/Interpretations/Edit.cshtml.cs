using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Gongkai.Platform;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.RichText;
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

    /// <summary>
    /// The nine elements in the shared editor (Platform/RichText): stored plain text shows in its plain mode, rich text
    /// in the editor; images and files upload into the interpretation once it is saved (<see cref="OnPostAssetAsync"/>).
    /// </summary>
    public IEnumerable<RichTextField> ElementEditors => Input.ElementValues().Select((value, n) =>
        new RichTextField("Input." + InterpretationElementCopy.Fields[n].Field, InterpretationElementCopy.Fields[n].Label, value)
        {
            Rows = 4,
            UploadUrl = Existing is null ? null : $"/admin/interpretations/edit/{Existing.Id}?handler=Asset",
            UploadNote = Existing is null ? "保存草稿后可上传图片和附件。" : null,
        });
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

    /// <summary>
    /// The editor's upload (rich-editor.js) of an image or file into this interpretation, through <see cref="InterpretationAssets"/>:
    /// JSON with the address to put into the text, or the refusal's reason; another organ's interpretation is 404.
    /// </summary>
    public async Task<IActionResult> OnPostAssetAsync(Guid? id, IFormFile? file, [FromServices] InterpretationAssets assets, CancellationToken ct)
    {
        if (id is null || !await LoadAsync(id, ct) || Existing is null)
        {
            return NotFound();
        }

        try
        {
            if (file is null)
            {
                throw new ValidationFailure("请选择要上传的文件。", "file");
            }

            if (file.Length > assets.MaxBytes)
            {
                throw new ValidationFailure($"文件“{Path.GetFileName(file.FileName)}”大小为{file.Length / 1024.0 / 1024.0:0.0}MB，超过上限{assets.MaxBytes / 1024 / 1024}MB。", "file");
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            var added = await assets.AddAsync(Existing, file.FileName, memory.ToArray(), ct);
            return new JsonResult(new
            {
                url = InterpretationAssets.UrlOf(added),
                name = added.FileName,
                isImage = added.ContentType.StartsWith("image/", StringComparison.Ordinal),
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
