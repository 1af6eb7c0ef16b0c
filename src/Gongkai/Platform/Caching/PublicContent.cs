using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gongkai.Platform.Caching;

/// <summary>
/// Which stored records the public sees, under which <see cref="ContentTags">tags</see>. Every entity type of the model
/// is declared once, by the module that owns it: public (with its tags, and optionally which changes matter) or
/// private (requests, audit, staff: never on a cached page). A change to a type nobody declared raises every tag, so a
/// forgotten declaration costs speed, never correctness; the architecture test <c>PublicContentDeclarationsTests</c>
/// names the undeclared ones.
/// </summary>
public static class PublicContent
{
    /// <summary>Declares entity types the public sees: saving any change to one raises <paramref name="tags"/>.</summary>
    public static IServiceCollection AddPublicContent(this IServiceCollection services, string[] tags, params Type[] entities)
    {
        foreach (var type in entities)
        {
            services.AddSingleton(new PublicContentRule(type, tags, null));
        }

        return services;
    }

    /// <summary>
    /// Declares a public entity type whose changes matter only when <paramref name="affects"/> says so (a document's
    /// draft is not on the site: only a change to a document that is or was public raises the tags).
    /// </summary>
    public static IServiceCollection AddPublicContent<T>(this IServiceCollection services, string[] tags, Func<EntityEntry<T>, bool> affects)
        where T : class =>
        services.AddSingleton(new PublicContentRule(typeof(T), tags, e => affects(e.Context.Entry((T)e.Entity))));

    /// <summary>Declares entity types no cached page shows.</summary>
    public static IServiceCollection AddPrivateContent(this IServiceCollection services, params Type[] entities)
    {
        foreach (var type in entities)
        {
            services.AddSingleton(new PublicContentRule(type, [], null));
        }

        return services;
    }
}

public sealed record PublicContentRule(Type Entity, IReadOnlyList<string> Tags, Func<EntityEntry, bool>? Affects);

/// <summary>The declarations of <see cref="PublicContent"/>, asked by the change tracking on every save.</summary>
public sealed class PublicContentCatalogue
{
    private readonly Dictionary<Type, PublicContentRule> rules = [];
    private readonly Lock gate = new();
    private Dictionary<string, IReadOnlyList<string>>? tables;

    public PublicContentCatalogue(IEnumerable<PublicContentRule> declared)
    {
        foreach (var rule in declared)
        {
            if (rules.TryGetValue(rule.Entity, out var earlier) && !earlier.Tags.SequenceEqual(rule.Tags))
            {
                throw new InvalidOperationException($"{rule.Entity.Name} is declared twice as public content with different tags.");
            }

            rules[rule.Entity] = rule;
        }
    }

    /// <summary>Whether the type was declared (public or private).</summary>
    public bool IsDeclared(Type entity) => rules.ContainsKey(entity);

    /// <summary>The tags a set of tracked changes raises.</summary>
    public void Collect(ChangeTracker tracker, ISet<string> into)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (!rules.TryGetValue(Root(entry.Metadata).ClrType, out var rule))
            {
                into.UnionWith(ContentTags.All);
                continue;
            }

            if (rule.Tags.Count > 0 && (rule.Affects is null || entry.Metadata.IsOwned() || rule.Affects(entry)))
            {
                into.UnionWith(rule.Tags);
            }
        }
    }

    /// <summary>The tags raised by a statement that writes <paramref name="table"/> outside the change tracker (ExecuteUpdate, raw SQL).</summary>
    public IReadOnlyList<string> TagsOfTable(IModel model, string table)
    {
        lock (gate)
        {
            tables ??= model.GetEntityTypes()
                .Where(t => t.GetTableName() is not null)
                .GroupBy(t => t.GetTableName()!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g
                    .SelectMany(t => rules.TryGetValue(Root(t).ClrType, out var r) ? r.Tags : ContentTags.All)
                    .Distinct().ToList(), StringComparer.OrdinalIgnoreCase);
        }

        // A table the model does not know (an FTS index, the readiness probe) is not content.
        return tables.TryGetValue(table, out var tags) ? tags : [];
    }

    private static IReadOnlyEntityType Root(IReadOnlyEntityType type)
    {
        while (type.FindOwnership() is { } owner)
        {
            type = owner.PrincipalEntityType;
        }

        return type;
    }
}
