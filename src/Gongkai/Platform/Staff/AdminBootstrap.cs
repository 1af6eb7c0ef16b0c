using System.Security.Cryptography;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Staff;

/// <summary>
/// Creates the administrator account <c>admin</c> on first start. Its password comes from GONGKAI_ADMIN_PASSWORD
/// (chosen by the operator) or is generated; a generated one must be changed at the first sign-in and is shown once,
/// on the console when it is a terminal, otherwise in an owner-only file (see <see cref="InitialPasswordNotice"/>).
/// </summary>
internal sealed class AdminBootstrap(GongkaiDb db, UserManager<StaffUser> users, AuditLog audit, CurrentActor actor, TimeProvider clock)
{
    public const string UserName = "admin";

    public async Task<string?> EnsureAsync(string? configuredPassword, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(u => u.UserName == UserName, ct))
        {
            return null;
        }

        var password = string.IsNullOrEmpty(configuredPassword) ? RandomPassword() : configuredPassword;
        actor.ActAs("系统初始化");
        var user = new StaffUser
        {
            UserName = UserName,
            DisplayName = "系统管理员",
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        ManageStaff.ThrowIfFailed(await users.CreateAsync(user, password), "Password");
        if (string.IsNullOrEmpty(configuredPassword))
        {
            await MustChangePassword.MarkAsync(users, user);
        }
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = StaffRole.SystemAdministrator, GrantedAt = clock.GetUtcNow() });
        audit.Record(PlatformAuditActions.StaffCreate, "StaffUser", user.Id, "首次启动，创建系统管理员账号 admin", null, StaffRole.SystemAdministrator);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return password;
    }

    private static string RandomPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = Enumerable.Range(0, 14).Select(_ => letters[RandomNumberGenerator.GetInt32(letters.Length)]).ToList();
        for (var i = 0; i < 3; i++)
        {
            chars.Insert(RandomNumberGenerator.GetInt32(chars.Count), digits[RandomNumberGenerator.GetInt32(digits.Length)]);
        }

        return new string([.. chars]);
    }
}
