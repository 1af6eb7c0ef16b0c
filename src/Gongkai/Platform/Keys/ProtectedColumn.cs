namespace Gongkai.Platform.Keys;

/// <summary>
/// A column holding personal data encrypted with Data Protection under <paramref name="Purpose"/>. Each module
/// registers its columns; <c>gongkai keys rotate --data</c> re-encrypts every registered column, and a test checks
/// that every <c>…Protected</c> property of the model is registered, so a new encrypted field cannot be missed.
/// The entity must have a <see cref="Guid"/> key named Id.
/// </summary>
public sealed record ProtectedColumn(Type Entity, string Property, string Purpose);
