using System.Xml.Linq;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Keys;

/// <summary>
/// Keeps the data-protection key ring in the database wrapped under the master key held outside it. At start-up:
/// no master key and no keys yet → create the key file; keys but no master key, or keys wrapped under a master key
/// that is not configured → stop with a message saying where the key is expected (a new master key would orphan the
/// data); keys stored in the clear by an earlier version → wrap them now, audited.
/// </summary>
public sealed class KeyRingGuard(GongkaiDb db, MasterKeys keys, IKeyWrap wrap, AuditLog audit, ILogger<KeyRingGuard> log)
{
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var rows = await db.DataProtectionKeys.ToListAsync(ct);
        var configured = keys.Load();
        if (configured.Count == 0)
        {
            if (rows.Count > 0)
            {
                throw new MasterKeyMissingException(keys);
            }

            if (keys.CreateFile())
            {
                log.LogWarning("Created the master key file {Path} (owner read/write only). Back it up apart from the database: without it the personal data cannot be decrypted.", keys.FilePath);
            }

            configured = keys.Load();
        }

        var known = configured.Select(k => k.Id).ToHashSet();
        var unknown = rows.SelectMany(r => MasterKeyXml.WrappedUnder(XElement.Parse(r.Xml ?? "<key/>")))
            .Where(id => id.Length > 0 && !known.Contains(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new KeyRingException(
                $"主密钥与数据库不匹配：数据库中的密钥由主密钥 {string.Join("、", unknown)} 加密，而 {keys.Where} 中的主密钥是 {string.Join("、", known)}。请配置正确的主密钥（从备份中恢复）。"
                + $" / The master key does not match the database: its keys are wrapped under master key {string.Join(", ", unknown)}, configured: {string.Join(", ", known)}.");
        }

        var clear = rows.Count(r => MasterKeyXml.WrappedUnder(XElement.Parse(r.Xml ?? "<key/>")).Contains(""));
        if (clear > 0)
        {
            var n = await RewrapAsync(rows, onlyClear: true, PlatformAuditActions.KeysWrap, "数据保护密钥改由主密钥加密保存（升级）", ct);
            log.LogWarning("Wrapped {Count} data-protection keys stored in the clear under master key {Id}", n, configured[0].Id);
        }
    }

    /// <summary>Wraps every key (or only those in the clear) under the current master key, audited in the same save.</summary>
    public async Task<int> RewrapAllAsync(AuditAction action, string summary, CancellationToken ct = default) =>
        await RewrapAsync(await db.DataProtectionKeys.ToListAsync(ct), onlyClear: false, action, summary, ct);

    private async Task<int> RewrapAsync(List<DataProtectionKey> rows, bool onlyClear, AuditAction action, string summary, CancellationToken ct)
    {
        var available = keys.Load();
        var current = keys.Current();
        var encryptor = new MasterKeyXmlEncryptor(keys, wrap);
        var changed = 0;
        foreach (var row in rows)
        {
            var key = XElement.Parse(row.Xml ?? "<key/>");
            var touched = false;
            foreach (var secret in key.Descendants(MasterKeyXml.EncryptedSecret).ToList())
            {
                if (onlyClear || secret.Element(MasterKeyXml.Wrapped) is not { } wrapped || (string?)wrapped.Attribute("kek") == current.Id)
                {
                    continue;
                }

                secret.ReplaceWith(Encrypted(encryptor, MasterKeyXml.Unwrap(wrapped, available)));
                touched = true;
            }

            foreach (var plain in key.Descendants().Where(e => (bool?)e.Attribute(MasterKeyXml.RequiresEncryption) == true).ToList())
            {
                plain.ReplaceWith(Encrypted(encryptor, new XElement(plain)));
                touched = true;
            }

            if (touched)
            {
                row.Xml = key.ToString(SaveOptions.DisableFormatting);
                changed++;
            }
        }

        audit.Record(action, "KeyRing", current.Id, $"{summary}：{changed}个密钥由主密钥 {current.Id} 加密");
        await db.SaveChangesAsync(ct);
        return changed;
    }

    private static XElement Encrypted(MasterKeyXmlEncryptor encryptor, XElement plain)
    {
        var info = encryptor.Encrypt(plain);
        return new XElement(MasterKeyXml.EncryptedSecret, new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement);
    }
}
