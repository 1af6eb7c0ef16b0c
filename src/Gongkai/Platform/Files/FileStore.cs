using System.Security.Cryptography;

namespace Gongkai.Platform.Files;

/// <summary>
/// Stores file contents by SHA-256 under a folder (Files:Root, default data/files), so identical uploads are
/// stored once and a stored file never changes. Point Files:Root at shared storage when running several nodes.
/// </summary>
public sealed class FileStore(IConfiguration configuration)
{
    private readonly string root = Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine("data", "files"));

    public sealed record Stored(string Sha256, long Size);

    public async Task<Stored> SaveAsync(byte[] content, CancellationToken ct = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, content, ct);
            File.Move(temp, path, overwrite: true);
        }

        return new Stored(hash, content.LongLength);
    }

    public Stream? Open(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathOf(string hash) => Path.Combine(root, hash[..2], hash);
}
