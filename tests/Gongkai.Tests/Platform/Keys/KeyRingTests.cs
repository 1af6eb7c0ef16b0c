using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Keys;
using Gongkai.Policy.Consultations;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Keys;

/// <summary>
/// The data-protection key ring is stored in the database wrapped under a master key kept outside it: the database
/// alone decrypts nothing, with the master key it does, and a rotation re-wraps the ring and re-encrypts every field.
/// </summary>
public abstract class KeyRingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IKeyedApp
{
    private const string IdNumber = "110102199003070026";

    [Fact]
    public async Task The_database_alone_does_not_decrypt_personal_data_and_with_the_master_key_it_does()
    {
        var (id, _, _) = await new RequestTestKit(app).SubmitAsync("李四");
        var stored = await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.Id == id).Select(r => r.IdNumberProtected).SingleAsync());
        var ring = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(ring);
        Assert.All(ring, xml => Assert.DoesNotContain("<value>", xml));
        Assert.All(ring, xml => Assert.Contains("wrappedKey", xml));

        using (var withoutKey = Reader(masterKeyFile: null))
        {
            var protector = withoutKey.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicantProtector.Purpose);
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(stored));
        }

        using var withKey = Reader(app.MasterKeyFile);
        Assert.Equal(IdNumber, withKey.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicantProtector.Purpose).Unprotect(stored));
    }

    [Fact]
    public async Task Rotation_rewraps_the_ring_under_a_new_master_key_and_reencrypts_every_field_so_old_keys_can_be_revoked()
    {
        var (id, _, _) = await new RequestTestKit(app).SubmitAsync("王五");
        var before = await app.WithDbAsync(db => db.DisclosureRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        var oldMaster = new MasterKeys(Config(app.MasterKeyFile)).Current().Id;
        var dataKey = Guid.Empty;

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs("测试");
            var rotate = scope.ServiceProvider.GetRequiredService<RotateKeys>();
            var master = await rotate.MasterAsync();
            Assert.Equal(oldMaster, master.PreviousMasterKeyId);
            Assert.NotEqual(oldMaster, master.MasterKeyId);
            var data = await rotate.DataAsync(revokeOld: true);
            dataKey = data.DataKeyId;
            Assert.True(data.ValuesReencrypted >= 3, $"{data.ValuesReencrypted} values");
            Assert.True(data.KeysRevoked >= 1);
        }

        var keyFileLines = File.ReadAllLines(app.MasterKeyFile).Where(l => !l.StartsWith('#')).ToList();
        Assert.Single(keyFileLines);
        var newMaster = new MasterKeys(Config(app.MasterKeyFile)).Current().Id;
        Assert.NotEqual(oldMaster, newMaster);
        var ring = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.All(ring.Where(x => x.Contains("wrappedKey")), xml => Assert.DoesNotContain($"kek=\"{oldMaster}\"", xml));

        var after = await app.WithDbAsync(db => db.DisclosureRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.NotEqual(before.IdNumberProtected, after.IdNumberProtected);
        Assert.NotEqual(before.PhoneProtected, after.PhoneProtected);

        // A reader with only the new master key and the ring as it now is (old keys revoked) reads every field.
        Assert.Equal(dataKey, new Guid(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(after.IdNumberProtected).AsSpan(4, 16)));
        using var reader = Reader(app.MasterKeyFile);
        var protector = reader.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicantProtector.Purpose);
        Assert.Equal(IdNumber, protector.Unprotect(after.IdNumberProtected));
        Assert.Equal("13900139000", protector.Unprotect(after.PhoneProtected));
        Assert.Equal("a@example.cn", protector.Unprotect(after.EmailProtected!));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(before.IdNumberProtected));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "keys.rotate.master")));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "keys.rotate.data")));
    }

    [Fact]
    public async Task Every_encrypted_column_of_the_model_is_registered_for_rotation()
    {
        using var scope = app.Services.CreateScope();
        var registered = scope.ServiceProvider.GetServices<ProtectedColumn>().Select(c => $"{c.Entity.Name}.{c.Property}").ToHashSet();
        var model = scope.ServiceProvider.GetRequiredService<GongkaiDb>().Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.Name.EndsWith("Protected", StringComparison.Ordinal)).Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .ToHashSet();
        Assert.Contains(nameof(ConsultationComment) + "." + nameof(ConsultationComment.ContactProtected), model);
        Assert.Equal(model.Order(), registered.Order());
        await Task.CompletedTask;
    }

    /// <summary>Data Protection over the application's database as someone holding a copy would set it up.</summary>
    private ServiceProvider Reader(string? masterKeyFile)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (app is SqliteApp)
        {
            services.AddDbContext<GongkaiDb, SqliteGongkaiDb>(o => o.UseSqlite(app.ConnectionString));
        }
        else
        {
            services.AddDbContext<GongkaiDb, PostgresGongkaiDb>(o => o.UseNpgsql(app.ConnectionString));
        }

        services.AddDataProtection().SetApplicationName("Gongkai").PersistKeysToDbContext<GongkaiDb>();
        if (masterKeyFile is not null)
        {
            services.AddSingleton(new MasterKeys(Config(masterKeyFile)));
        }

        return services.BuildServiceProvider();
    }

    private static IConfiguration Config(string masterKeyFile) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Keys:MasterKeyFile"] = masterKeyFile }).Build();
}

public interface IKeyedApp
{
    string MasterKeyFile { get; }
}

/// <summary>On the machine's clock: Data Protection picks the default key by the machine's time, and the rotation waits for the key it created at the application's time.</summary>
public sealed class KeyedSqliteApp : SqliteApp, IKeyedApp
{
    public string MasterKeyFile { get; } = Path.Combine(Path.GetTempPath(), "gk_master_" + Guid.NewGuid().ToString("N")[..12] + ".key");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Keys:MasterKeyFile"] = MasterKeyFile };

    protected internal override bool OnMachineClock => true;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(MasterKeyFile);
    }
}

/// <summary>On the machine's clock: Data Protection picks the default key by the machine's time, and the rotation waits for the key it created at the application's time.</summary>
public sealed class KeyedPostgresApp : PostgresApp, IKeyedApp
{
    public string MasterKeyFile { get; } = Path.Combine(Path.GetTempPath(), "gk_master_" + Guid.NewGuid().ToString("N")[..12] + ".key");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Keys:MasterKeyFile"] = MasterKeyFile };

    protected internal override bool OnMachineClock => true;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(MasterKeyFile);
    }
}

public sealed class KeyRingTests_Sqlite(KeyedSqliteApp app) : KeyRingTests<KeyedSqliteApp>(app);

public sealed class KeyRingTests_Postgres(KeyedPostgresApp app) : KeyRingTests<KeyedPostgresApp>(app);

/// <summary>The real executable on a database whose master key is missing, and one whose keys an earlier version stored in the clear.</summary>
public sealed class MasterKeyStartTests
{
    [Fact]
    public async Task Start_up_without_the_master_key_says_where_it_is_expected_and_changes_nothing()
    {
        using var cli = new CliProcess("gk-kek-");
        var keyFile = Path.Combine(cli.Folder, "data", "master.key");
        var (code, _, err) = await cli.RunAsync("keys", "status", "--json");
        Assert.True(code == 0, err);
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        // A data-protection key exists once something is encrypted; create one the way the server would.
        (code, _, err) = await cli.RunAsync("keys", "rotate", "--data", "--json");
        Assert.True(code == 0, err);

        File.Move(keyFile, keyFile + ".away");
        (code, _, err) = await cli.RunAsync("db", "migrate");
        Assert.Equal(1, code);
        Assert.Contains("找不到主密钥", err);
        Assert.Contains("GONGKAI_MASTER_KEY", err);
        Assert.Contains(keyFile, err);
        Assert.False(File.Exists(keyFile), "no new master key may be created while the database holds keys");

        File.Move(keyFile + ".away", keyFile);
        (code, var output, err) = await cli.RunAsync("keys", "status", "--json");
        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("inTheClear").GetInt32());
        Assert.True(json.RootElement.GetProperty("wrapped").GetInt32() >= 1);
    }

    [Fact]
    public async Task Keys_stored_in_the_clear_by_an_earlier_version_are_wrapped_at_start_up()
    {
        using var cli = new CliProcess("gk-kek-");
        var (code, _, err) = await cli.RunAsync("db", "migrate");
        Assert.True(code == 0, err);

        // What the previous version did: the key ring in the database, secrets in the clear.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<GongkaiDb, SqliteGongkaiDb>(o => o.UseSqlite($"Data Source={cli.DatabaseFile}"));
        services.AddDataProtection().SetApplicationName("Gongkai").PersistKeysToDbContext<GongkaiDb>();
        string sealedValue;
        using (var old = services.BuildServiceProvider())
        {
            sealedValue = old.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicantProtector.Purpose).Protect(IdNumber());
            using var scope = old.CreateScope();
            Assert.Contains("<value>", (await scope.ServiceProvider.GetRequiredService<GongkaiDb>().DataProtectionKeys.SingleAsync()).Xml);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        (code, var output, err) = await cli.RunAsync("keys", "status", "--json");
        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("inTheClear").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("wrapped").GetInt32());

        using var check = services.BuildServiceProvider();
        using (var scope = check.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            Assert.DoesNotContain("<value>", (await db.DataProtectionKeys.SingleAsync()).Xml);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "keys.wrap"));
        }

        Assert.ThrowsAny<CryptographicException>(() => check.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicantProtector.Purpose).Unprotect(sealedValue));
        var withKey = new ServiceCollection();
        withKey.AddLogging();
        withKey.AddDbContext<GongkaiDb, SqliteGongkaiDb>(o => o.UseSqlite($"Data Source={cli.DatabaseFile}"));
        withKey.AddDataProtection().SetApplicationName("Gongkai").PersistKeysToDbContext<GongkaiDb>();
        withKey.AddSingleton(new MasterKeys(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Keys:MasterKeyFile"] = Path.Combine(cli.Folder, "data", "master.key") }).Build()));
        using var reader = withKey.BuildServiceProvider();
        Assert.Equal(IdNumber(), reader.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicantProtector.Purpose).Unprotect(sealedValue));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static string IdNumber() => "110102199003070026";
}
