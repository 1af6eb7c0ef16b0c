using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Data;

/// <summary>
/// Optimistic concurrency for every <see cref="IVersioned"/> record, the same on SQLite and PostgreSQL: the version is an
/// ordinary integer column configured as a concurrency token, so EF writes <c>UPDATE … SET "Version" = v+1 WHERE "Id" = …
/// AND "Version" = v</c> and a save whose version someone else already counted up updates no row
/// (<see cref="DbUpdateConcurrencyException"/>). The check sits in the UPDATE itself, so it holds across instances and
/// whatever order SQLite's write gate lets transactions through.
/// </summary>
public static class RowVersions
{
    /// <summary>Annotation of a unique index whose violation means two people edited the same record at once.</summary>
    public const string EditRaceAnnotation = "Gongkai:DecidesEditRace";

    public static void Configure(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType) && t.BaseType is null).ToList())
        {
            builder.Entity(type.ClrType).Property(nameof(IVersioned.RowVersion)).IsConcurrencyToken();
        }
    }

    /// <summary>
    /// Marks a unique index that numbers the parts of a record (a request's clock events, a document's revisions): two
    /// editors who read the same record take the same next number, and the index refuses the second. That is reported as
    /// the same edit conflict as a stale version, not as a fault; other unique indexes keep their own meaning.
    /// </summary>
    public static IndexBuilder<T> DecidesEditRace<T>(this IndexBuilder<T> index) => index.HasAnnotation(EditRaceAnnotation, true);

    /// <summary>
    /// Counts up the version of every versioned record that this save changes: modified itself, or one of its loaded
    /// parts (a collection navigation's entities) added, modified or removed.
    /// </summary>
    public static void Bump(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IVersioned>().ToList())
        {
            if (entry.State == EntityState.Modified || entry.State == EntityState.Unchanged && PartChanged(entry))
            {
                var version = entry.Property(e => e.RowVersion);
                if (!version.IsModified)
                {
                    version.CurrentValue = version.OriginalValue + 1;
                }
            }
        }
    }

    private static bool PartChanged(EntityEntry entry)
    {
        foreach (var collection in entry.Collections)
        {
            if (collection.IsModified)
            {
                return true;
            }

            if (collection.CurrentValue is { } parts)
            {
                foreach (var part in parts)
                {
                    if (entry.Context.Entry(part).State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
