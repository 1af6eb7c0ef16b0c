using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Jobs;

public enum JobOutcome
{
    Ok = 0,
    Failed = 1,
}

/// <summary>One run of a daily job for a district day: a day is done when it has an <see cref="JobOutcome.Ok"/> run.</summary>
public sealed class JobRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary><see cref="IDailyJob.Name"/>.</summary>
    public required string Job { get; set; }

    public DateOnly Day { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public JobOutcome Outcome { get; set; }

    /// <summary>What the job said it did, or the failure's message.</summary>
    public string? Message { get; set; }

    /// <summary>The instance that ran it (<see cref="JobRunnerOptions.Instance"/>), or 命令行.</summary>
    public required string Instance { get; set; }

    /// <summary>schedule (the runner) or manual (the command line).</summary>
    public required string Trigger { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("job_runs");
        b.Property(r => r.Job).HasMaxLength(64);
        b.Property(r => r.Message).HasMaxLength(2000);
        b.Property(r => r.Instance).HasMaxLength(128);
        b.Property(r => r.Trigger).HasMaxLength(16);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(8);
        b.HasIndex(r => new { r.Job, r.Day, r.Outcome });
        b.HasIndex(r => r.StartedAt);
    }
}
