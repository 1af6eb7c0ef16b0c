using Gongkai.Disclosure.Documents;
using Gongkai.Disclosure.Review;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure;

/// <summary>/api/v1/documents and /api/v1/search.</summary>
internal static class DisclosureApi
{
    public sealed class CreateDocumentRequest
    {
        public DocumentInput Document { get; set; } = new();
        /// <summary>Publish at once when the caller may and the scan is clean (default true).</summary>
        public bool Publish { get; set; } = true;
        /// <summary>保密审查意见 recorded when the caller publishes.</summary>
        public string? ReviewOpinion { get; set; }
    }

    public sealed record WithdrawRequest(string? Reason);

    public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Url);

    public sealed record DocumentDto(
        Guid Id, string? IndexNumber, string Title, string? DocumentNumber, string SubjectCategory, string InformationType, string Issuer,
        string WrittenOn, string? PublishedAt, string Validity, string Attribute, string Status, string Url, string? Summary, string BodyHtml,
        string? PublishDueOn, bool PublishedLate, IReadOnlyList<AttachmentDto> Attachments);

    public sealed record FindingDto(long Id, string Kind, string Source, string MaskedText, string? Context);

    public sealed record SearchItemDto(Guid Id, string Title, string Url, string Organ, DateTimeOffset PublishedAt, string Snippet);

    /// <param name="Total">Matching documents; when <paramref name="TotalExact"/> is false, at least this many (counting stops there).</param>
    public sealed record SearchDto(int Total, bool TotalExact, int Page, IReadOnlyList<SearchItemDto> Items);

    public static void MapDisclosureApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("主动公开");

        api.MapPost("/documents", async (CreateDocumentRequest request, GongkaiDb db, SaveDraft draft, SubmitDocument submit,
            ReviewDocument review, PublishDocument publish, StaffAccess access, CancellationToken ct) =>
        {
            // One unit of work for the four use cases (they join it through OwnedTransaction): a refusal at any step,
            // the last included, leaves no draft, no review and no audit event behind.
            await using var tx = await OwnedTransaction.BeginAsync(db, ct);
            var doc = await draft.CreateAsync(request.Document, ct);
            if (!request.Publish)
            {
                await tx.CommitAsync(ct);
                return Results.Created(DocumentSearch.Url(doc.Id), await DtoAsync(db, doc, ct));
            }

            var findings = await submit.HandleAsync(doc, ct);
            if (findings.Count > 0)
            {
                // Kept on purpose: the document waits, pending, for a reviewer to mask or confirm the findings.
                await tx.CommitAsync(ct);
                return Results.Problem(statusCode: 422, title: "发现个人信息，未发布",
                    detail: $"个人信息检测发现{findings.Count}处待处理，信息已保存为待审核（编号{doc.Id}），请审核人脱敏或确认后再发布。",
                    extensions: new Dictionary<string, object?>
                    {
                        ["documentId"] = doc.Id,
                        ["findings"] = findings.Select(f => new FindingDto(f.Id, f.Kind.ToString(), f.Source, f.MaskedText, f.Context)).ToList(),
                    });
            }

            if (await access.RoleForAsync(doc.OrganId, DocumentAccess.Reviewers) is not null
                && await access.RoleForAsync(doc.OrganId, DocumentAccess.Publishers) is not null)
            {
                await review.ApproveAsync(doc, string.IsNullOrWhiteSpace(request.ReviewOpinion) ? "经接口提交，审核人保密审查通过" : request.ReviewOpinion, ct);
                await publish.HandleAsync(doc, null, ct);
            }

            await tx.CommitAsync(ct);
            return Results.Created(DocumentSearch.Url(doc.Id), await DtoAsync(db, doc, ct));
        })
        .RequireAuthorization(PlatformModule.ApiPolicy)
        .WithSummary("新建信息；调用者有审核和发布权限且未检出个人信息时直接发布（需令牌）");

        api.MapGet("/documents/{id:guid}", async (Guid id, GongkaiDb db, DocumentFinder documents, CancellationToken ct) =>
        {
            var doc = await documents.ReadPublicOrInScopeAsync(id, ct);
            if (doc is null)
            {
                return Results.Problem(statusCode: 404, title: "未找到该信息");
            }

            return Results.Ok(await DtoAsync(db, doc, ct));
        })
        .WithSummary("一条信息（已发布的公开可见；未发布的仅本单位有权限的令牌可见）");

        api.MapPost("/documents/{id:guid}/withdraw", async (Guid id, WithdrawRequest request, GongkaiDb db, DocumentFinder documents, WithdrawDocument withdraw, CancellationToken ct) =>
        {
            var doc = await documents.FindAsync(id, ct);
            if (doc is null)
            {
                return Results.Problem(statusCode: 404, title: "未找到该信息");
            }

            await withdraw.HandleAsync(doc, request.Reason, ct);
            return Results.Ok(await DtoAsync(db, doc, ct));
        })
        .RequireAuthorization(PlatformModule.ApiPolicy)
        .WithSummary("撤回已发布的信息（需令牌）");

        api.MapGet("/search", async (string? q, Guid? organ, string? category, string? from, string? to, int? page, int? pageSize, string? sort,
            DocumentSearch search, CancellationToken ct) =>
        {
            var f = new DocumentSearch.Filters(organ, category, OptionalDate(from, "from"), OptionalDate(to, "to"), sort == "date", page ?? 1, pageSize ?? 10);
            if (string.IsNullOrWhiteSpace(q))
            {
                throw new ValidationFailure("请输入搜索词（q）。", "q");
            }

            if (SearchRules.Check(q, f.Category, f.From, f.To, sort, f.Page) is [_, ..] refused)
            {
                throw new ValidationFailure(string.Join("", refused));
            }

            var result = await search.SearchAsync(q, f, ct);
            return new SearchDto(result.Total, result.TotalIsExact, f.Page, result.Items.Select(h => new SearchItemDto(h.Id, h.Title, h.Url, h.Organ, h.PublishedAt, h.Snippet)).ToList());
        })
        .WithSummary("全文检索已发布的政府信息；snippet 中命中词以 <mark> 标出");
    }

    private static DateOnly? OptionalDate(string? text, string field) => InputDates.Optional(text, field);

    internal static async Task<DocumentDto> DtoAsync(GongkaiDb db, GovDocument d, CancellationToken ct)
    {
        var attachments = d.Attachments.Count > 0 ? d.Attachments : await db.DocumentAttachments.AsNoTracking().Where(a => a.DocumentId == d.Id).ToListAsync(ct);
        return new DocumentDto(d.Id, d.IndexNumber, d.Title, d.DocumentNumber, d.SubjectCategory, d.InformationType.ToString(), d.Issuer,
            ChineseDates.Iso(d.WrittenOn), d.PublishedAt is { } p ? ChineseDates.Local(p) : null, d.Validity.ToString(), d.Attribute.ToString(),
            d.Status.ToString(), DocumentSearch.Url(d.Id), d.Summary, d.BodyHtml, d.PublishDueOn is { } due ? ChineseDates.Iso(due) : null, d.PublishedLate,
            attachments.OrderBy(a => a.SortOrder).Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, $"/documents/{d.Id}/attachments/{a.Id}")).ToList());
    }
}
