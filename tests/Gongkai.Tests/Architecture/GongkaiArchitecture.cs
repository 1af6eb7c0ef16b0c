using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Loader;

namespace Gongkai.Tests.Architecture;

/// <summary>
/// The application assembly as ArchUnitNET reads it (types, members, and who calls what), loaded once, with the
/// helpers the architecture tests share: which module a type belongs to, and every dependency of a type including
/// those of the compiler-generated types inside it (async state machines, the lambdas of minimal API endpoints).
/// </summary>
internal static class GongkaiArchitecture
{
    public static readonly string[] Modules = ["Requests", "Disclosure", "Policy", "Plans", "Reports"];

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() =>
        new ArchLoader().LoadAssemblies(typeof(Gongkai.Platform.Staff.StaffAccess).Assembly).Build());

    public static ArchUnitNET.Domain.Architecture Architecture => Loaded.Value;

    /// <summary>The types written in the project (not the compiler's nested helpers, which count as part of their outer type).</summary>
    public static IEnumerable<IType> OwnTypes => Architecture.Types.Where(t => !IsNested(t) && !t.Name.StartsWith('<'));

    /// <summary>
    /// The module (Requests, Disclosure, …) a type belongs to: by namespace (Gongkai.Requests.…), or for a compiled Razor
    /// view (AspNetCoreGeneratedDocument.Requests_Pages_…) by its file path; null for Platform and everything else.
    /// </summary>
    public static string? ModuleOf(IType type)
    {
        // A generic parameter (T in List<T>) has no namespace.
        var space = type.Namespace?.FullName ?? "";
        var name = space == "AspNetCoreGeneratedDocument" ? type.Name.Split('_')[0] : space.Split('.') is ["Gongkai", var m, ..] ? m : null;
        return name is not null && Modules.Contains(name) ? name : null;
    }

    /// <summary>Whether the type is a Razor page model or compiled view, or a minimal API endpoint class (…Api).</summary>
    public static bool IsEntryPoint(IType type) =>
        type.Namespace.FullName.Contains(".Pages", StringComparison.Ordinal)
        || (type.Namespace.FullName == "AspNetCoreGeneratedDocument" && type.Name.Contains("_Pages_", StringComparison.Ordinal))
        || (type.Name.EndsWith("Api", StringComparison.Ordinal) && type.Namespace.FullName.StartsWith("Gongkai.", StringComparison.Ordinal));

    /// <summary>The type's dependencies and those of the types nested in it (state machines, closures).</summary>
    public static IEnumerable<ITypeDependency> DependenciesOf(IType type) =>
        Architecture.Types.Where(t => t.Equals(type) || t.FullName.StartsWith(type.FullName + "+", StringComparison.Ordinal)
                || t.FullName.StartsWith(type.FullName + "/", StringComparison.Ordinal))
            .SelectMany(t => t.Dependencies.Concat(t.Members.SelectMany(m => m.MemberDependencies.Cast<ITypeDependency>())));

    /// <summary>The names of the methods (and property getters) the type calls, e.g. <c>RequestsData.get_DisclosureRequests</c>.</summary>
    public static IEnumerable<string> CallsOf(IType type) =>
        DependenciesOf(type).OfType<MethodCallDependency>().Select(d => d.TargetMember.DeclaringType.Name + "." + d.TargetMember.Name.Split('(')[0]);

    private static bool IsNested(IType type) => type.FullName.Contains('+') || type.FullName.Contains('/');
}
