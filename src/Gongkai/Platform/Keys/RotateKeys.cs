using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Keys;

/// <summary>
/// <c>gongkai keys rotate</c>. Master key: a new key is written first beside the old one in the key file (so a crash
/// leaves both usable), every data-protection key is re-wrapped under it, then the old one is dropped; with
/// <c>GONGKAI_MASTER_KEY</c> the operator puts the new key first in the variable and the keys are re-wrapped under it.
/// Data key: a new data-protection key becomes the default, every registered encrypted column is re-encrypted under it
/// (values under already revoked keys too), and with <c>revokeOld</c> every older key is revoked, which also ends
/// sign-in cookies and open forms.
/// </summary>
public sealed class RotateKeys(GongkaiDb db, MasterKeys keys, KeyRingGuard guard, IKeyManager keyManager, IDataProtectionProvider provider,
    IEnumerable<ProtectedColumn> columns, AuditLog audit, TimeProvider clock)
{
    private const int Batch = 500;

    public sealed record MasterResult(string MasterKeyId, string? PreviousMasterKeyId, int KeysRewrapped, bool FromEnvironment);

    public sealed record DataResult(Guid DataKeyId, int ValuesReencrypted, int KeysRevoked);

    public async Task<MasterResult> MasterAsync(CancellationToken ct = default)
    {
        var before = keys.Load();
        MasterKey current;
        if (keys.FromEnvironment)
        {
            current = before[0];
        }
        else
        {
            current = MasterKey.New();
            keys.WriteFile([current, .. before]);
        }

        var n = await guard.RewrapAllAsync(PlatformAuditActions.KeysRotateMaster, "更换主密钥", ct);
        if (!keys.FromEnvironment)
        {
            keys.WriteFile([current]);
        }

        return new(current.Id, before.FirstOrDefault(k => k.Id != current.Id)?.Id, n, keys.FromEnvironment);
    }

    public async Task<DataResult> DataAsync(bool revokeOld, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var fresh = keyManager.CreateNewKey(now, now.AddDays(90));
        await UntilDefaultAsync(fresh.KeyId, ct);
        var total = 0;
        foreach (var group in columns.GroupBy(c => c.Entity))
        {
            var method = typeof(RotateKeys).GetMethod(nameof(ReencryptAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(group.Key);
            total += await (Task<int>)method.Invoke(this, [group.ToList(), ct])!;
        }

        var revoked = 0;
        if (revokeOld)
        {
            foreach (var old in keyManager.GetAllKeys().Where(k => k.KeyId != fresh.KeyId && !k.IsRevoked))
            {
                keyManager.RevokeKey(old.KeyId, "gongkai keys rotate --revoke-old");
                revoked++;
            }
        }

        audit.Record(PlatformAuditActions.KeysRotateData, "KeyRing", fresh.KeyId.ToString(),
            $"更换数据保护密钥：新密钥 {fresh.KeyId}，重新加密{total}个字段值" + (revokeOld ? $"，吊销旧密钥{revoked}个" : ""));
        await db.SaveChangesAsync(ct);
        return new(fresh.KeyId, total, revoked);
    }

    /// <summary>
    /// The key ring is refreshed in the background: protect a probe until the new key is the one used, so no value is
    /// re-encrypted under an old key.
    /// </summary>
    private async Task UntilDefaultAsync(Guid keyId, CancellationToken ct)
    {
        var probe = provider.CreateProtector("Gongkai.Keys.RotationProbe");
        for (var waited = TimeSpan.Zero; KeyOf(probe.Protect([1])) != keyId; waited += TimeSpan.FromMilliseconds(100))
        {
            if (waited > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"新的数据保护密钥 {keyId} 在30秒内未生效，未重新加密任何字段。");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>The key a Data Protection payload was made with (after its 4-byte magic header).</summary>
    private static Guid KeyOf(byte[] payload) => new(payload.AsSpan(4, 16));

    private async Task<int> ReencryptAsync<T>(List<ProtectedColumn> group, CancellationToken ct) where T : class
    {
        var protectors = group.ToDictionary(c => c.Property, c => (IPersistedDataProtector)provider.CreateProtector(c.Purpose));
        var ids = await db.Set<T>().AsNoTracking().Select(e => EF.Property<Guid>(e, "Id")).ToListAsync(ct);
        var count = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            var rows = await db.Set<T>().Where(e => chunk.Contains(EF.Property<Guid>(e, "Id"))).ToListAsync(ct);
            foreach (var row in rows)
            {
                foreach (var (property, protector) in protectors)
                {
                    var entry = db.Entry(row).Property(property);
                    if (entry.CurrentValue is string { Length: > 0 } value)
                    {
                        var plain = protector.DangerousUnprotect(WebEncoders.Base64UrlDecode(value), ignoreRevocationErrors: true, out _, out _);
                        entry.CurrentValue = WebEncoders.Base64UrlEncode(protector.Protect(plain));
                        count++;
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return count;
    }
}
