using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Staff;

/// <summary>
/// Creates staff accounts, changes their roles, disables, unlocks and resets passwords; all audited. Every use case on
/// an existing account first asks <see cref="StaffAdministration.EnsureMayManageAsync"/>, so pages, API and CLI cannot
/// forget the rule (404 outside the actor's scope, 403 for an account holding a role beyond the actor).
/// </summary>
public sealed class ManageStaff(GongkaiDb db, UserManager<StaffUser> users, AuditLog audit, StaffAdministration admin, TimeProvider clock, SignInThrottle throttle)
{
    public async Task<StaffUser> CreateAsync(StaffInput input, CancellationToken ct = default)
    {
        var userName = input.UserName?.Trim() ?? "";
        var displayName = input.DisplayName?.Trim() ?? "";
        if (userName.Length is < 2 or > 64)
        {
            throw new ValidationFailure("用户名应为2到64个字符。", "UserName");
        }

        if (displayName.Length is 0 or > 64)
        {
            throw new ValidationFailure("请填写姓名（不超过64个字）。", "DisplayName");
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            throw new ValidationFailure("请设置初始密码。", "Password");
        }

        await EnsureOrganAsync(input.OrganId, ct);
        await EnsureRolesValidAsync(input.Roles, ct);
        await admin.EnsureMayGrantAsync(input.Roles);
        if (!(await admin.ScopeAsync()).Covers(input.OrganId))
        {
            throw new ValidationFailure("只能在本单位范围内新建账号。", "OrganId");
        }

        var user = new StaffUser
        {
            UserName = userName,
            DisplayName = displayName,
            Email = InputText.OrNull(input.Email),
            OrganId = input.OrganId,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };

        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var result = await users.CreateAsync(user, input.Password);
        ThrowIfFailed(result, "Password");
        await MustChangePassword.MarkAsync(users, user);
        foreach (var grant in input.Roles.Distinct())
        {
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = grant.Role, OrganId = grant.OrganId, GrantedAt = clock.GetUtcNow() });
        }

        audit.Record(PlatformAuditActions.StaffCreate, "StaffUser", user.Id,
            $"新建账号 {user.UserName}（{user.DisplayName}），角色：{await DescribeAsync(input.Roles, ct)}", user.OrganId, await admin.ActingRoleAsync());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task SetRolesAsync(StaffUser user, IReadOnlyList<RoleGrant> roles, CancellationToken ct = default)
    {
        await admin.EnsureMayManageAsync(user, ct);
        await EnsureRolesValidAsync(roles, ct);
        var current = await db.RoleAssignments.Where(r => r.UserId == user.Id).ToListAsync(ct);
        var removed = current.Where(c => !roles.Contains(new RoleGrant(c.Role, c.OrganId))).ToList();
        var added = roles.Distinct().Where(r => !current.Any(c => c.Role == r.Role && c.OrganId == r.OrganId)).ToList();
        await admin.EnsureMayGrantAsync(added.Concat(removed.Select(r => new RoleGrant(r.Role, r.OrganId))));
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }

        db.RoleAssignments.RemoveRange(removed);
        foreach (var grant in added)
        {
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = grant.Role, OrganId = grant.OrganId, GrantedAt = clock.GetUtcNow() });
        }

        await users.UpdateSecurityStampAsync(user);
        audit.Record(PlatformAuditActions.StaffRoles, "StaffUser", user.Id,
            $"调整账号 {user.UserName} 的角色：增加[{await DescribeAsync(added, ct)}]，撤销[{await DescribeAsync(removed.Select(r => new RoleGrant(r.Role, r.OrganId)), ct)}]",
            user.OrganId, await admin.ActingRoleAsync());
        await db.SaveChangesAsync(ct);
    }

    public async Task UpdateProfileAsync(StaffUser user, string? displayName, string? email, Guid? organId, CancellationToken ct = default)
    {
        await admin.EnsureMayManageAsync(user, ct);
        displayName = displayName?.Trim() ?? "";
        if (displayName.Length is 0 or > 64)
        {
            throw new ValidationFailure("请填写姓名（不超过64个字）。", "DisplayName");
        }

        await EnsureOrganAsync(organId, ct);
        var scope = await admin.ScopeAsync();
        if (!scope.All && !scope.Covers(organId))
        {
            throw new ValidationFailure("只能把账号调整到本单位范围内。", "OrganId");
        }

        email = InputText.OrNull(email);
        if (user.DisplayName == displayName && user.Email == email && user.OrganId == organId)
        {
            return;
        }

        var summary = $"修改账号 {user.UserName} 的资料：姓名 {user.DisplayName} → {displayName}；单位变更：{(user.OrganId == organId ? "否" : "是")}；邮箱变更：{(user.Email == email ? "否" : "是")}";
        user.DisplayName = displayName;
        user.OrganId = organId;
        ThrowIfFailed(await users.SetEmailAsync(user, email), "Email");
        audit.Record(PlatformAuditActions.StaffUpdate, "StaffUser", user.Id, summary, organId, await admin.ActingRoleAsync());
        await db.SaveChangesAsync(ct);
    }

    public async Task SetDisabledAsync(StaffUser user, bool disabled, CancellationToken ct = default)
    {
        await admin.EnsureMayManageAsync(user, ct);
        if (user.IsDisabled == disabled)
        {
            return;
        }

        user.IsDisabled = disabled;
        await users.UpdateSecurityStampAsync(user);
        audit.Record(disabled ? PlatformAuditActions.StaffDisable : PlatformAuditActions.StaffEnable, "StaffUser", user.Id,
            $"{(disabled ? "停用" : "启用")}账号 {user.UserName}", user.OrganId, await admin.ActingRoleAsync());
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlockAsync(StaffUser user, CancellationToken ct = default)
    {
        await admin.EnsureMayManageAsync(user, ct);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttle.ClearAccountAsync(user.NormalizedUserName!, ct);
        audit.Record(PlatformAuditActions.StaffUnlock, "StaffUser", user.Id, $"解除账号 {user.UserName} 的锁定", user.OrganId, await admin.ActingRoleAsync());
        await db.SaveChangesAsync(ct);
    }

    public async Task ResetPasswordAsync(StaffUser user, string newPassword, CancellationToken ct = default)
    {
        await admin.EnsureMayManageAsync(user, ct);
        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        ThrowIfFailed(await users.ResetPasswordAsync(user, token, newPassword), "Password");
        await MustChangePassword.MarkAsync(users, user);
        audit.Record(PlatformAuditActions.StaffPasswordReset, "StaffUser", user.Id, $"重置账号 {user.UserName} 的密码", user.OrganId, await admin.ActingRoleAsync());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The account with this user name, when the current user may manage it; otherwise 404 or 403.</summary>
    public async Task<StaffUser> FindAsync(string? userName, CancellationToken ct = default)
    {
        var normalized = users.NormalizeName(userName?.Trim());
        var user = string.IsNullOrEmpty(normalized) ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null)
        {
            throw new StaffNotFound();
        }

        await admin.EnsureMayManageAsync(user, ct);
        return user;
    }

    private async Task EnsureOrganAsync(Guid? organId, CancellationToken ct)
    {
        if (organId is { } id && !await db.Organs.AnyAsync(o => o.Id == id, ct))
        {
            throw new ValidationFailure("所属单位不存在。", "OrganId");
        }
    }

    private async Task EnsureRolesValidAsync(IEnumerable<RoleGrant> roles, CancellationToken ct)
    {
        foreach (var grant in roles)
        {
            if (!Enum.IsDefined(grant.Role))
            {
                throw new ValidationFailure("角色无效。", "Roles");
            }

            await EnsureOrganAsync(grant.OrganId, ct);
        }
    }

    private async Task<string> DescribeAsync(IEnumerable<RoleGrant> roles, CancellationToken ct)
    {
        var list = roles.ToList();
        if (list.Count == 0)
        {
            return "无";
        }

        var ids = list.Where(r => r.OrganId is not null).Select(r => r.OrganId!.Value).ToList();
        var names = await db.Organs.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        return string.Join("、", list.Select(r => $"{r.Role.Label()}（{(r.OrganId is { } id ? names.GetValueOrDefault(id, "?") : "全区")}）"));
    }

    internal static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailure(string.Join(" ", result.Errors.Select(e => e.Description)), field);
        }
    }
}
