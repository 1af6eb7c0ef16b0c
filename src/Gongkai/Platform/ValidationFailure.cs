namespace Gongkai.Platform;

/// <summary>
/// Input a clerk must correct. The message is shown as it is (on a page, in a ProblemDetails body,
/// or by the CLI), so it is written in plain Chinese; nothing has been saved when it is thrown.
/// </summary>
public sealed class ValidationFailure(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
