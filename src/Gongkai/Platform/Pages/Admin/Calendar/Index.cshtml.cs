using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Platform.Pages.Admin.Calendar;

public sealed class IndexModel(CalendarStore store, StaffAccess access, SetLocalDay localDays, LoadYearSchedule loadYear, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    private static readonly StaffRole[] Editors = [StaffRole.SystemAdministrator, StaffRole.OpennessOffice];

    public sealed class LocalDayInput
    {
        public DateOnly? Date { get; set; }
        public string? Name { get; set; }
        public bool IsOffDay { get; set; } = true;
        public string? Note { get; set; }
    }

    public sealed class YearInput
    {
        public int? Year { get; set; }
        public string? Source { get; set; }
        public string? Days { get; set; }
    }

    public WorkingDayCalendar Calendar { get; private set; } = null!;
    public List<SpecialDay> YearDays { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public DeadlineExplanation? Explanation { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    [BindProperty]
    public LocalDayInput Local { get; set; } = new();

    [BindProperty]
    public YearInput NewYear { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (From is not null || Days is not null)
        {
            if (!ChineseDates.TryParseIso(From, out var from))
            {
                ModelState.AddModelError(string.Empty, L["起算日格式不正确，应为 yyyy-MM-dd。"]);
            }
            else if (Days is null or < 0 or > 1000)
            {
                ModelState.AddModelError(string.Empty, L["工作日数应为0到1000之间的整数。"]);
            }
            else
            {
                try
                {
                    Explanation = Calendar.ExplainAddition(from, Days.Value);
                }
                catch (CalendarRangeException e)
                {
                    ModelState.AddModelError(string.Empty, e.Message);
                }
            }
        }
    }

    public async Task<IActionResult> OnPostAddLocalAsync(CancellationToken ct)
    {
        if (!await EditorAsync())
        {
            return Forbid();
        }

        var ok = await this.TryAsync(() => localDays.AddAsync(Local.Date, Local.Name, Local.IsOffDay, Local.Note, ct), nameof(Local));
        return await Done(ok, L["已添加本地调整。"], Local.Date?.Year, ct);
    }

    public async Task<IActionResult> OnPostRemoveLocalAsync(string date, CancellationToken ct)
    {
        if (!await EditorAsync())
        {
            return Forbid();
        }

        if (!ChineseDates.TryParseIso(date, out var d) || !await localDays.RemoveAsync(d, ct))
        {
            return NotFound();
        }

        return await Done(true, L["已删除本地调整。"], d.Year, ct);
    }

    public async Task<IActionResult> OnPostLoadYearAsync(CancellationToken ct)
    {
        if (!await EditorAsync())
        {
            return Forbid();
        }

        var ok = await this.TryAsync(() => loadYear.HandleAsync(ParseYear(), ct), nameof(NewYear));
        return await Done(ok, L["已载入新年度的节假日安排。"], NewYear.Year, ct);
    }

    private YearSchedule ParseYear()
    {
        // Every wrong line is named at once, with a missing year (Platform/Web/FormErrors.cs).
        var checks = new FieldChecks();
        var year = checks.Read(() => NewYear.Year ?? throw new ValidationFailure("请填写年份。", "Year"));
        var days = new List<ScheduleDay>();
        var lineNumber = 0;
        foreach (var raw in (NewYear.Days ?? "").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            var number = lineNumber;
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !ChineseDates.TryParseIso(parts[0], out var date) || parts[2] is not ("休" or "班"))
            {
                checks.Check(() => throw new ValidationFailure($"第{number}行“{line}”格式不正确，应为“日期 名称 休/班”。", "Days"));
                continue;
            }

            if (parts[2] == "班" && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                checks.Check(() => throw new ValidationFailure($"第{number}行：{ChineseDates.Long(date)}是{ChineseDates.Weekday(date)}，本来就是工作日，不必标为调休上班。", "Days"));
                continue;
            }

            days.Add(new ScheduleDay(date, parts[1], parts[2] == "休"));
        }

        checks.ThrowIfAny();
        return new YearSchedule(year, NewYear.Source?.Trim() ?? "", days);
    }

    private async Task<IActionResult> Done(bool ok, string message, int? year, CancellationToken ct)
    {
        if (!ok)
        {
            await LoadAsync(ct);
            return Page();
        }

        TempData["Message"] = message;
        return Redirect($"/admin/calendar?year={year}");
    }

    private async Task<bool> EditorAsync() => await access.DistrictRoleAsync(Editors) is not null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Calendar = await store.GetAsync(ct);
        CanEdit = await EditorAsync();
        if (!Calendar.Years.Contains(Year))
        {
            var today = ChineseDates.Today(clock).Year;
            Year = Calendar.Years.Contains(today) ? today : Calendar.Years[^1];
        }

        YearDays = Calendar.SpecialDays.Values.Where(d => d.Date.Year == Year).OrderBy(d => d.Date).ToList();
    }
}
