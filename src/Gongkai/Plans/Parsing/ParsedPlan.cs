namespace Gongkai.Plans.Parsing;

/// <summary>A stretch of the (newline-normalised) source text: <c>[Start, End)</c>.</summary>
public readonly record struct SourceSpan(int Start, int End)
{
    public int Length => End - Start;

    public string Of(string source) => source[Start..End];
}

/// <summary>How a task's 完成时限 reads once normalised.</summary>
public enum DeadlineKind
{
    /// <summary>No deadline written.</summary>
    None,
    /// <summary>A due date (end of the month or year when only those are written).</summary>
    Date,
    /// <summary>Continuing work with no due date: 持续落实, 常态化.</summary>
    Ongoing,
    /// <summary>Set by someone else: 按照北京市统一部署.</summary>
    External,
}

/// <summary>A normalised 完成时限: the words as written, the due date if any, whether the work goes on after it.</summary>
public sealed record PlanDeadline(string Text, DateOnly? Due, bool Recurring, DeadlineKind Kind)
{
    public static readonly PlanDeadline Missing = new("", null, false, DeadlineKind.None);

    public bool Recognised => Kind != DeadlineKind.None || Text.Length == 0;
}

/// <summary>One sentence of a task paired with the unit that 分别负责落实 it.</summary>
public sealed record UnitPair(string Sentence, string Unit);

/// <summary>A heading of the plan (一、/（一）/1./（1）) with its place in the hierarchy.</summary>
public sealed record ParsedHeading(int Level, string Number, string Text, SourceSpan Span);

/// <summary>One task of a work plan as read from the document.</summary>
public sealed class ParsedTask
{
    public required string Number { get; init; }
    public required IReadOnlyList<string> Path { get; init; }
    public required string Text { get; set; }
    public List<string> LeadUnits { get; } = [];
    public List<string> ResponsibleUnits { get; } = [];
    public PlanDeadline Deadline { get; set; } = PlanDeadline.Missing;
    public List<UnitPair> Pairs { get; } = [];
    public List<string> Warnings { get; } = [];
    /// <summary>Whether a person should look at this task before it is saved (unpaired 分别, open lists, no units…).</summary>
    public bool NeedsReview { get; set; }
    /// <summary>Whether a unit list ends with 等 (…等区政府相关部门): more units than named.</summary>
    public bool OpenList { get; set; }
    /// <summary>The whole stretch of source that produced this task.</summary>
    public SourceSpan Span { get; set; }
    public SourceSpan TextSpan { get; set; }
    public SourceSpan? LeadSpan { get; set; }
    public SourceSpan? ResponsibleSpan { get; set; }
    public SourceSpan? DeadlineSpan { get; set; }

    public IEnumerable<string> AllUnits() => LeadUnits.Concat(ResponsibleUnits).Distinct();
}

/// <summary>Text of the plan's body that no task or heading took, reported rather than dropped.</summary>
public sealed record UnassignedText(string Text, string Reason, SourceSpan Span);

/// <summary>The result of reading a work-plan document.</summary>
public sealed record ParsedPlan(
    string Title,
    int? Year,
    IReadOnlyList<ParsedHeading> Headings,
    IReadOnlyList<ParsedTask> Tasks,
    IReadOnlyList<UnassignedText> Unassigned,
    IReadOnlyList<string> Warnings,
    string Source,
    int BodyStart,
    int BodyEnd);

/// <summary>Input the parser cannot use (empty, binary, scanned, no tasks): a message for the user, nothing saved.</summary>
public sealed class PlanParseException(string message) : Exception(message);
