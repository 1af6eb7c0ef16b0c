namespace Gongkai.Disclosure.Documents;

/// <summary>
/// The publishing workflow 草稿 → 提交审核 → 已审核 → 已发布 → 已撤回 (docs/ARCHITECTURE.md §State lives in the aggregate): the
/// only code that sets the status and the review, publication and withdrawal fields. The use cases check permissions and
/// input and explain refusals in Chinese; a move the workflow does not allow throws <see cref="InvalidOperationException"/>
/// here (a programming error, never bad input).
/// </summary>
public sealed partial class GovDocument
{
    /// <summary>An edit of a draft or a submitted document: it is a draft again (a submitted one must be submitted anew).</summary>
    public void BackToDraft()
    {
        Require(DocumentStatus.Draft, DocumentStatus.Submitted);
        Status = DocumentStatus.Draft;
    }

    /// <summary>提交审核.</summary>
    public void Submit()
    {
        Require(DocumentStatus.Draft);
        Status = DocumentStatus.Submitted;
    }

    /// <summary>保密审查通过: ready to publish.</summary>
    public void ApproveReview(string? byId, string byName, string opinion, DateTimeOffset now)
    {
        Require(DocumentStatus.Submitted);
        Status = DocumentStatus.Reviewed;
        RecordReview(byId, byName, opinion, now);
        UpdatedAt = now;
    }

    /// <summary>退回: a draft again, with the reviewer's opinion.</summary>
    public void ReturnReview(string? byId, string byName, string opinion, DateTimeOffset now)
    {
        Require(DocumentStatus.Submitted);
        Status = DocumentStatus.Draft;
        RecordReview(byId, byName, opinion, now);
        UpdatedAt = now;
    }

    /// <summary>定时发布: a reviewed document waits for its time (the scheduled publisher publishes it).</summary>
    public void ScheduleFor(DateTimeOffset when)
    {
        Require(DocumentStatus.Reviewed);
        ScheduledFor = when;
    }

    /// <summary>A scheduled publication that could not run is dropped; the document stays reviewed.</summary>
    public void CancelSchedule() => ScheduledFor = null;

    /// <summary>发布 of a reviewed document; late when published after its 公开期限 (<see cref="PublishDueOn"/>).</summary>
    public void Publish(DateTimeOffset now, DateOnly today)
    {
        Require(DocumentStatus.Reviewed);
        Status = DocumentStatus.Published;
        PublishedAt = now;
        ScheduledFor = null;
        PublishedLate = PublishDueOn is { } due && today > due;
        UpdatedAt = now;
    }

    /// <summary>修订 of a published document: the next version, published now; the note is the review opinion.</summary>
    public void Revise(string? byId, string byName, string changeNote, DateTimeOffset now, DateOnly today)
    {
        Require(DocumentStatus.Published);
        Version++;
        PublishedAt = now;
        PublishedLate = PublishDueOn is { } due && today > due;
        RecordReview(byId, byName, changeNote, now);
    }

    /// <summary>
    /// A document the platform generated (e.g. the annual report) published at once, in force; <paramref name="newVersion"/>
    /// when it replaces an earlier publication of the same document, whatever state it was in.
    /// </summary>
    public void PublishGenerated(string? byId, string byName, string? note, DateTimeOffset now, bool newVersion)
    {
        if (newVersion)
        {
            Version++;
        }

        (Status, Validity, PublishedAt, ScheduledFor, PublishedLate) = (DocumentStatus.Published, Validity.Valid, now, null, false);
        RecordReview(byId, byName, note, now);
        UpdatedAt = now;
    }

    /// <summary>撤回: no longer public, with the reason.</summary>
    public void Withdraw(string reason, DateTimeOffset now)
    {
        Require(DocumentStatus.Published);
        Status = DocumentStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawReason = reason;
        UpdatedAt = now;
    }

    /// <summary>Test and benchmark rows written straight to the table: the status (and publication time) as given.</summary>
    internal GovDocument WithStoredStatus(DocumentStatus status, DateTimeOffset? publishedAt = null)
    {
        (Status, PublishedAt) = (status, publishedAt);
        return this;
    }

    private void RecordReview(string? byId, string byName, string? opinion, DateTimeOffset at) =>
        (ReviewerId, ReviewerName, ReviewOpinion, ReviewedAt) = (byId, byName, opinion, at);

    private void Require(params DocumentStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidOperationException($"Document {Id} is {Status}; this step needs {string.Join(" or ", allowed)}.");
        }
    }

    /// <summary>
    /// Gives the document its English title and summary, or takes them away (both null): a translation of what is
    /// published, not a new version, so the state, the version and the publication clock are unchanged.
    /// </summary>
    public void Translate(string? englishTitle, string? englishSummary, DateTimeOffset now)
    {
        if (Status == DocumentStatus.Withdrawn)
        {
            throw new InvalidOperationException("A withdrawn document is not translated.");
        }

        if (englishTitle is null && englishSummary is not null)
        {
            throw new InvalidOperationException("An English summary needs an English title.");
        }

        EnglishTitle = englishTitle;
        EnglishSummary = englishSummary;
        UpdatedAt = now;
    }
}
