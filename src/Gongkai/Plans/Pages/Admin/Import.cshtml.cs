using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Plans.Parsing;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gongkai.Plans.Pages.Admin;

/// <summary>The form the review page posts: the plan's fields, its source, and each task as corrected.</summary>
public sealed class ImportForm
{
    public string Title { get; set; } = "";
    public int Year { get; set; }
    public string Source { get; set; } = "";
    public string? FileName { get; set; }
    public bool YearEnd { get; set; }
    public List<TaskInput> Tasks { get; set; } = [];
}

/// <summary>A piece of the source as shown on the review page, marked when it produced a field of a task.</summary>
public sealed record SourcePiece(string Text, string? Class, int? Task, string? Title);

/// <summary>
/// Import with review: upload or paste, see the tasks beside the source (what produced each field is marked),
/// correct, save. Over an existing plan (re-import) the page lists what the revised document changes.
/// </summary>
[RequestFormLimits(ValueCountLimit = 200_000, MultipartBodyLengthLimit = 25 * 1024 * 1024, ValueLengthLimit = 8 * 1024 * 1024)]
[RequestSizeLimit(30 * 1024 * 1024)]
public sealed class ImportModel(GongkaiDb db, PlanImport import, PlanWork work, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public ImportForm Input { get; set; } = new();

    public ParsedPlan? Parsed { get; private set; }
    public List<SourcePiece> Pieces { get; private set; } = [];
    public List<string> Unknown { get; private set; } = [];
    public List<PlanChange>? Changes { get; private set; }
    public List<Organ> Organs { get; private set; } = [];
    public WorkPlan? Replacing { get; private set; }
    public string? ParseError { get; private set; }

    private async Task<bool> AllowedAsync(Guid? id, CancellationToken ct)
    {
        if (!await work.IsOfficeAsync())
        {
            return false;
        }

        if (id is { } planId)
        {
            Replacing = await db.WorkPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
            if (Replacing is null)
            {
                return false;
            }
        }

        Organs = await db.Organs.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct) =>
        await AllowedAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostParseAsync(Guid? id, IFormFile? upload, string? pasted, bool yearEnd, CancellationToken ct)
    {
        if (!await AllowedAsync(id, ct))
        {
            return NotFound();
        }

        string text;
        try
        {
            if (upload is { Length: > 0 })
            {
                using var ms = new MemoryStream();
                await upload.CopyToAsync(ms, ct);
                text = PlanDocumentReader.Read(ms.ToArray(), upload.FileName);
                Input.FileName = Path.GetFileName(upload.FileName);
            }
            else
            {
                text = pasted ?? "";
            }

            Input.YearEnd = yearEnd;
            await ReadAsync(text, fill: true, ct);
        }
        catch (PlanParseException e)
        {
            ParseError = e.Message;
            ModelState.AddModelError("", e.Message);
            return Page();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMapAsync(Guid? id, string mapName, string? mapOrgan, bool mapGroup, CancellationToken ct)
    {
        if (!await AllowedAsync(id, ct))
        {
            return NotFound();
        }

        await this.TryAsync(() => import.MapUnitAsync(mapName, mapOrgan, mapGroup, ct), "Map");
        await ReadAsync(Input.Source, fill: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct)
    {
        if (!await AllowedAsync(id, ct))
        {
            return NotFound();
        }

        WorkPlan? plan = null;
        var ok = await this.TryAsync(async () => plan = await import.SaveAsync(Input.Title, Input.Year, Input.Source, Input.FileName, Input.Tasks, id, ct));
        if (!ok)
        {
            await ReadAsync(Input.Source, fill: false, ct);
            return Page();
        }

        TempData["Message"] = string.Format(L["已保存“{0}”，共{1}项任务。"], plan!.Title, Input.Tasks.Count);
        return Redirect($"/admin/plans/{plan.Id}");
    }

    private async Task ReadAsync(string text, bool fill, CancellationToken ct)
    {
        try
        {
            Parsed = PlanParser.Parse(text, new PlanParseOptions { MissingDeadlineIsYearEnd = Input.YearEnd });
        }
        catch (PlanParseException) when (!fill)
        {
            return;
        }

        var directory = await UnitDirectory.LoadAsync(db, ct);
        Unknown = directory.Unknown(Parsed.Tasks.SelectMany(t => t.AllUnits())).ToList();
        if (fill)
        {
            Input.Source = Parsed.Source;
            Input.Title = Parsed.Title;
            Input.Year = PlanImport.YearOr(Parsed.Year ?? Replacing?.Year, clock);
            Input.Tasks = Parsed.Tasks.Select(TaskInput.From).ToList();
        }

        if (Replacing is not null)
        {
            Changes = await import.DiffAsync(Replacing.Id, Input.Tasks, ct);
        }

        Pieces = Mark(Parsed);
    }

    /// <summary>The source cut into pieces, each field's origin marked; overlapping marks keep the first.</summary>
    private static List<SourcePiece> Mark(ParsedPlan plan)
    {
        var spans = new List<(SourceSpan Span, string Class, int Task, string Title)>();
        for (var i = 0; i < plan.Tasks.Count; i++)
        {
            var t = plan.Tasks[i];
            spans.Add((t.TextSpan, "src-text", i, $"任务{t.Number}：内容"));
            var units = new[] { (t.LeadSpan, "src-lead", "牵头单位"), (t.ResponsibleSpan, "src-resp", "责任单位"), (t.DeadlineSpan, "src-due", "完成时限") }
                .Where(x => x.Item1 is not null).Select(x => (Span: x.Item1!.Value, Class: x.Item2, Name: x.Item3)).ToList();
            foreach (var g in units.GroupBy(u => u.Span))
            {
                var cls = g.Count() > 1 ? "src-units" : g.First().Class;
                spans.Add((g.Key, cls, i, $"任务{t.Number}：" + string.Join("、", g.Select(x => x.Name))));
            }
        }

        var pieces = new List<SourcePiece>();
        var pos = 0;
        foreach (var s in spans.Where(s => s.Span.Length > 0).OrderBy(s => s.Span.Start))
        {
            if (s.Span.Start < pos)
            {
                continue;
            }

            if (s.Span.Start > pos)
            {
                pieces.Add(new SourcePiece(plan.Source[pos..s.Span.Start], null, null, null));
            }

            pieces.Add(new SourcePiece(s.Span.Of(plan.Source), s.Class, s.Task, s.Title));
            pos = s.Span.End;
        }

        if (pos < plan.Source.Length)
        {
            pieces.Add(new SourcePiece(plan.Source[pos..], null, null, null));
        }

        return pieces;
    }
}
