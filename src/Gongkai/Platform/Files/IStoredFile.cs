namespace Gongkai.Platform.Files;

/// <summary>
/// A row that refers to a file in the <see cref="FileStore"/> by its SHA-256; the sweep keeps every file such a row names.
/// Null while the row's file is still to be produced (a sent letter whose PDF is rendered later).
/// </summary>
public interface IStoredFile
{
    string? Sha256 { get; }
}
