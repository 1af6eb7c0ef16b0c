using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Calendar;

/// <summary>Where a calendar day comes from. A local day overrides the State Council schedule for that date.</summary>
public enum CalendarSource
{
    /// <summary>国务院办公厅节假日安排通知</summary>
    StateCouncil = 0,
    /// <summary>本地调整（如少数民族节日、区政府另行安排）</summary>
    Local = 1,
    /// <summary>
    /// 暂定: a statutory holiday (<see cref="StatutoryHolidays"/>) of a year whose schedule is not published yet; never
    /// stored, and below every stored source, so a local day already entered for that year wins.
    /// </summary>
    Provisional = -1,
}

/// <summary>A year whose schedule is loaded; deadlines may only be computed inside loaded years.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}

/// <summary>
/// A day that differs from the Monday–Friday rule: a holiday (放假, IsOffDay) or a make-up working
/// weekend day (调休上班). Every other date is a working day iff it is Monday to Friday.
/// </summary>
public sealed class CalendarDayEntry
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    public bool IsOffDay { get; set; }
    public required string Name { get; set; }
    public CalendarSource Source { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("calendar_years");
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Source).HasMaxLength(200);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDayEntry>
{
    public void Configure(EntityTypeBuilder<CalendarDayEntry> b)
    {
        b.ToTable("calendar_days");
        b.Property(d => d.Name).HasMaxLength(32);
        b.Property(d => d.Note).HasMaxLength(200);
        b.Property(d => d.Source).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(d => new { d.Date, d.Source }).IsUnique();
    }
}
