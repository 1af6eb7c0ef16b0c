using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Appeals;

/// <summary>/api/v1/admin/requests/{id}/appeals: 复议 and 诉讼 on a request, with a bearer token; another organ's request is 404.</summary>
internal static class AppealsApi
{
    public sealed record AppealDto(Guid Id, string Kind, string KindLabel, string Body, string? CaseNumber, string FiledOn, Guid? FollowsAppealId,
        string Result, string ResultLabel, string? DecidedOn, string? Summary, string? ReopenedOn);

    public sealed record AppealsDto(string TrackingNumber, string Stage, string? DueDate, string? Outcome, IReadOnlyList<AppealDto> Appeals);

    public static void MapAppealsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/admin/requests/{id:guid}/appeals").WithTags("依申请公开：复议和诉讼").RequireAuthorization(PlatformModule.ApiPolicy);

        api.MapGet("", async (Guid id, GongkaiDb db, Handling.RequestCases cases, CancellationToken ct) =>
                await cases.FindAsync(id, ct) is { } request ? Results.Ok(await ToDtoAsync(db, request, ct)) : NotFound())
            .Produces<AppealsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("一件申请的行政复议和行政诉讼");

        api.MapPost("", async (Guid id, AppealInput input, GongkaiDb db, Handling.RequestCases cases, RecordAppeal record, CancellationToken ct) =>
            {
                if (await cases.FindAsync(id, ct) is not { } request)
                {
                    return NotFound();
                }

                await record.FileAsync(request, input, ct);
                return Results.Created($"/api/v1/admin/requests/{id}/appeals", await ToDtoAsync(db, request, ct));
            })
            .Produces<AppealsDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("记录行政复议或行政诉讼（kind: Reconsideration / LitigationDirect / LitigationAfterReconsideration），可同时记录结果（result: Pending / Upheld / Corrected / Other）；结果纠正的已办结申请重新办理");

        api.MapPost("/{appealId:guid}/result", async (Guid id, Guid appealId, AppealResultInput input, GongkaiDb db, Handling.RequestCases cases, RecordAppeal record, CancellationToken ct) =>
            {
                if (await cases.FindAsync(id, ct) is not { } request)
                {
                    return NotFound();
                }

                await record.DecideAsync(request, appealId, input, ct);
                return Results.Ok(await ToDtoAsync(db, request, ct));
            })
            .Produces<AppealsDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("记录复议或诉讼的审结结果；结果纠正的已办结申请重新办理");
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "未找到该申请");

    private static async Task<AppealsDto> ToDtoAsync(GongkaiDb db, DisclosureRequest request, CancellationToken ct)
    {
        var appeals = await db.AppealCases.AsNoTracking().Where(a => a.RequestId == request.Id).OrderBy(a => a.FiledOn).ThenBy(a => a.CreatedAt).ToListAsync(ct);
        return new AppealsDto(request.TrackingNumber, request.Stage.Label(), request.DueOn is { } due ? ChineseDates.Iso(due) : null, request.Outcome?.Label(),
            appeals.Select(a => new AppealDto(a.Id, a.Kind.ToString(), a.Kind.Label(), a.Body, a.CaseNumber, ChineseDates.Iso(a.FiledOn), a.FollowsAppealId,
                a.Result.ToString(), a.Result.Label(), a.DecidedOn is { } d ? ChineseDates.Iso(d) : null, a.Summary, a.ReopenedOn is { } o ? ChineseDates.Iso(o) : null)).ToList());
    }
}
