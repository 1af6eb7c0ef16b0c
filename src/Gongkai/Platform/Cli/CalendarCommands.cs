using Gongkai.Platform.Calendar;

namespace Gongkai.Platform.Cli;

/// <summary><c>gongkai calendar add|is-working-day</c>: the working-day calendar for scripts and other modules.</summary>
internal static class CalendarCommands
{
    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var verb = args.FirstOrDefault() ?? throw new CliError("缺少子命令：add 或 is-working-day。");
        var rest = args[1..];
        return verb switch
        {
            "add" => await AddAsync(new CliArguments(rest, new HashSet<string> { "from", "working-days" }, new HashSet<string> { "json" }), ctx),
            "is-working-day" => await IsWorkingDayAsync(new CliArguments(rest, new HashSet<string>(), new HashSet<string> { "json" }), ctx),
            _ => throw new CliError($"未知子命令 calendar {verb}。"),
        };
    }

    private static async Task<int> AddAsync(CliArguments a, CliContext ctx)
    {
        if (a.Positionals.Count > 0)
        {
            throw new CliError($"多余的参数“{a.Positionals[0]}”。");
        }

        var from = ParseDate(a.Required("from"));
        var text = a.Required("working-days");
        if (!int.TryParse(text, out var n) || n is < 0 or > 1000)
        {
            throw new CliError($"--working-days 应为0到1000之间的整数，收到“{text}”。");
        }

        var calendar = await CalendarAsync(ctx);
        var e = calendar.ExplainAddition(from, n);
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(new
            {
                from = ChineseDates.Iso(e.From),
                workingDays = e.WorkingDays,
                due = ChineseDates.Iso(e.Due),
                firstCountedDay = e.FirstCountedDay is { } f ? ChineseDates.Iso(f) : null,
                holidaysSkipped = e.HolidaysSkipped.Select(d => new { date = ChineseDates.Iso(d.Date), name = d.Name }),
                makeUpWorkdaysCounted = e.MakeUpWorkdaysCounted.Select(d => new { date = ChineseDates.Iso(d.Date), name = d.Name }),
                weekendDaysSkipped = e.WeekendDaysSkipped,
                explanation = e.Steps,
            });
        }
        else
        {
            await ctx.Out.WriteLineAsync($"{ChineseDates.Long(e.From)}后第{e.WorkingDays}个工作日：{ChineseDates.Long(e.Due)}（{ChineseDates.Weekday(e.Due)}）");
            foreach (var step in e.Steps)
            {
                await ctx.Out.WriteLineAsync("  " + step);
            }
        }

        return 0;
    }

    private static async Task<int> IsWorkingDayAsync(CliArguments a, CliContext ctx)
    {
        if (a.Positionals.Count != 1)
        {
            throw new CliError("请给出一个日期，例如 gongkai calendar is-working-day 2026-02-14。");
        }

        var date = ParseDate(a.Positionals[0]);
        var answer = (await CalendarAsync(ctx)).Explain(date);
        if (a.Has("json"))
        {
            await ctx.WriteJsonAsync(new
            {
                date = ChineseDates.Iso(answer.Date),
                workingDay = answer.WorkingDay,
                kind = answer.Kind.ToString(),
                reason = answer.Reason,
                weekday = answer.Weekday,
            });
        }
        else
        {
            await ctx.Out.WriteLineAsync($"{ChineseDates.Long(answer.Date)}（{answer.Weekday}）{(answer.WorkingDay ? "是" : "不是")}工作日：{answer.Reason}");
        }

        return 0;
    }

    private static DateOnly ParseDate(string text) =>
        InputDates.TryParse(text, "日期", out var d, out var error) ? d : throw new CliError(error!);

    private static async Task<WorkingDayCalendar> CalendarAsync(CliContext ctx)
    {
        var services = await ctx.ServicesAsync();
        return await services.GetRequiredService<CalendarStore>().GetAsync();
    }
}
