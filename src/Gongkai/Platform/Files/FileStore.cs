using System.Security.Cryptography;
using Gongkai.Platform.Data;

namespace Gongkai.Platform.Files;

/// <summary>
/// Stores file contents by SHA-256 under a folder (Files:Root, default data/files), so identical uploads are
/// stored once and a stored file never changes. Point Files:Root at shared storage when running several nodes.
/// A file is written for a unit of work and takes its place only when that unit of work commits
/// (<see cref="StagedFiles"/>): a step that fails or loses a race leaves no file no row refers to.
/// </summary>
public sealed class FileStore(IConfiguration configuration, TimeProvider clock)
{
    internal const string PendingSuffix = ".pending";

    private readonly string root = Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine("data", "files"));

    public sealed record Stored(string Sha256, long Size);

    /// <summary>The folder of the store (for the sweep).</summary>
    public string Root => root;

    /// <summary>
    /// Writes the content for <paramref name="db"/>'s unit of work: under a pending name until it commits, deleted if it
    /// does not. Content already stored is not written again; it is marked as just used so the sweep leaves it alone
    /// while the unit of work that now refers to it is still open.
    /// </summary>
    public async Task<Stored> SaveAsync(GongkaiDb db, byte[] content, CancellationToken ct = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            File.SetLastWriteTimeUtc(path, clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var pending = $"{path}.{Guid.NewGuid():N}{PendingSuffix}";
            await File.WriteAllBytesAsync(pending, content, ct);
            File.SetLastWriteTimeUtc(pending, clock.GetUtcNow().UtcDateTime);
            db.StagedFiles.Add(pending, path);
        }

        return new Stored(hash, content.LongLength);
    }

    public Stream? Open(string sha256)
    {
        if (!IsHash(sha256))
        {
            return null;
        }

        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            // Its unit of work committed (a row refers to it) but stopped before moving the file into place.
            Recover(path);
        }

        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    internal static bool IsHash(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);

    /// <summary>Moves a pending copy of a committed file into place (any copy: the name is the content's hash).</summary>
    internal static void Recover(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var pending in Directory.EnumerateFiles(folder, Path.GetFileName(path) + ".*" + PendingSuffix))
        {
            try
            {
                File.Move(pending, path, overwrite: false);
                return;
            }
            catch (IOException) when (File.Exists(path))
            {
                return;
            }
            catch (FileNotFoundException)
            {
                // Another unit of work moved or discarded this copy meanwhile; try the next.
            }
        }
    }

    private string PathOf(string hash) => Path.Combine(root, hash[..2], hash);
}
