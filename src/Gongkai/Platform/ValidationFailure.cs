namespace Gongkai.Platform;

/// <summary>
/// Input a clerk must correct. The message is shown as it is (on a page, in a ProblemDetails body,
/// or by the CLI), so it is written in plain Chinese; nothing has been saved when it is thrown.
/// A form checked field by field (<see cref="FieldChecks"/>) throws one failure carrying every error, so the page shows
/// them all at once; <see cref="Exception.Message"/> and <see cref="Field"/> are the first.
/// </summary>
public sealed class ValidationFailure : Exception
{
    public ValidationFailure(string message, string? field = null)
        : base(message)
    {
        Field = field;
        Errors = [new(field, message)];
    }

    private ValidationFailure(IReadOnlyList<FieldError> errors)
        : base(errors[0].Message)
    {
        Field = errors[0].Field;
        Errors = errors;
    }

    public string? Field { get; }

    /// <summary>Every error found, in the order of the form's fields.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    public static ValidationFailure Of(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("a validation failure needs an error", nameof(errors)) : new ValidationFailure(errors);
}

/// <summary>One field's error (no field: the form as a whole).</summary>
public sealed record FieldError(string? Field, string Message);

/// <summary>
/// Checks a form's fields one after another and keeps going after a refusal, so every error is reported together:
/// <c>var name = checks.Read(() => InputText.Field(…));</c> … <c>checks.ThrowIfAny();</c>. A read that failed answers
/// <c>default</c>; nothing may use the values before <see cref="ThrowIfAny"/>.
/// </summary>
public sealed class FieldChecks
{
    private readonly List<FieldError> errors = [];

    public bool Failed(string field) => errors.Any(e => e.Field == field);

    public bool Any => errors.Count > 0;

    public T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ValidationFailure e)
        {
            errors.AddRange(e.Errors);
            return default!;
        }
    }

    /// <summary>An asynchronous read (a field checked against the database); a refusal is kept like <see cref="Read{T}"/>'s.</summary>
    public async Task<T> ReadAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (ValidationFailure e)
        {
            errors.AddRange(e.Errors);
            return default!;
        }
    }

    public void Check(Action check) => Read(() =>
    {
        check();
        return 0;
    });

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw ValidationFailure.Of(errors.ToList());
        }
    }
}
