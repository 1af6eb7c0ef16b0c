using System.Reflection;

namespace Gongkai.Platform.Audit;

/// <summary>One module's audit events: the public static <see cref="AuditAction"/> fields of its catalogue class.</summary>
public sealed record AuditModule(string Name, IReadOnlyList<AuditAction> Actions)
{
    public static AuditModule Of(string name, Type catalogueClass) => new(name,
        [.. catalogueClass.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(AuditAction)).Select(f => (AuditAction)f.GetValue(null)!)]);
}

/// <summary>
/// Every audit event the application can write, by module (docs/ARCHITECTURE.md §The audit rule). Each module registers
/// its catalogue class with <see cref="AuditCatalogueRegistration.AddAuditActions"/>; <see cref="AuditLog"/> refuses an
/// event not registered here, and the audit page takes its labels and its filter from here.
/// </summary>
public sealed class AuditCatalogue
{
    private readonly Dictionary<string, AuditAction> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditAction> byLabel = new(StringComparer.Ordinal);

    public AuditCatalogue(IEnumerable<AuditModule> modules)
    {
        Modules = [.. modules];
        foreach (var action in Modules.SelectMany(m => m.Actions))
        {
            if (!byName.TryAdd(action.Name, action) || !byLabel.TryAdd(action.Label, action))
            {
                throw new InvalidOperationException($"审计事件重复登记：{action.Name}（{action.Label}）。");
            }
        }
    }

    public IReadOnlyList<AuditModule> Modules { get; }

    public IEnumerable<AuditAction> All => Modules.SelectMany(m => m.Actions);

    public bool Contains(AuditAction action) => byName.TryGetValue(action.Name, out var known) && known == action;

    /// <summary>The catalogued event stored as <paramref name="name"/>; null for a name no module declares.</summary>
    public AuditAction? Find(string? name) => name is not null && byName.TryGetValue(name, out var action) ? action : null;

    public AuditAction? FindByLabel(string? label) => label is not null && byLabel.TryGetValue(label, out var action) ? action : null;

    /// <summary>What a clerk reads for a stored action: its label, or the stored text itself if no module declares it.</summary>
    public string Label(string name) => Find(name)?.Label ?? name;
}

public static class AuditCatalogueRegistration
{
    /// <summary>Registers a module's catalogue class (a static class of <see cref="AuditAction"/> fields).</summary>
    public static IServiceCollection AddAuditActions(this IServiceCollection services, string module, Type catalogueClass)
    {
        services.AddSingleton(AuditModule.Of(module, catalogueClass));
        return services;
    }
}
