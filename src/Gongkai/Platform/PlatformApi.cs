using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform;

/// <summary>The platform's part of the JSON API under /api/v1.</summary>
internal static class PlatformApi
{
    public sealed record OrganDto(Guid Id, string Code, string ShortName, string FullName, IReadOnlyList<string> Aliases, string Kind, Guid? ParentId, bool ReceivesRequests);

    public sealed record DayDto(string Date, bool WorkingDay, string Kind, string Reason, string Weekday);

    public sealed record DeadlineDto(string From, int WorkingDays, string Due, IReadOnlyList<string> Explanation);

    public sealed record AuditDto(long Id, DateTimeOffset At, string ActorName, string? Role, Guid? OrganId, string Action, string TargetType, string? TargetId, string? Summary);

    public sealed record MeDto(string Id, string UserName, string DisplayName, Guid? OrganId, IReadOnlyList<RoleDto> Roles);

    public sealed record RoleDto(string Role, Guid? OrganId);

    public static void MapPlatformApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("平台");

        api.MapGet("/organs", async (GongkaiDb db, CancellationToken ct) =>
                (await db.Organs.AsNoTracking().Include(o => o.Aliases).Where(o => o.IsActive).OrderBy(o => o.SortOrder).ToListAsync(ct)).Select(ToDto))
            .WithSummary("机构列表（公开）");

        api.MapGet("/organs/{id:guid}", async (Guid id, GongkaiDb db, CancellationToken ct) =>
                await db.Organs.AsNoTracking().Include(o => o.Aliases).FirstOrDefaultAsync(o => o.Id == id, ct) is { } organ
                    ? Results.Ok(ToDto(organ))
                    : Results.Problem(statusCode: 404, title: "未找到该机构"))
            .WithSummary("一个机构（公开）");

        api.MapPost("/organs", async (OrganInput input, SaveOrgan save, StaffAccess access, CancellationToken ct) =>
            {
                var role = await access.DistrictRoleAsync(StaffRole.SystemAdministrator, StaffRole.OpennessOffice);
                if (role is null)
                {
                    return Results.Problem(statusCode: 403, title: "无权新增机构", detail: "只有系统管理员或全区政务公开办可以新增机构。");
                }

                var organ = await save.CreateAsync(input, role, ct);
                return Results.Created($"/api/v1/organs/{organ.Id}", ToDto(organ));
            })
            .RequireAuthorization(PlatformModule.ApiPolicy)
            .WithSummary("新增机构（需令牌）");

        api.MapGet("/me", async (StaffAccess access, CurrentActor actor, GongkaiDb db, CancellationToken ct) =>
            {
                var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == actor.UserId, ct);
                var roles = (await access.AssignmentsAsync(ct)).Select(a => new RoleDto(a.Role.ToString(), a.OrganId)).ToList();
                return new MeDto(user.Id, user.UserName!, user.DisplayName, user.OrganId, roles);
            })
            .RequireAuthorization(PlatformModule.ApiPolicy)
            .WithSummary("当前令牌所属账号及其角色");

        api.MapGet("/staff/{id}", async (string id, GongkaiDb db, StaffAdministration admin, CancellationToken ct) =>
            {
                var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new StaffNotFound();
                await admin.EnsureMayManageAsync(user, ct);

                var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == id).Select(r => new RoleDto(r.Role.ToString(), r.OrganId)).ToListAsync(ct);
                return Results.Ok(new MeDto(user.Id, user.UserName!, user.DisplayName, user.OrganId, roles));
            })
            .RequireAuthorization(PlatformModule.ApiPolicy)
            .WithSummary("一个工作人员账号（仅本单位范围，且其每个角色都是调用者可以授予的）");

        api.MapGet("/audit", async (GongkaiDb db, StaffAccess access, string? action, string? from, string? to, int? take, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(AuditQuery.Readers);
                if (scope.IsEmpty)
                {
                    return Results.Problem(statusCode: 403, title: "无权查看审计日志");
                }

                var events = await AuditQuery.Filter(db.AuditEvents, scope, new AuditFilter { Action = action, From = InputDates.Optional(from, "from"), To = InputDates.Optional(to, "to") })
                    .Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct);
                return Results.Ok(events.Select(e => new AuditDto(e.Id, e.At, e.ActorName, e.Role, e.OrganId, e.Action, e.TargetType, e.TargetId, e.Summary)));
            })
            .RequireAuthorization(PlatformModule.ApiPolicy)
            .WithSummary("审计日志（按权限范围）");

        app.MapStaffApi();

        api.MapGet("/calendar/days/{date}", async (string date, CalendarStore store, CancellationToken ct) =>
            {
                var day = ParseDate(date, "date");
                var answer = (await store.GetAsync(ct)).Explain(day);
                return new DayDto(ChineseDates.Iso(answer.Date), answer.WorkingDay, answer.Kind.ToString(), answer.Reason, answer.Weekday);
            })
            .WithTags("工作日历")
            .WithSummary("某日是否为工作日");

        api.MapGet("/calendar/add", async (string? from, int? workingDays, CalendarStore store, CancellationToken ct) =>
            {
                var start = ParseDate(from, "from");
                if (workingDays is null or < 0 or > 1000)
                {
                    throw new ValidationFailure("workingDays 应为0到1000之间的整数。", "workingDays");
                }

                var e = (await store.GetAsync(ct)).ExplainAddition(start, workingDays.Value);
                return new DeadlineDto(ChineseDates.Iso(e.From), e.WorkingDays, ChineseDates.Iso(e.Due), e.Steps);
            })
            .WithTags("工作日历")
            .WithSummary("某日之后第 N 个工作日（起算日不计入）");
    }

    internal static DateOnly ParseDate(string? text, string field) => InputDates.Parse(text, field);

    private static OrganDto ToDto(Organ o) =>
        new(o.Id, o.Code, o.ShortName, o.FullName, o.Aliases.Select(a => a.Name).ToList(), o.Kind.ToString(), o.ParentId, o.ReceivesRequests);
}
