using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Staff;

/// <summary>
/// One counter of failed sign-ins, shared by every instance through the database. Three kinds of key:
/// <c>a:NAME</c> an account (by normalized user name, so an unknown name is throttled exactly like a real one),
/// <c>ip:HASH</c> a client address, <c>p:NAME:HASH</c> an address this account signed in from (<see cref="LastSuccessAt"/>).
/// Instants are Unix milliseconds so the increment can be one provider-neutral SQL statement.
/// </summary>
public sealed class SignInThrottleEntry
{
    public required string Key { get; set; }
    public int Failures { get; set; }
    public long? LastFailureAt { get; set; }
    public long? BlockedUntil { get; set; }
    public long? LastSuccessAt { get; set; }
}

internal sealed class SignInThrottleEntryConfiguration : IEntityTypeConfiguration<SignInThrottleEntry>
{
    public void Configure(EntityTypeBuilder<SignInThrottleEntry> b)
    {
        b.ToTable("sign_in_throttle");
        b.HasKey(e => e.Key);
        b.Property(e => e.Key).HasMaxLength(200);
    }
}

/// <summary>
/// Growing delays instead of a lock a stranger can trigger (issue 14, item 2). Failures are counted per account and per
/// client address in a sliding window (SignIn:WindowMinutes); past a few free failures (SignIn:AccountFreeFailures,
/// SignIn:AddressFreeFailures) each further failure makes the next attempt wait twice as long as the last
/// (SignIn:FirstDelaySeconds, doubling, at most SignIn:MaxDelayMinutes). An attempt that comes too early is refused
/// without verifying the password. The account's delay does not apply at an address this account signed in from in the
/// last SignIn:KnownAddressDays: there only the address's own delay and the owner's own failures there count, so a
/// stranger hammering the account elsewhere cannot lock the owner out.
/// </summary>
public sealed class SignInThrottle(GongkaiDb db, AuditLog audit, TimeProvider clock, IConfiguration configuration)
{
    private int AccountFree => configuration.GetValue("SignIn:AccountFreeFailures", 3);
    private int AddressFree => configuration.GetValue("SignIn:AddressFreeFailures", 10);
    private TimeSpan FirstDelay => TimeSpan.FromSeconds(configuration.GetValue("SignIn:FirstDelaySeconds", 1.0));
    private TimeSpan MaxDelay => TimeSpan.FromMinutes(configuration.GetValue("SignIn:MaxDelayMinutes", 15.0));
    private TimeSpan Window => TimeSpan.FromMinutes(configuration.GetValue("SignIn:WindowMinutes", 15.0));
    private TimeSpan KnownFor => TimeSpan.FromDays(configuration.GetValue("SignIn:KnownAddressDays", 90));

    /// <summary>How long this attempt must still wait (zero: go ahead and verify the password).</summary>
    public async Task<TimeSpan> WaitAsync(string normalizedName, IPAddress? address, CancellationToken ct = default)
    {
        var now = Now();
        var keys = Keys(normalizedName, address);
        var rows = await db.Set<SignInThrottleEntry>().AsNoTracking()
            .Where(e => e.Key == keys.Account || e.Key == keys.Address || e.Key == keys.Pair)
            .ToDictionaryAsync(e => e.Key, ct);
        var pair = rows.GetValueOrDefault(keys.Pair);
        var known = pair?.LastSuccessAt > now - (long)KnownFor.TotalMilliseconds;
        var until = Math.Max(
            rows.GetValueOrDefault(keys.Address)?.BlockedUntil ?? 0,
            (known ? pair!.BlockedUntil : rows.GetValueOrDefault(keys.Account)?.BlockedUntil) ?? 0);
        return until > now ? TimeSpan.FromMilliseconds(until - now) : TimeSpan.Zero;
    }

    /// <summary>Counts a failure against the address and the account (or, at the owner's known address, that pair).</summary>
    public async Task FailedAsync(string normalizedName, IPAddress? address, StaffUser? user, CancellationToken ct = default)
    {
        var keys = Keys(normalizedName, address);
        var now = Now();
        var known = await db.Set<SignInThrottleEntry>().AsNoTracking()
            .AnyAsync(e => e.Key == keys.Pair && e.LastSuccessAt > now - (long)KnownFor.TotalMilliseconds, ct);
        await CountAsync(keys.Address, AddressFree, now, ct);
        var accountFailures = await CountAsync(keys.Account, AccountFree, now, ct);
        if (known)
        {
            await CountAsync(keys.Pair, AccountFree, now, ct);
        }

        if (accountFailures == AccountFree && user is not null)
        {
            // The account's delay has just engaged in this window: said once, with the address masked.
            audit.Record(PlatformAuditActions.StaffSignInThrottled, "StaffUser", user.Id,
                $"{user.UserName} 连续{accountFailures}次登录失败，此后每次尝试须等待（来自 {Mask(address)}）", user.OrganId);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The owner signed in here: remember the address for the account and clear the failures counted at it.</summary>
    public async Task SucceededAsync(string normalizedName, IPAddress? address, CancellationToken ct = default)
    {
        var keys = Keys(normalizedName, address);
        await ExecuteAsync(
            $"""
            INSERT INTO sign_in_throttle ("Key", "Failures", "LastFailureAt", "BlockedUntil", "LastSuccessAt") VALUES (@key, 0, NULL, NULL, @now)
            ON CONFLICT ("Key") DO UPDATE SET "Failures" = 0, "BlockedUntil" = NULL, "LastSuccessAt" = @now
            """, [("key", keys.Pair), ("now", Now())], ct);
        await ForgetStaleAsync(ct);
    }

    /// <summary>
    /// Counters nobody needs any more (no failure in the window, no delay running, no sign-in within KnownAddressDays)
    /// are deleted whenever someone signs in, so names a stranger made up do not pile up.
    /// </summary>
    private Task ForgetStaleAsync(CancellationToken ct)
    {
        var now = Now();
        var quiet = now - (long)Window.TotalMilliseconds;
        var forgotten = now - (long)KnownFor.TotalMilliseconds;
        return db.Set<SignInThrottleEntry>()
            .Where(e => (e.LastFailureAt == null || e.LastFailureAt < quiet)
                && (e.BlockedUntil == null || e.BlockedUntil < now)
                && (e.LastSuccessAt == null || e.LastSuccessAt < forgotten))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>An administrator's unlock: the account's failures and delays are gone, everywhere.</summary>
    public Task ClearAccountAsync(string normalizedName, CancellationToken ct = default)
    {
        var account = "a:" + normalizedName;
        var pairs = "p:" + normalizedName + ":";
        return db.Set<SignInThrottleEntry>()
            .Where(e => e.Key == account || e.Key.StartsWith(pairs))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Failures, 0).SetProperty(e => e.BlockedUntil, (long?)null), ct);
    }

    /// <summary>User names whose account delay engaged in the current window (shown as 登录受限 to administrators).</summary>
    public async Task<HashSet<string>> ThrottledAsync(IEnumerable<string> normalizedNames, CancellationToken ct = default)
    {
        var keys = normalizedNames.Select(n => "a:" + n).ToList();
        var since = Now() - (long)Window.TotalMilliseconds;
        var free = AccountFree;
        var hit = await db.Set<SignInThrottleEntry>().AsNoTracking()
            .Where(e => keys.Contains(e.Key) && e.Failures >= free && e.LastFailureAt > since)
            .Select(e => e.Key).ToListAsync(ct);
        return hit.Select(k => k[2..]).ToHashSet();
    }

    /// <summary>
    /// One atomic statement per counter, so two instances never lose a count: a failure after a quiet window starts the
    /// count again. Past the free failures the next attempt waits FirstDelay × 2^(n − free − 1)… capped at MaxDelay.
    /// </summary>
    private async Task<int> CountAsync(string key, int free, long now, CancellationToken ct)
    {
        var failures = Convert.ToInt32(await ScalarAsync(
            $"""
            INSERT INTO sign_in_throttle ("Key", "Failures", "LastFailureAt", "BlockedUntil", "LastSuccessAt") VALUES (@key, 1, @now, NULL, NULL)
            ON CONFLICT ("Key") DO UPDATE SET
              "Failures" = CASE WHEN sign_in_throttle."LastFailureAt" IS NULL OR sign_in_throttle."LastFailureAt" < @since THEN 1 ELSE sign_in_throttle."Failures" + 1 END,
              "LastFailureAt" = @now
            RETURNING "Failures"
            """, [("key", key), ("now", now), ("since", now - (long)Window.TotalMilliseconds)], ct));
        if (failures >= free)
        {
            var delay = Delay(failures - free);
            await ExecuteAsync(
                """UPDATE sign_in_throttle SET "BlockedUntil" = @until WHERE "Key" = @key AND ("BlockedUntil" IS NULL OR "BlockedUntil" < @until)""",
                [("key", key), ("until", now + (long)delay.TotalMilliseconds)], ct);
        }

        return failures;
    }

    /// <summary>The wait after the free failures plus <paramref name="beyond"/>: 1 s, 2 s, 4 s … at most MaxDelay.</summary>
    private TimeSpan Delay(int beyond)
    {
        var ms = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(beyond, 40));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
    }

    private async Task<object?> ScalarAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        await using var command = await CommandAsync(sql, parameters, ct);
        return await command.ExecuteScalarAsync(ct);
    }

    private async Task ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        await using var command = await CommandAsync(sql, parameters, ct);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<DbCommand> CommandAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static (string Account, string Address, string Pair) Keys(string normalizedName, IPAddress? address)
    {
        var hash = AddressHash(address);
        return ("a:" + normalizedName, "ip:" + hash, "p:" + normalizedName + ":" + hash);
    }

    /// <summary>Addresses are kept only as a hash (an IPv4-mapped IPv6 address counts as the IPv4 one).</summary>
    private static string AddressHash(IPAddress? address)
    {
        var text = address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("gongkai-sign-in:" + text)))[..32];
    }

    /// <summary>203.0.113.* or 2001:db8:1::* — enough to tell an office from elsewhere, not a person.</summary>
    public static string Mask(IPAddress? address)
    {
        if (address is null)
        {
            return "未知地址";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var text = address.ToString();
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return text[..(text.LastIndexOf('.') + 1)] + "*";
        }

        var b = address.GetAddressBytes();
        return $"{(b[0] << 8) | b[1]:x}:{(b[2] << 8) | b[3]:x}:{(b[4] << 8) | b[5]:x}::*";
    }
}
