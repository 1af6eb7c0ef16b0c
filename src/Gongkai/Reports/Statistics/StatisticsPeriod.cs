using Gongkai.Platform;

namespace Gongkai.Reports.Statistics;

/// <summary>A statistics period, both days included (the annual report's is 1 January – 31 December).</summary>
public sealed record StatisticsPeriod(DateOnly From, DateOnly To)
{
    public static StatisticsPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The period, or a clerk-readable refusal when it is reversed or absurdly long.</summary>
    public static StatisticsPeriod Checked(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ValidationFailure("统计期间的结束日期不能早于开始日期。");
        }

        if (to.DayNumber - from.DayNumber > 366 * 10)
        {
            throw new ValidationFailure("统计期间不能超过十年。");
        }

        return new(from, to);
    }

    public string Label => $"{ChineseDates.Long(From)}至{ChineseDates.Long(To)}";
}
