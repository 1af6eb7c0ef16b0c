using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Calendar;

/// <summary>Adds or removes a local day (本地调整) that overrides the State Council schedule for one date.</summary>
public sealed class SetLocalDay(GongkaiDb db, AuditLog audit, CalendarStore store, TimeProvider clock, IServiceProvider services)
{
    /// <summary>Adds a local day; every problem of the form (date, name, note) is reported at once.</summary>
    public async Task AddAsync(DateOnly? day, string? name, bool isOffDay, string? note, CancellationToken ct = default)
    {
        var checks = new FieldChecks();
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 32)
        {
            checks.Check(() => throw new ValidationFailure("请填写名称（不超过32个字）。", "Name"));
        }

        note = checks.Read(() => InputText.Field(note, "依据或说明", 200, "Note"));
        var date = checks.Read(() => day ?? throw new ValidationFailure("请填写正确的日期。", "Date"));
        if (!checks.Failed("Date"))
        {
            var calendar = await store.GetAsync(ct);
            if (!calendar.Covers(date))
            {
                checks.Check(() => throw new ValidationFailure($"{ChineseDates.Long(date)}不在已载入的年份（{calendar.Years[0]}—{calendar.Years[^1]}年）内，请先载入该年的安排。", "Date"));
            }
            else if (calendar.IsWorkingDay(date) != isOffDay)
            {
                checks.Check(() => throw new ValidationFailure(isOffDay
                    ? $"{ChineseDates.Long(date)}已经是休息日。"
                    : $"{ChineseDates.Long(date)}已经是工作日。", "Date"));
            }
            else if (await db.CalendarDays.AnyAsync(d => d.Date == date && d.Source == CalendarSource.Local, ct))
            {
                checks.Check(() => throw new ValidationFailure($"{ChineseDates.Long(date)}已有本地调整，请先删除原调整。", "Date"));
            }
        }

        checks.ThrowIfAny();
        db.CalendarDays.Add(new CalendarDayEntry
        {
            Date = date,
            Name = name,
            IsOffDay = isOffDay,
            Source = CalendarSource.Local,
            Note = note,
            CreatedAt = clock.GetUtcNow(),
        });
        audit.Record(PlatformAuditActions.CalendarLocalAdd, "CalendarDay", ChineseDates.Iso(date),
            $"本地调整：{ChineseDates.Long(date)}{name}{(isOffDay ? "放假" : "上班")}");
        await db.SaveChangesAsync(ct);
        store.Invalidate();
        await CalendarHooks.NotifyAsync(services, CalendarChange.LocalDayChanged, ct);
    }

    public async Task<bool> RemoveAsync(DateOnly date, CancellationToken ct = default)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date && d.Source == CalendarSource.Local, ct);
        if (day is null)
        {
            return false;
        }

        db.CalendarDays.Remove(day);
        audit.Record(PlatformAuditActions.CalendarLocalRemove, "CalendarDay", ChineseDates.Iso(date),
            $"删除本地调整：{ChineseDates.Long(date)}{day.Name}{(day.IsOffDay ? "放假" : "上班")}");
        await db.SaveChangesAsync(ct);
        store.Invalidate();
        await CalendarHooks.NotifyAsync(services, CalendarChange.LocalDayChanged, ct);
        return true;
    }
}
