using Gongkai.Platform;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Policy.Consultations;

/// <summary>/api/v1/consultations: open consultations and their drafts, comment submission, receipts and feedback reports.</summary>
internal static class ConsultationsApi
{
    public sealed record SummaryDto(Guid Id, string Title, string Kind, string Organ, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string State,
        string? FeedbackDueOn, DateTimeOffset? FeedbackPublishedAt, string Url);

    public sealed record ListDto(int Total, int Page, IReadOnlyList<SummaryDto> Items);

    public sealed record ArticleDto(Guid Id, string Label, string Text);

    public sealed record VersionDto(int Number, string ChangeNote, DateTimeOffset CreatedAt, IReadOnlyList<ArticleDto> Articles);

    public sealed record BasisDto(Guid DocumentId, string Title, string Kind, string Url);

    public sealed record DetailDto(SummaryDto Consultation, string Explanation, string? OtherChannels, int CurrentVersion, IReadOnlyList<VersionDto> Versions,
        IReadOnlyList<BasisDto> Basis, string? DecisionDocumentUrl, int PublishedComments);

    public sealed record CommentRequest(Guid? ArticleId, int? VersionNumber, string? Body, string? Name, string? Contact);

    public sealed record ReceiptDto(string ReceiptNumber, DateTimeOffset ReceivedAt, string? Article, int Version, bool Repeated, string LookupUrl);

    public sealed record ReceiptStatusDto(string ReceiptNumber, Guid ConsultationId, string Consultation, DateTimeOffset ReceivedAt, string? Article, int Version,
        string Moderation, string? ModerationNote, string? Text, string? Disposition, string? Reply);

    public sealed record ArticleCountsDto(string Article, int Total, IReadOnlyDictionary<string, int> ByDisposition);

    public sealed record ReasonDto(string? Article, string Reason, int Count);

    public sealed record FeedbackDto(Guid ConsultationId, string Title, DateTimeOffset PublishedAt, string Summary, int Received, int NotPublished,
        IReadOnlyDictionary<string, int> ByDisposition, IReadOnlyList<ArticleCountsDto> ByArticle, IReadOnlyList<ReasonDto> NotAdoptedReasons,
        string? DecisionDocumentUrl);

    public static void MapConsultationsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/consultations").WithTags("意见征集");

        api.MapGet("", async (string? state, int? page, ConsultationQueries queries, CancellationToken ct) =>
            {
                var tab = state switch
                {
                    null or "" or "open" => ConsultationState.Open,
                    "awaiting-feedback" => ConsultationState.AwaitingFeedback,
                    "concluded" => ConsultationState.Concluded,
                    _ => throw new ValidationFailure("state 只能是 open、awaiting-feedback 或 concluded。", "state"),
                };
                var p = Math.Max(1, page ?? 1);
                var (items, total) = await queries.PublicListAsync(tab, p, ct);
                return Results.Ok(new ListDto(total, p, items.Select(Summary).ToList()));
            })
            .Produces<ListDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("意见征集列表：state=open（征集中和即将开始）、awaiting-feedback（已截止待反馈）、concluded（已反馈），每页20条");

        api.MapGet("/{id:guid}", async (Guid id, ConsultationQueries queries, CancellationToken ct) =>
            await queries.PublicDetailAsync(id, ct) is { } d
                ? Results.Ok(new DetailDto(Summary(Row(d)), d.Consultation.Explanation, d.Consultation.OtherChannels, d.Consultation.CurrentVersion,
                    d.Versions.Select(v => new VersionDto(v.Number, v.ChangeNote, v.CreatedAt, v.Articles.Select(a => new ArticleDto(a.Id, a.Label, a.Text)).ToList())).ToList(),
                    d.Consultation.Basis.Select(b => new BasisDto(b.DocumentId, b.Title, b.Kind.Label(), $"/documents/{b.DocumentId}")).ToList(),
                    d.Decision?.Url, d.PublishedComments))
                : NotFound())
            .Produces<DetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("一项意见征集：说明、各版本征求意见稿（逐条，含修改说明）、依据文件、最终决策文件");

        api.MapPost("/{id:guid}/comments", async (Guid id, CommentRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                SubmitComment submit, HttpContext http, CancellationToken ct) =>
            {
                try
                {
                    var receipt = await submit.OnlineAsync(id, new CommentInput
                    {
                        ArticleId = request.ArticleId,
                        VersionNumber = request.VersionNumber,
                        Body = request.Body,
                        Name = request.Name,
                        Contact = request.Contact,
                        SubmissionKey = idempotencyKey,
                    }, CommentChannel.Api, ct);
                    return Results.Created($"/api/v1/consultations/comments/{receipt.ReceiptNumber}",
                        new ReceiptDto(receipt.ReceiptNumber, receipt.ReceivedAt, receipt.ArticleLabel, receipt.VersionNumber, receipt.Repeated, "/consultations/receipt"));
                }
                catch (SubmitComment.NotFound)
                {
                    return NotFound();
                }
                catch (CommentIntake.Busy busy)
                {
                    http.Response.Headers.RetryAfter = "1";
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "请稍后再试", detail: busy.Message);
                }
            })
            .RequireRateLimiting(RateLimits.PublicFormPolicy)
            .Produces<ReceiptDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("提交意见（公开，无需令牌，限频）：articleId 为空时针对整体；联系方式加密保存；返回回执编号。同一 Idempotency-Key 重试返回同一回执；待保存的意见过多时返回503和Retry-After");

        api.MapGet("/comments/{receiptNumber}", async (string receiptNumber, ConsultationQueries queries, CancellationToken ct) =>
                await queries.ReceiptAsync(receiptNumber, ct) is { } r
                    ? Results.Ok(new ReceiptStatusDto(r.ReceiptNumber, r.ConsultationId, r.ConsultationTitle, r.ReceivedAt, r.Article, r.Version, r.Moderation.Label(),
                        r.Moderation == ModerationStatus.Hidden ? r.ModerationNote : null, r.PublicText, r.Disposition?.Label(), r.Reply))
                    : Results.Problem(statusCode: 404, title: "未找到该意见", detail: "回执编号不正确。"))
            .Produces<ReceiptStatusDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("按回执编号查询意见：审核情况，意见采纳情况公布后的处理结果和答复");

        api.MapGet("/{id:guid}/feedback", async (Guid id, ConsultationQueries queries, FeedbackReports reports, CancellationToken ct) =>
            {
                var d = await queries.PublicDetailAsync(id, ct);
                if (d is null || d.Consultation.FeedbackPublishedAt is not { } at)
                {
                    return Results.Problem(statusCode: 404, title: "未找到意见采纳情况", detail: "该意见征集尚未公布意见采纳情况。");
                }

                var r = await reports.BuildAsync(id, ct);
                return Results.Ok(new FeedbackDto(id, d.Consultation.Title, at, d.Consultation.FeedbackSummary ?? "", r.Received, r.Hidden,
                    r.ByDisposition.ToDictionary(x => x.Key.Label(), x => x.Value),
                    r.ByArticle.Select(a => new ArticleCountsDto(a.Article, a.Total, a.ByDisposition.ToDictionary(x => x.Key.Label(), x => x.Value))).ToList(),
                    r.NotAdoptedReasons.Select(x => new ReasonDto(x.Article, x.Reason, x.Count)).ToList(), d.Decision?.Url));
            })
            .Produces<FeedbackDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("意见采纳情况（公布后）：按处理结果和按条款的件数，未采纳意见的理由及件数");
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "未找到该意见征集", detail: "该意见征集不存在或尚未发布。");

    private static ConsultationQueries.Summary Row(ConsultationQueries.Detail d) =>
        new(d.Consultation.Id, d.Consultation.Title, d.Consultation.Kind, d.OrganName, d.Consultation.OpensAt, d.Consultation.ClosesAt, d.State,
            d.Consultation.FeedbackDueOn, d.Consultation.FeedbackPublishedAt, d.Consultation.AnnouncedAt);

    private static SummaryDto Summary(ConsultationQueries.Summary s) =>
        new(s.Id, s.Title, s.Kind.Label(), s.OrganName, s.OpensAt, s.ClosesAt, s.State.Label(),
            s.FeedbackDueOn is { } due ? ChineseDates.Iso(due) : null, s.FeedbackPublishedAt, $"/consultations/{s.Id}");
}
