using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Platform.Keys;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Keys;

/// <summary>
/// A backup taken while submissions are being acknowledged, restored elsewhere, holds every request acknowledged
/// before it started, and the key saved beside it decrypts their personal data.
/// </summary>
public sealed class BackupRestoreTests(KeyedSqliteApp app) : IClassFixture<KeyedSqliteApp>
{
    [Fact]
    public async Task A_backup_under_load_restores_every_acknowledged_request_with_its_decryptable_fields()
    {
        var folder = Directory.CreateTempSubdirectory("gk-backup-").FullName;
        try
        {
            var organ = (await app.OrganAsync("区民政局")).Id;
            var acknowledged = new ConcurrentDictionary<string, string>();
            using var stop = new CancellationTokenSource();
            async Task SubmitLoop(int worker)
            {
                var client = app.CreateClient();
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var id = $"1101021990030{worker}{i % 10}{(i / 10) % 10}2{(i / 100) % 10}";
                    var response = await client.PostAsJsonAsync("/api/v1/requests", new
                    {
                        organId = organ,
                        applicantType = "NaturalPerson",
                        applicantName = $"申请人{worker}-{i}",
                        idDocumentType = "Passport",
                        idNumber = id,
                        phone = "13900139000",
                        informationWanted = "本区2025年养老服务驿站运营补贴发放情况",
                        form = "Electronic",
                        delivery = "Email",
                        email = $"w{worker}n{i}@example.cn",
                    });
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
                    acknowledged[number] = id;
                }
            }

            var loops = Enumerable.Range(0, 4).Select(w => Task.Run(() => SubmitLoop(w))).ToList();
            while (acknowledged.Count < 40)
            {
                await Task.Delay(20);
            }

            var before = acknowledged.ToDictionary();
            var backupFile = Path.Combine(folder, "gongkai-backup.db");
            var keys = new MasterKeys(Settings(app.MasterKeyFile));
            var backup = await SqliteBackup.BackupAsync(app.ConnectionString, keys, backupFile, force: false);
            while (acknowledged.Count < before.Count + 20)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
            await Task.WhenAll(loops);
            Assert.True(File.Exists(backup.KeyFile));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup.KeyFile));
            }

            // Restore into a new place with a key file of its own, as on a replacement machine.
            var restoredDb = Path.Combine(folder, "restored", "gongkai.db");
            var restoredKey = Path.Combine(folder, "restored", "master.key");
            var restored = await SqliteBackup.RestoreAsync(backupFile, null, $"Data Source={restoredDb}", new MasterKeys(Settings(restoredKey)), force: false);
            Assert.Equal(restoredKey, restored.KeyFile);
            await Assert.ThrowsAsync<Gongkai.Platform.ValidationFailure>(() =>
                SqliteBackup.RestoreAsync(backupFile, null, $"Data Source={restoredDb}", new MasterKeys(Settings(restoredKey)), force: false));

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDbContext<GongkaiDb, SqliteGongkaiDb>(o => o.UseSqlite($"Data Source={restoredDb};Pooling=false"));
            services.AddDataProtection().SetApplicationName("Gongkai").PersistKeysToDbContext<GongkaiDb>();
            services.AddSingleton(new MasterKeys(Settings(restoredKey)));
            await using var reader = services.BuildServiceProvider();
            var protector = reader.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicantProtector.Purpose);
            using var scope = reader.CreateScope();
            var rows = await scope.ServiceProvider.GetRequiredService<GongkaiDb>().DisclosureRequests.AsNoTracking()
                .Select(r => new { r.TrackingNumber, r.IdNumberProtected, r.EmailProtected }).ToDictionaryAsync(r => r.TrackingNumber);
            foreach (var (number, idNumber) in before)
            {
                Assert.True(rows.TryGetValue(number, out var row), $"{number} was acknowledged before the backup but is not in it");
                Assert.Equal(idNumber, protector.Unprotect(row.IdNumberProtected));
                Assert.EndsWith("@example.cn", protector.Unprotect(row.EmailProtected!));
            }

            // The same backup with another master key is refused before anything is put in place.
            var wrongKey = Path.Combine(folder, "wrong.key");
            new MasterKeys(Settings(wrongKey)).CreateFile();
            var elsewhere = Path.Combine(folder, "elsewhere", "gongkai.db");
            var refused = await Assert.ThrowsAsync<Gongkai.Platform.ValidationFailure>(() =>
                SqliteBackup.RestoreAsync(backupFile, wrongKey, $"Data Source={elsewhere}", new MasterKeys(Settings(Path.Combine(folder, "elsewhere", "master.key"))), force: false));
            Assert.Contains("主密钥无法解开", refused.Message);
            Assert.False(File.Exists(elsewhere));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IConfiguration Settings(string masterKeyFile) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Keys:MasterKeyFile"] = masterKeyFile }).Build();
}
