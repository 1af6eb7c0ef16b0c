namespace Gongkai;

/// <summary>
/// Marker for the shared UI text resources. Keys are the zh-CN text itself, so zh-CN needs no resource
/// file and another language adds Resources/SharedResource.{culture}.resx with the same keys.
/// </summary>
public sealed class SharedResource;
