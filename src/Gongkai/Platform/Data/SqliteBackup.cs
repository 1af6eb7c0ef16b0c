using System.Xml.Linq;
using Gongkai.Platform.Keys;
using Microsoft.Data.Sqlite;

namespace Gongkai.Platform.Data;

/// <summary>
/// <c>gongkai db backup|restore</c> on SQLite. A backup is <c>VACUUM INTO</c> from a read transaction: one consistent
/// snapshot that includes what is still in the write-ahead log (a plain file copy misses it), taken while the server
/// keeps writing. Beside it, <c>FILE.key</c> (owner read/write only) holds the master keys without which the personal
/// data in it cannot be decrypted; keep the two on different media. A restore refuses a target that exists unless
/// forced, checks the file's integrity and that the key unwraps every data-protection key in it, then puts the database
/// (without any stale -wal/-shm) and the key in place.
/// </summary>
public static class SqliteBackup
{
    public sealed record Backup(string File, string KeyFile, long Bytes, int Keys);

    public sealed record Restore(string Database, string? KeyFile, long Bytes, int Keys);

    public static string KeyFileOf(string backup) => backup + ".key";

    public static async Task<Backup> BackupAsync(string connectionString, MasterKeys keys, string file, bool force, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        var keyFile = KeyFileOf(file);
        if (!force && (File.Exists(file) || File.Exists(keyFile)))
        {
            throw new ValidationFailure($"备份文件 {file} 或 {keyFile} 已存在；换一个文件名，或加 --force 覆盖。");
        }

        var master = keys.Load();
        if (master.Count == 0)
        {
            throw new MasterKeyMissingException(keys);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var conn = new SqliteConnection(connectionString))
        {
            await conn.OpenAsync(ct);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "VACUUM INTO $file";
            cmd.Parameters.AddWithValue("$file", temp);
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }

        var ring = await CheckAsync(temp, master, ct);
        new MasterKeys(KeyFileSettings(keyFile + ".tmp")).WriteFile(master);
        File.Move(temp, file, overwrite: true);
        File.Move(keyFile + ".tmp", keyFile, overwrite: true);
        return new(file, keyFile, new FileInfo(file).Length, ring);
    }

    public static async Task<Restore> RestoreAsync(string file, string? keyFile, string targetConnectionString, MasterKeys targetKeys, bool force, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        keyFile = Path.GetFullPath(keyFile ?? KeyFileOf(file));
        if (!File.Exists(file))
        {
            throw new ValidationFailure($"找不到备份文件 {file}。");
        }

        var backupKeys = File.Exists(keyFile) ? new MasterKeys(KeyFileSettings(keyFile)).Load() : [];
        var keys = backupKeys.Concat(targetKeys.Load().Where(k => backupKeys.All(b => b.Id != k.Id))).ToList();
        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(targetConnectionString).DataSource);
        if (!force && (File.Exists(target) || File.Exists(target + "-wal")))
        {
            throw new ValidationFailure($"目标数据库 {target} 已存在；确认要用备份覆盖它时加 --force（请先停止服务）。");
        }

        var ring = await CheckAsync(file, keys, ct);
        if (targetKeys.FromEnvironment && backupKeys.Any(b => targetKeys.Load().All(k => k.Id != b.Id)))
        {
            throw new ValidationFailure($"主密钥来自环境变量 {MasterKeys.EnvironmentVariable}，但其中没有备份所用的主密钥：请把 {keyFile} 中的密钥放入该环境变量后再恢复。");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.Copy(file, temp);
        SqliteConnection.ClearAllPools();
        foreach (var stale in new[] { target + "-wal", target + "-shm", target })
        {
            File.Delete(stale);
        }

        File.Move(temp, target);
        string? placed = null;
        if (!targetKeys.FromEnvironment && backupKeys.Count > 0)
        {
            targetKeys.WriteFile(keys);
            placed = targetKeys.FilePath;
        }

        return new(target, placed, new FileInfo(target).Length, ring);
    }

    /// <summary>The file passes <c>PRAGMA integrity_check</c> and the keys unwrap every data-protection key in it; the number of keys.</summary>
    private static async Task<int> CheckAsync(string file, IReadOnlyList<MasterKey> keys, CancellationToken ct)
    {
        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        await using (var check = conn.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            if (await check.ExecuteScalarAsync(ct) is not "ok")
            {
                throw new ValidationFailure($"备份文件 {file} 未通过完整性检查（PRAGMA integrity_check），不能使用。");
            }
        }

        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\"";
        var count = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            count++;
            foreach (var wrapped in XElement.Parse(reader.GetString(0)).Descendants(MasterKeyXml.Wrapped))
            {
                try
                {
                    MasterKeyXml.Unwrap(wrapped, keys);
                }
                catch (System.Security.Cryptography.CryptographicException e)
                {
                    throw new ValidationFailure($"主密钥无法解开备份中的数据保护密钥（{e.Message}）：请使用与该备份一起保存的主密钥文件。");
                }
            }
        }

        return count;
    }

    private static IConfiguration KeyFileSettings(string keyFile) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Keys:MasterKeyFile"] = keyFile }).Build();
}
