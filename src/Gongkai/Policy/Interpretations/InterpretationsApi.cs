namespace Gongkai.Policy.Interpretations;

/// <summary>/api/v1/interpretations: published interpretations with the policies they explain, searchable.</summary>
internal static class InterpretationsApi
{
    public sealed record ItemDto(Guid Id, string Title, string Form, DateTimeOffset? PublishedAt, IReadOnlyList<string> Policies, string Url);

    public sealed record ListDto(int Total, int Page, IReadOnlyList<ItemDto> Items);

    public sealed record PolicyDto(Guid Id, string Title, string? IndexNumber, string Url);

    public sealed record ElementDto(string Name, string Text);

    public sealed record QuestionDto(string Question, string Answer);

    public sealed record DetailDto(Guid Id, string Title, string Form, string Organ, DateTimeOffset? PublishedAt, string? Speaker, string? MediaUrl,
        IReadOnlyList<ElementDto> Elements, IReadOnlyList<QuestionDto> Questions, IReadOnlyList<PolicyDto> Policies);

    public static void MapInterpretationsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/interpretations").WithTags("政策解读");

        api.MapGet("", async (string? q, int? page, InterpretationQueries queries, CancellationToken ct) =>
            {
                var p = Math.Max(1, page ?? 1);
                var (items, total) = await queries.PublicAsync(q, p, ct);
                return Results.Ok(new ListDto(total, p, items.Select(i => new ItemDto(i.Id, i.Title, i.Form.Label(), i.PublishedAt, i.Policies, $"/interpretations/{i.Id}")).ToList()));
            })
            .Produces<ListDto>()
            .WithSummary("已发布的政策解读，最新在前；q 在标题、主要内容、关键词诠释和每组问答中查找");

        api.MapGet("/{id:guid}", async (Guid id, InterpretationQueries queries, CancellationToken ct) =>
                await queries.PublicDetailAsync(id, ct) is { } d
                    ? Results.Ok(new DetailDto(d.Interpretation.Id, d.Interpretation.Title, d.Interpretation.Form.Label(), d.OrganName, d.Interpretation.PublishedAt,
                        d.Interpretation.Speaker, d.Interpretation.MediaUrl,
                        d.Interpretation.Elements().Where(e => e.Text is not null).Select(e => new ElementDto(e.Name, e.Text!)).ToList(),
                        d.Interpretation.Questions.Select(x => new QuestionDto(x.Question, x.Answer)).ToList(),
                        d.Policies.Select(p => new PolicyDto(p.Id, p.Title, p.IndexNumber, p.Url)).ToList()))
                    : Results.Problem(statusCode: 404, title: "未找到该政策解读", detail: "该政策解读不存在或尚未发布。"))
            .Produces<DetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("一篇政策解读：形式、解读要素、问答和所解读的政策文件");
    }
}
