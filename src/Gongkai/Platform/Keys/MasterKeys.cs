using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Platform.Keys;

/// <summary>A key-encryption key and its short fingerprint (recorded beside every key it wraps).</summary>
public sealed record MasterKey(byte[] Bytes)
{
    public string Id { get; } = Convert.ToHexStringLower(SHA256.HashData([.. "gongkai-kek:"u8, .. Bytes])[..4]);

    public static MasterKey New() => new(RandomNumberGenerator.GetBytes(32));

    public string Text => Convert.ToBase64String(Bytes);
}

/// <summary>
/// Where the key-encryption keys (主密钥) come from, outside the database: the environment variable
/// <c>GONGKAI_MASTER_KEY</c> (base64 of 32 bytes; several separated by commas, the first current and the others still
/// accepted for unwrapping during a rotation), else the file <c>Keys:MasterKeyFile</c> (default <c>data/master.key</c>,
/// relative to the working directory like the default database; one key per line, the first current, owner-only
/// permissions). The file is read on every use, so instances sharing it see a rotation without restarting.
/// </summary>
public sealed class MasterKeys(IConfiguration configuration)
{
    public const string EnvironmentVariable = "GONGKAI_MASTER_KEY";

    public string FilePath { get; } = Path.GetFullPath(configuration["Keys:MasterKeyFile"] ?? Path.Combine("data", "master.key"));

    public bool FromEnvironment => !string.IsNullOrWhiteSpace(configuration[EnvironmentVariable]);

    /// <summary>Where a key is looked for, for messages: both places, in the order they are tried.</summary>
    public string Where => $"环境变量 {EnvironmentVariable} 或文件 {FilePath}（配置项 Keys:MasterKeyFile） / environment variable {EnvironmentVariable} or file {FilePath} (Keys:MasterKeyFile)";

    /// <summary>The configured keys, current first; empty when there are none.</summary>
    public IReadOnlyList<MasterKey> Load()
    {
        if (configuration[EnvironmentVariable] is { } env && !string.IsNullOrWhiteSpace(env))
        {
            return Parse(env.Split(','), $"环境变量 {EnvironmentVariable}");
        }

        return File.Exists(FilePath) ? Parse(File.ReadAllLines(FilePath), FilePath) : [];
    }

    public MasterKey Current() => Load() is [var first, ..] ? first : throw new MasterKeyMissingException(this);

    /// <summary>Creates the key file with a new key (owner read/write only); false when another process created it first.</summary>
    public bool CreateFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temp = WriteTemp([MasterKey.New()]);
        try
        {
            File.Move(temp, FilePath, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(FilePath))
        {
            File.Delete(temp);
            return false;
        }
    }

    /// <summary>Replaces the key file at once (write beside, then rename): the keys given, current first.</summary>
    public void WriteFile(IReadOnlyList<MasterKey> keys) => File.Move(WriteTemp(keys), FilePath, overwrite: true);

    private string WriteTemp(IReadOnlyList<MasterKey> keys)
    {
        var temp = FilePath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.WriteLine("# 公开 Gongkai 主密钥（key-encryption key）：第一行为当前密钥。与数据库分开保存并备份；丢失后已加密的个人信息无法解密。");
            foreach (var key in keys)
            {
                writer.WriteLine(key.Text);
            }

            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        return temp;
    }

    private static List<MasterKey> Parse(IEnumerable<string> lines, string source)
    {
        var keys = new List<MasterKey>();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var bytes = new byte[32];
            if (!Convert.TryFromBase64String(line, bytes, out var n) || n != 32)
            {
                throw new KeyRingException($"{source} 中的主密钥格式不正确：应为32字节密钥的 base64 编码（44个字符）。 / The master key in {source} is not the base64 of 32 bytes.");
            }

            keys.Add(new MasterKey(bytes));
        }

        return keys;
    }
}

/// <summary>The key ring cannot be used as configured: start-up stops with this message (Chinese and English).</summary>
public class KeyRingException(string message) : Exception(message);

public sealed class MasterKeyMissingException(MasterKeys keys) : KeyRingException(
    "数据库中已有加密个人信息所用的密钥，但找不到主密钥。请设置 " + keys.Where + "。系统不会自动生成新的主密钥，否则已加密的个人信息将无法解密；请从备份中恢复主密钥。"
    + " / The database holds data-protection keys but no master key was found; expected in " + keys.Where
    + ". A new master key is not created automatically, as it could not decrypt the existing data: restore the key from your backup.");
