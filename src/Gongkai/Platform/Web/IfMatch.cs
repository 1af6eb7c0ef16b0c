using Gongkai.Platform.Data;

namespace Gongkai.Platform.Web;

/// <summary>
/// The version of a record an API client last read (<see cref="IVersioned"/>), sent back as <c>If-Match: "7"</c> so
/// that an edit based on a stale copy is refused with 409 rather than applied over someone else's change.
/// </summary>
public static class IfMatch
{
    public static long? Version(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return long.TryParse(value.Trim('"'), out var version) && version >= 0
            ? version
            : throw new ValidationFailure("If-Match 应为记录的版本号（如 \"3\"，见返回的 version）。");
    }

    /// <summary>Refuses the edit with <see cref="EditConflict"/> when the client named another version than the record's.</summary>
    public static void Check(HttpRequest request, IVersioned record) => EditConflict.Expect(record, Version(request));
}
