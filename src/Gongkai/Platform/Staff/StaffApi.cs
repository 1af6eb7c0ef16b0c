using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Staff;

/// <summary>
/// Staff administration over the API (/api/v1/admin/staff), beside the pages and through the same use cases
/// (<see cref="ManageStaff"/>): refusals are 403, an account outside the caller's scope 404, bad input 400.
/// </summary>
internal static class StaffApi
{
    public sealed record RoleInput(string? Role, string? OrganCode);

    public sealed record CreateInput(string? UserName, string? DisplayName, string? OrganCode, string? Password, List<RoleInput>? Roles, string? Email = null);

    public sealed record PasswordInput(string? Password);

    public sealed record DisabledInput(bool? Disabled);

    public sealed record StaffDto(string Id, string UserName, string DisplayName, string? OrganCode, bool Disabled, IReadOnlyList<RoleOutput> Roles);

    public sealed record RoleOutput(string Role, string? OrganCode);

    public static void MapStaffApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/admin/staff").WithTags("工作人员账号").RequireAuthorization(PlatformModule.ApiPolicy);

        api.MapPost("", async (CreateInput input, ManageStaff manage, StaffAdministration admin, GongkaiDb db, CancellationToken ct) =>
            {
                if ((await admin.ScopeAsync()).IsEmpty)
                {
                    throw new ForbiddenAction("只有系统管理员或部门管理员可以新建账号。");
                }

                var roles = new List<RoleGrant>();
                foreach (var r in input.Roles ?? [])
                {
                    roles.Add(new RoleGrant(ParseRole(r.Role), await OrganIdAsync(db, r.OrganCode, "roles", ct)));
                }

                var user = await manage.CreateAsync(new StaffInput
                {
                    UserName = input.UserName,
                    DisplayName = input.DisplayName,
                    Email = input.Email,
                    OrganId = await OrganIdAsync(db, input.OrganCode, "organCode", ct),
                    Password = input.Password,
                    Roles = roles,
                }, ct);
                return Results.Created($"/api/v1/staff/{user.Id}", await DtoAsync(db, user, ct));
            })
            .Produces<StaffDto>(201).ProducesProblem(400).ProducesProblem(403)
            .WithSummary("新建工作人员账号（只能授予调用者可以授予的角色）");

        api.MapPost("/{userName}/password", async (string userName, PasswordInput input, ManageStaff manage, CancellationToken ct) =>
            {
                var user = await manage.FindAsync(userName, ct);
                if (string.IsNullOrEmpty(input.Password))
                {
                    throw new ValidationFailure("请填写新密码。", "password");
                }

                await manage.ResetPasswordAsync(user, input.Password, ct);
                return Results.NoContent();
            })
            .Produces(204).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("重置工作人员的密码（账号的每个角色都须是调用者可以授予的）");

        api.MapPost("/{userName}/disabled", async (string userName, DisabledInput input, ManageStaff manage, GongkaiDb db, CancellationToken ct) =>
            {
                var user = await manage.FindAsync(userName, ct);
                if (input.Disabled is not { } disabled)
                {
                    throw new ValidationFailure("请用 disabled 指明停用（true）或启用（false）。", "disabled");
                }

                await manage.SetDisabledAsync(user, disabled, ct);
                return Results.Ok(await DtoAsync(db, user, ct));
            })
            .Produces<StaffDto>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("停用或启用工作人员账号（账号的每个角色都须是调用者可以授予的）");
    }

    private static StaffRole ParseRole(string? text)
    {
        if (StaffRoles.TryParse(text, out var role))
        {
            return role;
        }

        var byLabel = StaffRoles.All.Where(r => r.Label() == text?.Trim()).ToList();
        return byLabel.Count == 1
            ? byLabel[0]
            : throw new ValidationFailure($"角色“{text}”无效，可用：{string.Join("、", StaffRoles.All.Select(r => $"{r}（{r.Label()}）"))}。", "roles");
    }

    private static async Task<Guid?> OrganIdAsync(GongkaiDb db, string? code, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        return await db.Organs.Where(o => o.Code == trimmed).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailure($"机构代码“{trimmed}”不存在。", field);
    }

    private static async Task<StaffDto> DtoAsync(GongkaiDb db, StaffUser user, CancellationToken ct)
    {
        var codes = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync(ct);
        return new StaffDto(user.Id, user.UserName!, user.DisplayName, user.OrganId is { } o ? codes.GetValueOrDefault(o) : null, user.IsDisabled,
            roles.Select(r => new RoleOutput(r.Role.ToString(), r.OrganId is { } id ? codes.GetValueOrDefault(id) : null)).ToList());
    }
}
