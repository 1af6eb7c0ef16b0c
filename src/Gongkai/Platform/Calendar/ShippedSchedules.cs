using System.Text.Json;

namespace Gongkai.Platform.Calendar;

/// <summary>A year's holiday schedule as shipped with the application or uploaded by an administrator.</summary>
public sealed record YearSchedule(int Year, string Source, IReadOnlyList<ScheduleDay> Days);

public sealed record ScheduleDay(DateOnly Date, string Name, bool IsOffDay);

/// <summary>The State Council schedules 2016–2026 embedded in the application (see Schedules/*.json).</summary>
public static class ShippedSchedules
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<YearSchedule> All { get; } = Load();

    private static List<YearSchedule> Load()
    {
        var assembly = typeof(ShippedSchedules).Assembly;
        var result = new List<YearSchedule>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Gongkai.Calendar.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            result.Add(Parse(stream));
        }

        return result;
    }

    /// <summary>Reads a schedule in the shipped JSON form ({year, source?, days:[{date,name,isOffDay}]}).</summary>
    public static YearSchedule Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<ScheduleFile>(json, Json)
            ?? throw new ValidationFailure("节假日安排文件为空。");
        if (file.Year is < 2000 or > 2100)
        {
            throw new ValidationFailure("节假日安排文件中的年份无效。");
        }

        var days = new List<ScheduleDay>();
        foreach (var d in file.Days ?? [])
        {
            if (!ChineseDates.TryParseIso(d.Date, out var date))
            {
                throw new ValidationFailure($"日期“{d.Date}”格式不正确，应为 yyyy-MM-dd。");
            }

            days.Add(new ScheduleDay(date, d.Name ?? "", d.IsOffDay));
        }

        return new YearSchedule(file.Year, file.Source ?? $"国务院办公厅关于{file.Year}年部分节假日安排的通知", days);
    }

    private sealed record ScheduleFile(int Year, string? Source, List<ScheduleFileDay>? Days);

    private sealed record ScheduleFileDay(string? Date, string? Name, bool IsOffDay);
}
