using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests.Sweep;

/// <summary>One run of the daily sweep, with its figures; a day's first complete run marks the day as swept.</summary>
public sealed class RequestSweepRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateOnly Day { get; set; }
    /// <summary>daily, calendar (a year or local day loaded), or manual.</summary>
    public required string Trigger { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public int Checked { get; set; }
    public int Changed { get; set; }
    public int Closed { get; set; }
    public int Reminders { get; set; }
    public int StillPending { get; set; }
}

internal sealed class RequestSweepRunConfiguration : IEntityTypeConfiguration<RequestSweepRun>
{
    public void Configure(EntityTypeBuilder<RequestSweepRun> b)
    {
        b.ToTable("request_sweep_runs");
        b.Property(r => r.Trigger).HasMaxLength(16);
        b.HasIndex(r => r.Day);
    }
}
