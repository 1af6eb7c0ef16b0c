using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Gongkai.Platform.Data;

/// <summary>
/// Someone else changed the record since the editor read it (<see cref="IVersioned"/>). Nothing was saved. The API answers
/// 409 with <see cref="Message"/>, pages show it above the form. Thrown for a stale form (the version the page or client
/// saw is no longer the record's); a save that loses a race fails inside EF instead, and <see cref="Is"/> recognises both.
/// </summary>
public sealed class EditConflict() : Exception(Text)
{
    public const string Text = "已被他人修改，请刷新后重试";

    /// <summary>Refuses the edit when the caller says which version it saw and the record has moved on.</summary>
    public static void Expect(IVersioned record, long? seen)
    {
        if (seen is { } v && v != record.RowVersion)
        {
            throw new EditConflict();
        }
    }

    /// <summary>
    /// Whether the error is a lost edit race: this exception, EF's concurrency failure (the version in the UPDATE's WHERE
    /// no longer matched), or a unique violation of an index marked <see cref="RowVersions.DecidesEditRace{T}"/> (two
    /// editors took the same next number). Any other unique violation keeps its own meaning.
    /// </summary>
    public static bool Is(Exception? error) => error switch
    {
        null => false,
        EditConflict or DbUpdateConcurrencyException => true,
        DbUpdateException update => RaceIndexViolated(update),
        _ => false,
    };

    private static bool RaceIndexViolated(DbUpdateException update)
    {
        var model = update.Entries.FirstOrDefault()?.Context.Model;
        if (model is null)
        {
            return false;
        }

        var races = model.GetEntityTypes().SelectMany(t => t.GetIndexes())
            .Where(i => i.FindAnnotation(RowVersions.EditRaceAnnotation)?.Value is true)
            .SelectMany(i => i.GetMappedTableIndexes());
        return update.InnerException switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => races.Any(i => i.Name == pg.ConstraintName),
            SqliteException { SqliteErrorCode: 19 } lite => SqliteColumns(lite.Message) is { } failed
                && races.Any(i => i.Columns.Select(c => $"{i.Table.Name}.{c.Name}").Order().SequenceEqual(failed.Order())),
            _ => false,
        };
    }

    /// <summary>The "table.column" list of SQLite's "UNIQUE constraint failed: t.a, t.b" message.</summary>
    private static string[]? SqliteColumns(string message)
    {
        const string marker = "UNIQUE constraint failed: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = message[(at + marker.Length)..];
        var end = rest.IndexOf('\'');
        return (end < 0 ? rest : rest[..end]).TrimEnd('.').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
