// The assembly is named "gongkai" but its resources are named from the namespace "Gongkai": tell the localizer so.
[assembly: Microsoft.Extensions.Localization.RootNamespace("Gongkai")]

namespace Gongkai;

/// <summary>
/// Marker for the shared UI text resources. Keys are the zh-CN text itself, so zh-CN needs no resource
/// file and another language adds Resources/SharedResource.{culture}.resx with the same keys (English: SharedResource.en.resx,
/// used under /en; see Platform/Web/Languages.cs).
/// </summary>
public sealed class SharedResource;
