using Gongkai.Platform.Calendar;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;

namespace Gongkai.Tests.Requests;

internal static class ClockTestData
{
    public static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.Create(
        ShippedSchedules.All.Select(s => s.Year),
        ShippedSchedules.All.SelectMany(s => s.Days).Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil)));

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Receipt InPerson(string iso) => ReceiptDate.Determine(RequestChannel.InPerson, D(iso));

    public static ClockState Compute(Receipt receipt, string today, params ClockEntry[] events) =>
        ReplyDeadline.Compute(Shipped, receipt, events, D(today));

    public static ClockEntry E(ClockEventKind kind, string on, string? until = null, int? days = null, string? party = null, string? approvedBy = null) =>
        new(kind, D(on), until is null ? null : D(until), days, party, approvedBy);
}
