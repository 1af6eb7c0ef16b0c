namespace Gongkai.Platform;

/// <summary>
/// The one reading of free text typed by a person or sent by a program: surrounding white space is dropped, a blank
/// value is stored as null (never as "" or "   "), and an over-long value is refused with a Chinese message naming the
/// field instead of being cut or failing in the database. Pages, the API and the CLI reach it through the use case.
/// </summary>
public static class InputText
{
    /// <summary>The trimmed text, or null when nothing but white space was given.</summary>
    public static string? OrNull(string? value)
    {
        var v = value?.Trim();
        return string.IsNullOrEmpty(v) ? null : v;
    }

    /// <summary>The trimmed text, or null when blank; longer than <paramref name="max"/> is refused with <paramref name="tooLong"/>.</summary>
    public static string? OrNull(string? value, int max, string tooLong, string? field = null)
    {
        var v = OrNull(value);
        return v is { Length: var length } && length > max ? throw new ValidationFailure(tooLong, field) : v;
    }

    /// <summary>
    /// A labelled field: the trimmed text, or null when blank (refused with 请填写… when <paramref name="required"/>);
    /// longer than <paramref name="max"/> is refused with …不能超过N个字.
    /// </summary>
    public static string? Field(string? value, string label, int max, string field, bool required = false)
    {
        var v = OrNull(value);
        if (v is null)
        {
            return required ? throw new ValidationFailure($"请填写{label}。", field) : null;
        }

        return v.Length > max ? throw new ValidationFailure($"{label}不能超过{max}个字。", field) : v;
    }
}
