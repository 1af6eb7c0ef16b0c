using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Intake;

namespace Gongkai.Reports.Statistics;

/// <summary>The counts of <see cref="RequestStatistics"/> for one set of organs and one period; absent keys are zero.</summary>
public sealed record RequestFigures(
    StatisticsPeriod Period,
    IReadOnlyDictionary<(RequestChannel Channel, ApplicantType Type), int> ReceivedBy,
    IReadOnlyDictionary<ApplicantType, int> CarriedInBy,
    IReadOnlyDictionary<(RequestOutcome Outcome, ApplicantType Type), int> ClosedBy,
    IReadOnlyDictionary<ApplicantType, int> CarriedOutBy,
    int ClosedLate,
    IReadOnlyDictionary<ApplicantType, int> ClosedWithoutOutcomeBy,
    int OverdueNow,
    long WorkingDaysTaken,
    int WorkingDaysMeasured)
{
    /// <summary>No requests (a year whose figures were imported, not counted from records).</summary>
    public static RequestFigures None(StatisticsPeriod period) => new(period, new Dictionary<(RequestChannel, ApplicantType), int>(), new Dictionary<ApplicantType, int>(),
        new Dictionary<(RequestOutcome, ApplicantType), int>(), new Dictionary<ApplicantType, int>(), 0, new Dictionary<ApplicantType, int>(), 0, 0, 0);

    public int Received(RequestChannel? channel = null, ApplicantType? type = null) =>
        ReceivedBy.Where(p => (channel is null || p.Key.Channel == channel) && (type is null || p.Key.Type == type)).Sum(p => p.Value);

    public int CarriedIn(ApplicantType? type = null) => type is { } t ? CarriedInBy.GetValueOrDefault(t) : CarriedInBy.Values.Sum();

    public int Closed(RequestOutcome? outcome = null, ApplicantType? type = null) =>
        ClosedBy.Where(p => (outcome is null || p.Key.Outcome == outcome) && (type is null || p.Key.Type == type)).Sum(p => p.Value) +
        (outcome is not null ? 0 : type is { } t ? ClosedWithoutOutcomeBy.GetValueOrDefault(t) : ClosedWithoutOutcome);

    /// <summary>Closed requests without an outcome (data errors: counted in the total, in no outcome row).</summary>
    public int ClosedWithoutOutcome => ClosedWithoutOutcomeBy.Values.Sum();

    public int CarriedOut(ApplicantType? type = null) => type is { } t ? CarriedOutBy.GetValueOrDefault(t) : CarriedOutBy.Values.Sum();

    public int ClosedOnTime => Closed() - ClosedLate;

    /// <summary>按时办结率, null when nothing was closed.</summary>
    public double? OnTimeRate => Closed() == 0 ? null : (double)ClosedOnTime / Closed();

    /// <summary>平均办理用时 in working days from receipt to closing, null when nothing was closed.</summary>
    public double? AverageWorkingDays => WorkingDaysMeasured == 0 ? null : (double)WorkingDaysTaken / WorkingDaysMeasured;
}
