using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Calendar;

/// <summary>Loads one year's State Council schedule (shipped at start-up, or entered by an administrator).</summary>
public sealed class LoadYearSchedule(GongkaiDb db, AuditLog audit, CalendarStore store, TimeProvider clock, IServiceProvider services)
{
    public async Task HandleAsync(YearSchedule schedule, CancellationToken ct = default)
    {
        Validate(schedule);
        if (await db.CalendarYears.AnyAsync(y => y.Year == schedule.Year, ct))
        {
            throw new ValidationFailure($"{schedule.Year}年的节假日安排已经载入，不能重复载入。", "Year");
        }

        var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        if (years.Count > 0 && schedule.Year != years.Max() + 1 && schedule.Year != years.Min() - 1)
        {
            throw new ValidationFailure($"已载入{years.Min()}—{years.Max()}年，只能载入相邻的{years.Min() - 1}年或{years.Max() + 1}年。", "Year");
        }

        var now = clock.GetUtcNow();
        var existing = await db.CalendarDays
            .Where(d => d.Source == CalendarSource.StateCouncil)
            .Select(d => d.Date)
            .ToListAsync(ct);
        var known = existing.ToHashSet();
        db.CalendarYears.Add(new CalendarYear { Year = schedule.Year, Source = schedule.Source, LoadedAt = now });
        foreach (var day in schedule.Days.Where(d => !known.Contains(d.Date)))
        {
            db.CalendarDays.Add(new CalendarDayEntry
            {
                Date = day.Date,
                Name = day.Name,
                IsOffDay = day.IsOffDay,
                Source = CalendarSource.StateCouncil,
                CreatedAt = now,
            });
        }

        audit.Record(PlatformAuditActions.CalendarYearLoad, "CalendarYear", schedule.Year.ToString(),
            $"载入{schedule.Year}年节假日安排（{schedule.Source}），共{schedule.Days.Count(d => d.IsOffDay)}个放假日、{schedule.Days.Count(d => !d.IsOffDay)}个调休上班日");
        await db.SaveChangesAsync(ct);
        store.Invalidate();
        await CalendarHooks.NotifyAsync(services, CalendarChange.YearLoaded, ct);
    }

    private static void Validate(YearSchedule schedule)
    {
        if (schedule.Year is < 2000 or > 2100)
        {
            throw new ValidationFailure("年份应在2000到2100之间。", "Year");
        }

        if (string.IsNullOrWhiteSpace(schedule.Source))
        {
            throw new ValidationFailure("请填写节假日安排的依据（通知名称或文号）。", "Source");
        }

        foreach (var day in schedule.Days)
        {
            if (day.Date.Year < schedule.Year - 1 || day.Date.Year > schedule.Year)
            {
                throw new ValidationFailure($"{ChineseDates.Long(day.Date)}不属于{schedule.Year}年的安排。", "Days");
            }

            if (string.IsNullOrWhiteSpace(day.Name) || day.Name.Length > 32)
            {
                throw new ValidationFailure($"{ChineseDates.Long(day.Date)}缺少节日名称（不超过32个字）。", "Days");
            }
        }

        var duplicate = schedule.Days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ValidationFailure($"{ChineseDates.Long(duplicate.Key)}重复出现。", "Days");
        }
    }
}
