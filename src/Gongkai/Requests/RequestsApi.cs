using Gongkai.Platform;
using Gongkai.Platform.Web;
using Gongkai.Requests.Intake;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Requests;

/// <summary>/api/v1/requests: the public side of 依申请公开 (apply, follow).</summary>
internal static class RequestsApi
{
    /// <param name="DueDate">
    /// Null while the due date cannot be computed at all; <paramref name="DueDatePendingReason"/> then says why. Past the
    /// published holiday schedules it is a provisional date (<paramref name="DueDateProvisional"/>, with
    /// <paramref name="DueDateProvisionalReason"/>), and <paramref name="DueDatePendingReason"/> still says the final date waits for the schedule.
    /// </param>
    public sealed record FiledDto(string TrackingNumber, string? Secret, string ReceivedOn, string? DueDate, string? DueDatePendingReason,
        bool DueDateProvisional, string? DueDateProvisionalReason, string Stage, bool Repeated, string StatusUrl);

    public sealed record StatusDto(string TrackingNumber, string Organ, string Channel, string ReceivedOn, string Stage, string? DueDate,
        string? DueDatePendingReason, bool DueDateProvisional, string? DueDateProvisionalReason, string Timeliness, string? Outcome, string? ClosedOn, IReadOnlyList<string> Explanation);

    public static void MapRequestsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/requests").WithTags("依申请公开");

        api.MapPost("", async (RequestInput input, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, SubmitOnline submit, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(input.SubmissionKey) && !string.IsNullOrWhiteSpace(idempotencyKey))
                {
                    input.SubmissionKey = idempotencyKey.Trim();
                }

                var filed = await submit.HandleAsync(input, ct);
                var r = filed.Request;
                return Results.Created($"/api/v1/requests/{r.TrackingNumber}", new FiledDto(r.TrackingNumber, filed.Secret,
                    ChineseDates.Iso(r.ReceivedOn), filed.Clock.DueOn is { } due ? ChineseDates.Iso(due) : null, filed.Clock.DuePendingReason,
                    filed.Clock.DueProvisional, filed.Clock.ProvisionalReason, r.Stage.Label(), filed.Repeated, "/requests/track"));
            })
            .RequireRateLimiting(RateLimits.PublicFormPolicy)
            .Produces<FiledDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("提交政府信息公开申请（公开，无需令牌）。返回受理编号、查询码（只返回这一次；同一 Idempotency-Key 重试返回同一申请）和答复期限");

        api.MapGet("/{trackingNumber}", async (string trackingNumber, [FromHeader(Name = "X-Request-Secret")] string? secretHeader, string? secret,
                TrackRequest track, CancellationToken ct) =>
            {
                var found = await track.FindAsync(trackingNumber, secretHeader ?? secret, ct);
                return found is null
                    ? Results.Problem(statusCode: 404, title: "未找到该申请", detail: "受理编号或查询码不正确。")
                    : Results.Ok(new StatusDto(found.TrackingNumber, found.OrganName, found.Channel, ChineseDates.Iso(found.ReceivedOn), found.Stage,
                        found.DueOn is { } due ? ChineseDates.Iso(due) : null, found.DuePendingReason, found.DueProvisionalReason is not null,
                        found.DueProvisionalReason, found.Timeliness, found.Outcome,
                        found.ClosedOn is { } closed ? ChineseDates.Iso(closed) : null, found.Explanation));
            })
            .Produces<StatusDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("查询申请的办理阶段和答复期限：查询码放在请求头 X-Request-Secret（或查询参数 secret）；编号或查询码不对时返回404");
    }
}
