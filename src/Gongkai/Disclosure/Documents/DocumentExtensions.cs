namespace Gongkai.Disclosure.Documents;

/// <summary>
/// A rule another module adds to publication (e.g. 三同步: a policy flagged as needing an interpretation). It throws a
/// <see cref="Platform.ValidationFailure"/> to refuse; it runs before anything is changed.
/// </summary>
public interface IPublishCheck
{
    Task CheckAsync(GovDocument doc, CancellationToken ct);
}

/// <summary>A link the public document page shows under 相关信息 (interpretations, the consultation it came from …).</summary>
public sealed record RelatedLink(string Kind, string Title, string Url);

/// <summary>Another module's links for a published document's page, read on every view (they are not cached with it).</summary>
public interface IDocumentRelations
{
    Task<IReadOnlyList<RelatedLink>> ForAsync(Guid documentId, CancellationToken ct);
}
