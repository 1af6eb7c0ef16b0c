using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Files;

/// <summary>
/// Removes files of the <see cref="FileStore"/> that no row refers to (<see cref="IStoredFile"/>): left by a unit of work
/// that died between writing and discarding its file, or no longer referred to. Only files untouched for
/// <see cref="MinimumAge"/> are considered, so a unit of work still open (an upload in progress, a letter being archived)
/// never loses its file. A pending file that a row does refer to (its unit of work committed, then the process stopped
/// before moving it) is moved into place instead.
/// </summary>
public sealed class SweepFiles(GongkaiDb db, FileStore store, TimeProvider clock)
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);
    private const int Batch = 500;

    public sealed record Result(int Examined, int Kept, int Recovered, IReadOnlyList<string> Removed, long RemovedBytes, bool DryRun);

    public async Task<Result> RunAsync(bool dryRun, CancellationToken ct = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - MinimumAge;
        var old = new List<(string Path, string Hash, bool Pending, long Size)>();
        var examined = 0;
        if (Directory.Exists(store.Root))
        {
            foreach (var path in Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories))
            {
                examined++;
                var info = new FileInfo(path);
                var name = info.Name;
                var pending = name.EndsWith(FileStore.PendingSuffix, StringComparison.Ordinal);
                var hash = name.Length >= 64 ? name[..64] : name;
                if (info.LastWriteTimeUtc <= before && FileStore.IsHash(hash) && (pending || name.Length == 64))
                {
                    old.Add((path, hash, pending, info.Length));
                }
            }
        }

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in old.Select(f => f.Hash).Distinct().Chunk(Batch))
        {
            referenced.UnionWith(await ReferencedAsync(chunk, ct));
        }

        var removed = new List<string>();
        long bytes = 0;
        var recovered = 0;
        foreach (var file in old)
        {
            if (referenced.Contains(file.Hash))
            {
                if (file.Pending && !dryRun)
                {
                    var final = Path.Combine(Path.GetDirectoryName(file.Path)!, file.Hash);
                    var had = File.Exists(final);
                    FileStore.Recover(final);
                    recovered += had ? 0 : 1;
                    if (had && File.Exists(file.Path))
                    {
                        File.Delete(file.Path);
                    }
                }

                continue;
            }

            removed.Add(Path.GetRelativePath(store.Root, file.Path));
            bytes += file.Size;
            if (!dryRun)
            {
                File.Delete(file.Path);
            }
        }

        return new Result(examined, examined - removed.Count, recovered, removed, bytes, dryRun);
    }

    /// <summary>Which of the hashes some <see cref="IStoredFile"/> row of any module names.</summary>
    private async Task<List<string>> ReferencedAsync(string[] hashes, CancellationToken ct)
    {
        var found = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(IStoredFile).IsAssignableFrom(t.ClrType)).Select(t => t.ClrType).Distinct())
        {
            var query = (Task<List<string>>)typeof(SweepFiles).GetMethod(nameof(NamedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, [hashes, ct])!;
            found.AddRange(await query);
        }

        return found;
    }

    private Task<List<string>> NamedAsync<T>(string[] hashes, CancellationToken ct) where T : class, IStoredFile =>
        db.Set<T>().AsNoTracking().Where(r => hashes.Contains(r.Sha256)).Select(r => r.Sha256!).Distinct().ToListAsync(ct);
}
