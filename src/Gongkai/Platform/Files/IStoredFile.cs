namespace Gongkai.Platform.Files;

/// <summary>A row that refers to a file in the <see cref="FileStore"/> by its SHA-256; the sweep keeps every file such a row names.</summary>
public interface IStoredFile
{
    string Sha256 { get; }
}
