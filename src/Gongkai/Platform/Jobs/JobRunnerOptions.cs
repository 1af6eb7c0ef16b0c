namespace Gongkai.Platform.Jobs;

/// <summary>The <c>Jobs</c> settings of the daily-job runner.</summary>
public sealed class JobRunnerOptions
{
    /// <summary>False: this instance runs no job on its own (the command line still does).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the runner looks for owed work; also the finest step of a repeating job.</summary>
    public int TickSeconds { get; set; } = 30;

    /// <summary>How many days back a catching-up job goes after downtime.</summary>
    public int CatchUpDays { get; set; } = 31;

    /// <summary>The name this instance writes on its runs.</summary>
    public string Instance { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}";
}
