using Gongkai.Plans.Ledger;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans;

/// <summary>/api/v1/plans (public: the plans the office made public, their tasks and public progress) and the staff progress report.</summary>
internal static class PlansApi
{
    public sealed record PlanDto(Guid Id, string Title, int Year, int Tasks, int Done, int OnTrack, int Overdue, string Url);

    public sealed record DeadlineDto(string Text, string? Due, bool Recurring, string Kind);

    public sealed record TaskDto(Guid Id, string Number, string Path, string Text, IReadOnlyList<string> LeadUnits, IReadOnlyList<string> ResponsibleUnits,
        DeadlineDto Deadline, string Standing, string StandingName, string? LatestProgress, DateTimeOffset? ProgressAt);

    public sealed record TaskPageDto(int Total, int Page, int PageCount, int PageSize, IReadOnlyList<TaskDto> Items);

    public sealed record ProgressRequest(string? Organ, string? Text, int? Percent, IReadOnlyList<string>? Evidence);

    public sealed record ProgressDto(Guid TaskId, string Organ, int Percent, string Status);

    public static void MapPlansApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("工作要点");

        api.MapGet("/plans", async (GongkaiDb db, PlanLedger ledger, CancellationToken ct) =>
        {
            var plans = await db.WorkPlans.AsNoTracking().Where(p => p.IsPublic).OrderByDescending(p => p.Year).ThenBy(p => p.Title).ToListAsync(ct);
            var list = new List<PlanDto>();
            foreach (var p in plans)
            {
                var s = await ledger.SummaryAsync(p.Id, ct: ct);
                list.Add(new PlanDto(p.Id, p.Title, p.Year, s.Total, s.Done, s.OnTrack, s.Overdue, $"/plans/{p.Id}"));
            }

            return Results.Ok(list);
        })
        .Produces<List<PlanDto>>()
        .WithSummary("向社会公开的工作要点及其任务完成情况（公开，无需令牌）");

        api.MapGet("/plans/{id:guid}/tasks", async (Guid id, string? organ, TaskStanding? standing, string? q, int? page, GongkaiDb db, PlanLedger ledger, CancellationToken ct) =>
        {
            if (!await db.WorkPlans.AnyAsync(p => p.Id == id && p.IsPublic, ct))
            {
                return Results.Problem(statusCode: 404, title: "未找到该工作要点", detail: "该工作要点不存在或尚未向社会公开。");
            }

            var organs = await PlanOrgans.OfPlanAsync(db, id, ct);
            var result = await ledger.PageAsync(id, new LedgerFilter(PlanOrgans.Find(organs, organ), standing, q), publicOnly: true, page ?? 1, ct: ct);
            return Results.Ok(new TaskPageDto(result.Matching, result.Page, result.PageCount, result.PageSize, result.Rows.Select(Dto).ToList()));
        })
        .Produces<TaskPageDto>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("公开工作要点的任务，每页100项：单位、完成时限、状态和公开的最新进展；可按单位代码（organ）、状态（standing：Done、OnTrack、DueSoon、Overdue）、文字（q）筛选（公开，无需令牌）");

        api.MapPost("/admin/plans/tasks/{taskId:guid}/progress", async (Guid taskId, ProgressRequest request, GongkaiDb db, PlanWork work, CancellationToken ct) =>
        {
            var task = await work.FindAsync(taskId, ct);
            if (task is null)
            {
                return Results.Problem(statusCode: 404, title: "未找到该任务", detail: "该任务不存在，或不属于您所在单位。");
            }

            Guid organId;
            if (string.IsNullOrWhiteSpace(request.Organ))
            {
                var scope = await work.ScopeAsync();
                var mine = task.Organs.Where(o => scope.Covers(o.OrganId)).Select(o => o.OrganId).Distinct().ToList();
                if (mine.Count != 1)
                {
                    throw new ValidationFailure("请用 organ 指明以哪个单位（单位代码）报送进展。", "organ");
                }

                organId = mine[0];
            }
            else
            {
                organId = await db.Organs.Where(o => o.Code == request.Organ.Trim()).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct)
                    ?? throw new ValidationFailure($"没有代码为“{request.Organ.Trim()}”的单位。", "organ");
            }

            if (request.Percent is null)
            {
                throw new ValidationFailure("请填写完成比例（percent，0到100之间的整数）。", "percent");
            }

            await work.ReportAsync(taskId, organId, request.Text ?? "", request.Percent.Value, string.Join("\n", request.Evidence ?? []), ct);
            var saved = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
            var code = await db.Organs.Where(o => o.Id == organId).Select(o => o.Code).SingleAsync(ct);
            return Results.Created($"/admin/plans/tasks/{taskId}", new ProgressDto(taskId, code, saved.Percent, saved.Status.ToString()));
        })
        .RequireAuthorization(PlatformModule.ApiPolicy)
        .Produces<ProgressDto>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("任务的牵头或责任单位报送进展：文字、完成比例、佐证链接（需令牌；只能报送本单位的任务）");
    }

    private static TaskDto Dto(LedgerRow r)
    {
        var t = r.Task;
        return new TaskDto(t.Id, t.Number, t.Path, t.Text, PlanTask.Split(t.LeadUnits), PlanTask.Split(t.ResponsibleUnits),
            new DeadlineDto(t.DeadlineText, t.Due is { } d ? ChineseDates.Iso(d) : null, t.Recurring, t.DeadlineKind.ToString().ToLowerInvariant()),
            r.Standing.ToString(), PlanLedger.StandingName(r.Standing), r.LatestProgress, r.ProgressAt);
    }
}
