using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Sweep;

internal static class SweepRegistration
{
    /// <summary>
    /// The sweep, its daily job (run by the job runner unless <c>Requests:DailySweep</c> is false) and the calendar hook: loading a
    /// year computes the pending due dates at once, before the administrator's page answers; a local day moves computed
    /// dates, so a full sweep follows in the background.
    /// </summary>
    public static IServiceCollection AddRequestSweep(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RequestSweep>();
        services.AddSingleton<DailySweeper>();
        services.AddDailyJob<RequestSweepJob>(automatic: configuration.GetValue("Requests:DailySweep", true));

        return services.AddCalendarChangeHook(new("依申请公开答复期限", async (sp, change, ct) =>
        {
            var sweeper = sp.GetRequiredService<DailySweeper>();
            if (change == CalendarChange.LocalDayChanged)
            {
                sweeper.RunInBackground("calendar");
                return;
            }

            if (await sp.GetRequiredService<GongkaiDb>().DisclosureRequests.AnyAsync(r => r.DuePending && r.Stage != RequestStage.Closed, ct))
            {
                await sweeper.RunAsync("calendar", onlyPending: true, wait: true, ct);
            }
        }));
    }
}
