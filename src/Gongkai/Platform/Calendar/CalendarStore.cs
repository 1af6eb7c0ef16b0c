using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Calendar;

/// <summary>
/// Holds the current <see cref="WorkingDayCalendar"/> built from the database. Changes on this node
/// invalidate it at once; other nodes see them within <see cref="RecheckInterval"/> (they compare a cheap stamp).
/// </summary>
public sealed class CalendarStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot? current;

    private sealed record Snapshot(WorkingDayCalendar Calendar, string Stamp, DateTimeOffset CheckedAt);

    public async Task<WorkingDayCalendar> GetAsync(CancellationToken ct = default)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.CheckedAt < RecheckInterval)
        {
            return snapshot.Calendar;
        }

        await gate.WaitAsync(ct);
        try
        {
            snapshot = current;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.CheckedAt < RecheckInterval)
            {
                return snapshot.Calendar;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var stamp = await StampAsync(db, ct);
            if (snapshot is not null && snapshot.Stamp == stamp)
            {
                current = snapshot with { CheckedAt = clock.GetUtcNow() };
                return snapshot.Calendar;
            }

            var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
            var days = await db.CalendarDays.AsNoTracking()
                .Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, d.Source))
                .ToListAsync(ct);
            var calendar = WorkingDayCalendar.Create(years, days);
            current = new Snapshot(calendar, stamp, clock.GetUtcNow());
            return calendar;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate() => current = null;

    private static async Task<string> StampAsync(GongkaiDb db, CancellationToken ct)
    {
        var years = await db.CalendarYears.CountAsync(ct);
        var days = await db.CalendarDays.CountAsync(ct);
        var maxId = await db.CalendarDays.MaxAsync(d => (long?)d.Id, ct) ?? 0;
        return $"{years}/{days}/{maxId}";
    }
}
