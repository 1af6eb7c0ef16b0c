namespace Gongkai.Platform.Calendar;

/// <summary>A date outside the loaded schedules, or a request the calendar cannot answer honestly.</summary>
public sealed class CalendarRangeException(string message) : Exception(message);

/// <summary>What kind of day a date is.</summary>
public enum DayKind
{
    /// <summary>工作日</summary>
    Weekday,
    /// <summary>周末</summary>
    Weekend,
    /// <summary>法定节假日（放假）</summary>
    Holiday,
    /// <summary>调休上班</summary>
    MakeUpWorkday,
}

/// <summary>One special day as the calendar uses it.</summary>
public sealed record SpecialDay(DateOnly Date, bool IsOffDay, string Name, CalendarSource Source);

/// <summary>
/// An immutable working-day calendar (工作日历) over a run of loaded years. A date is a working day iff
/// it is Monday–Friday and not a listed off-day, or it is a listed make-up working day.
/// Deadline arithmetic is O(1): a prefix count of working days per date.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly DateOnly first;
    private readonly DateOnly last;
    private readonly int[] workingUpTo;
    private readonly DateOnly[] workingDates;
    private readonly Dictionary<DateOnly, SpecialDay> special;
    private WorkingDayCalendar? provisional;

    private WorkingDayCalendar(DateOnly first, DateOnly last, Dictionary<DateOnly, SpecialDay> special)
    {
        this.first = first;
        this.last = last;
        this.special = special;
        var length = last.DayNumber - first.DayNumber + 1;
        workingUpTo = new int[length];
        var dates = new List<DateOnly>(length * 5 / 7 + 16);
        var count = 0;
        for (var i = 0; i < length; i++)
        {
            var date = first.AddDays(i);
            if (Classify(date) is DayKind.Weekday or DayKind.MakeUpWorkday)
            {
                count++;
                dates.Add(date);
            }

            workingUpTo[i] = count;
        }

        workingDates = [.. dates];
        Years = Enumerable.Range(first.Year, last.Year - first.Year + 1).ToArray();
    }

    public IReadOnlyList<int> Years { get; }
    public DateOnly FirstDate => first;
    public DateOnly LastDate => last;
    public IReadOnlyDictionary<DateOnly, SpecialDay> SpecialDays => special;

    /// <summary>
    /// Builds the calendar. Years must form one unbroken run; days are merged by date, a local day
    /// overriding the State Council schedule. Special days outside the years are kept for display only.
    /// </summary>
    public static WorkingDayCalendar Create(IEnumerable<int> years, IEnumerable<SpecialDay> days)
    {
        var sorted = years.Distinct().Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new CalendarRangeException("尚未载入任何年份的节假日安排，无法计算工作日。");
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1] + 1)
            {
                throw new CalendarRangeException($"节假日安排缺少{sorted[i - 1] + 1}年，已载入的年份必须连续。");
            }
        }

        var merged = new Dictionary<DateOnly, SpecialDay>();
        foreach (var day in days.OrderBy(d => d.Source))
        {
            // A schedule may confirm that a weekday is worked (2020-02-03 after the extended 春节); that changes nothing.
            var weekday = day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (!day.IsOffDay && weekday)
            {
                merged.Remove(day.Date);
                continue;
            }

            merged[day.Date] = day;
        }

        return new WorkingDayCalendar(new DateOnly(sorted[0], 1, 1), new DateOnly(sorted[^1], 12, 31), merged);
    }

    public bool Covers(DateOnly date) => date >= first && date <= last;

    /// <summary>Years after the loaded schedules that <see cref="WithProvisionalYears"/> adds.</summary>
    public const int ProvisionalYears = 2;

    /// <summary>The first day no published schedule covers, in a calendar with provisional years; null in a published one.</summary>
    public DateOnly? ProvisionalFrom { get; private init; }

    /// <summary>
    /// This calendar followed by <see cref="ProvisionalYears"/> years with only weekends and the statutory holidays
    /// (<see cref="StatutoryHolidays"/>): no make-up working days, no bridging days. Dates it gives past
    /// <see cref="LastDate"/> are provisional (暂定) until the year's schedule is loaded. Built once per calendar.
    /// </summary>
    public WorkingDayCalendar WithProvisionalYears()
    {
        if (provisional is not null)
        {
            return provisional;
        }

        var years = Enumerable.Range(last.Year + 1, ProvisionalYears).Where(y => y <= StatutoryHolidays.LastYear).ToList();
        var extended = Create(Years.Concat(years), special.Values.Concat(years.SelectMany(StatutoryHolidays.For)));
        return provisional = new WorkingDayCalendar(extended.first, extended.last, extended.special) { ProvisionalFrom = last.AddDays(1) };
    }

    public DayKind Classify(DateOnly date)
    {
        if (special.TryGetValue(date, out var day))
        {
            return day.IsOffDay ? DayKind.Holiday : DayKind.MakeUpWorkday;
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Weekday;
    }

    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        return Classify(date) is DayKind.Weekday or DayKind.MakeUpWorkday;
    }

    public DayAnswer Explain(DateOnly date)
    {
        EnsureCovered(date);
        var kind = Classify(date);
        special.TryGetValue(date, out var day);
        var working = kind is DayKind.Weekday or DayKind.MakeUpWorkday;
        var reason = kind switch
        {
            DayKind.Holiday => $"{day!.Name}放假",
            DayKind.MakeUpWorkday => $"{day!.Name}调休上班",
            DayKind.Weekend => "周末休息",
            _ => "正常工作日",
        };
        return new DayAnswer(date, working, kind, reason, ChineseDates.Weekday(date), day?.Source);
    }

    /// <summary>
    /// The date that is <paramref name="workingDays"/> working days after <paramref name="from"/>.
    /// The start day itself is not counted (民法典 Art. 201); counting begins the next day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        EnsureCovered(from);
        if (workingDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(workingDays), "工作日数不能为负数。");
        }

        return TryAddWorkingDays(from, workingDays) ?? throw new CalendarRangeException(
            $"从{ChineseDates.Long(from)}起算{workingDays}个工作日将超出已载入的节假日安排（{first.Year}—{last.Year}年），请先载入下一年度的安排。");
    }

    /// <summary>
    /// As <see cref="AddWorkingDays"/>, or null when the start is outside the loaded years, the count is negative, or the
    /// date lies past the last loaded year (its schedule not yet published).
    /// </summary>
    public DateOnly? TryAddWorkingDays(DateOnly from, int workingDays)
    {
        if (!Covers(from) || workingDays < 0)
        {
            return null;
        }

        if (workingDays == 0)
        {
            return from;
        }

        var index = workingUpTo[from.DayNumber - first.DayNumber] + workingDays - 1;
        return index < workingDates.Length ? workingDates[index] : null;
    }

    /// <summary>
    /// A period of <paramref name="workingDays"/> working days from <paramref name="from"/> as printed on a notice: its last
    /// day, or — while that day lies past the loaded schedules — the period itself, with when the date will be known.
    /// </summary>
    public string PeriodText(DateOnly from, int workingDays) => TryAddWorkingDays(from, workingDays) is { } day
        ? ChineseDates.Long(day)
        : $"自{ChineseDates.Long(from)}起{workingDays}个工作日内（具体日期待{last.Year + 1}年节假日安排发布后确定）";

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        EnsureCovered(from);
        EnsureCovered(to);
        return workingUpTo[to.DayNumber - first.DayNumber] - workingUpTo[from.DayNumber - first.DayNumber];
    }

    /// <summary>The same computation as <see cref="AddWorkingDays"/>, with every step a clerk needs to check it.</summary>
    public DeadlineExplanation ExplainAddition(DateOnly from, int workingDays)
    {
        var due = AddWorkingDays(from, workingDays);
        var holidays = new List<SpecialDay>();
        var makeUps = new List<SpecialDay>();
        var weekendDays = 0;
        for (var d = from.AddDays(1); d <= due; d = d.AddDays(1))
        {
            switch (Classify(d))
            {
                case DayKind.Holiday:
                    holidays.Add(special[d]);
                    break;
                case DayKind.MakeUpWorkday:
                    makeUps.Add(special[d]);
                    break;
                case DayKind.Weekend:
                    weekendDays++;
                    break;
            }
        }

        var firstCounted = workingDays == 0 ? (DateOnly?)null : AddWorkingDays(from, 1);
        var steps = new List<string>
        {
            $"起算日{ChineseDates.Long(from)}（{ChineseDates.Weekday(from)}）当日不计入，自下一日开始计算（《民法典》第二百零一条）。",
        };
        if (firstCounted is { } fc)
        {
            steps.Add($"第1个工作日为{ChineseDates.Long(fc)}（{ChineseDates.Weekday(fc)}）。");
        }

        foreach (var block in Blocks(holidays))
        {
            steps.Add($"跳过{block.Name}假期{ChineseDates.Range(block.From, block.To)}，共{block.Days}天。");
        }

        foreach (var m in makeUps)
        {
            steps.Add($"{ChineseDates.Long(m.Date)}（{ChineseDates.Weekday(m.Date)}）为{m.Name}调休上班日，计为工作日。");
        }

        if (weekendDays > 0)
        {
            steps.Add($"跳过周末{weekendDays}天。");
        }

        steps.Add($"第{workingDays}个工作日为{ChineseDates.Long(due)}（{ChineseDates.Weekday(due)}），即期限届满日。");
        return new DeadlineExplanation(from, workingDays, due, firstCounted, holidays, makeUps, weekendDays, steps);
    }

    private static IEnumerable<(string Name, DateOnly From, DateOnly To, int Days)> Blocks(List<SpecialDay> days)
    {
        var i = 0;
        while (i < days.Count)
        {
            var j = i;
            while (j + 1 < days.Count && days[j + 1].Date == days[j].Date.AddDays(1) && days[j + 1].Name == days[i].Name)
            {
                j++;
            }

            yield return (days[i].Name, days[i].Date, days[j].Date, j - i + 1);
            i = j + 1;
        }
    }

    private void EnsureCovered(DateOnly date)
    {
        if (!Covers(date))
        {
            throw new CalendarRangeException(
                $"{ChineseDates.Long(date)}不在已载入的节假日安排范围内（{first.Year}—{last.Year}年），无法判断是否为工作日。");
        }
    }
}

/// <summary>The answer to "is this a working day", with its reason.</summary>
public sealed record DayAnswer(DateOnly Date, bool WorkingDay, DayKind Kind, string Reason, string Weekday, CalendarSource? Source);

/// <summary>How a working-day deadline was computed (“期限是怎么算出来的”).</summary>
public sealed record DeadlineExplanation(
    DateOnly From,
    int WorkingDays,
    DateOnly Due,
    DateOnly? FirstCountedDay,
    IReadOnlyList<SpecialDay> HolidaysSkipped,
    IReadOnlyList<SpecialDay> MakeUpWorkdaysCounted,
    int WeekendDaysSkipped,
    IReadOnlyList<string> Steps);
