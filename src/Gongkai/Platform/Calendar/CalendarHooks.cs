namespace Gongkai.Platform.Calendar;

/// <summary>What changed in the working-day calendar.</summary>
public enum CalendarChange
{
    /// <summary>A year's State Council schedule was loaded: dates past the old last year can now be computed.</summary>
    YearLoaded,
    /// <summary>A local day was added or removed: dates already computed may move.</summary>
    LocalDayChanged,
}

/// <summary>
/// Something a module does when the calendar changes (e.g. computing due dates that were pending for want of the next
/// year's schedule). Registered with <see cref="CalendarHooks.AddCalendarChangeHook"/>; Platform knows no module.
/// </summary>
public sealed record CalendarChangeHook(string Name, Func<IServiceProvider, CalendarChange, CancellationToken, Task> OnChanged);

public static class CalendarHooks
{
    public static IServiceCollection AddCalendarChangeHook(this IServiceCollection services, CalendarChangeHook hook) =>
        services.AddSingleton(hook);

    /// <summary>Runs every hook after the change has been committed; a failing hook is logged and never undoes the change.</summary>
    internal static async Task NotifyAsync(IServiceProvider services, CalendarChange change, CancellationToken ct)
    {
        foreach (var hook in services.GetServices<CalendarChangeHook>())
        {
            try
            {
                await hook.OnChanged(services, change, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CalendarHooks)).LogError(e, "Calendar change hook {Hook} failed", hook.Name);
            }
        }
    }
}
