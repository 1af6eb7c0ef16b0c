namespace Gongkai.Platform.Audit;

/// <summary>What an audit event records besides a change of the platform's data.</summary>
public enum AuditKind
{
    /// <summary>A state change: written in the same unit of work as the change, one per use case.</summary>
    Change,

    /// <summary>An access recorded although nothing else changes: personal data viewed, a letter downloaded, a sign-in.</summary>
    Access,
}

/// <summary>
/// One kind of audit event from a module's catalogue: <see cref="Name"/> is the text stored in
/// <see cref="AuditEvent.Action"/> (never change it: old rows keep it), <see cref="Label"/> what a clerk reads.
/// Declared as a public static readonly field of the module's catalogue class (docs/ARCHITECTURE.md §The audit rule).
/// </summary>
public sealed record AuditAction(string Name, string Label, AuditKind Kind = AuditKind.Change)
{
    public override string ToString() => Name;
}
