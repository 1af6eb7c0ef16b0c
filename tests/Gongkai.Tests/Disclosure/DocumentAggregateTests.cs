using Gongkai.Disclosure.Documents;

namespace Gongkai.Tests.Disclosure;

/// <summary>The publishing workflow as methods of the document (no database): legal moves set their fields, others are refused.</summary>
public class DocumentAggregateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static GovDocument Draft() => new()
    {
        Title = "关于做好2026年低保工作的通知",
        SubjectCategory = "民政、扶贫、救灾\\社会福利",
        Issuer = "区民政局",
        FormedOn = new DateOnly(2026, 2, 10),
        PublishDueOn = new DateOnly(2026, 3, 12),
        Attribute = DisclosureAttribute.Proactive,
    };

    private static GovDocument Reviewed()
    {
        var doc = Draft();
        doc.Submit();
        doc.ApproveReview("reviewer", "王五", "同意发布", Now);
        return doc;
    }

    [Fact]
    public void A_draft_goes_through_review_to_publication_and_withdrawal()
    {
        var doc = Draft();
        doc.Submit();
        Assert.Equal(DocumentStatus.Submitted, doc.Status);
        doc.ApproveReview("reviewer", "王五", "同意发布", Now);
        Assert.Equal((DocumentStatus.Reviewed, "reviewer", "王五", "同意发布", Now), (doc.Status, doc.ReviewerId, doc.ReviewerName, doc.ReviewOpinion, doc.ReviewedAt));
        doc.ScheduleFor(Now.AddHours(3));
        doc.Publish(Now.AddHours(3), new DateOnly(2026, 3, 2));
        Assert.Equal((DocumentStatus.Published, Now.AddHours(3), null, false), (doc.Status, doc.PublishedAt, doc.ScheduledFor, doc.PublishedLate));
        doc.Withdraw("内容有误", Now.AddDays(1));
        Assert.Equal((DocumentStatus.Withdrawn, Now.AddDays(1), "内容有误"), (doc.Status, doc.WithdrawnAt, doc.WithdrawReason));
    }

    [Fact]
    public void Publishing_after_the_due_date_is_late_and_a_revision_is_the_next_version()
    {
        var doc = Reviewed();
        doc.Publish(Now, new DateOnly(2026, 3, 13));
        Assert.True(doc.PublishedLate);
        doc.Revise("editor", "李四", "更正附件", Now.AddDays(2), new DateOnly(2026, 3, 15));
        Assert.Equal((2, Now.AddDays(2), "更正附件", DocumentStatus.Published), (doc.Version, doc.PublishedAt, doc.ReviewOpinion, doc.Status));
    }

    [Fact]
    public void A_return_or_an_edit_makes_it_a_draft_again()
    {
        var doc = Draft();
        doc.Submit();
        doc.ReturnReview("reviewer", "王五", "请删去身份证号", Now);
        Assert.Equal((DocumentStatus.Draft, "请删去身份证号"), (doc.Status, doc.ReviewOpinion));
        doc.Submit();
        doc.BackToDraft();
        Assert.Equal(DocumentStatus.Draft, doc.Status);
    }

    [Fact]
    public void Moves_the_workflow_does_not_allow_are_refused_and_change_nothing()
    {
        var draft = Draft();
        Assert.Throws<InvalidOperationException>(() => draft.Publish(Now, new DateOnly(2026, 3, 2)));
        Assert.Throws<InvalidOperationException>(() => draft.ApproveReview("reviewer", "王五", "同意", Now));
        Assert.Throws<InvalidOperationException>(() => draft.Withdraw("理由", Now));
        Assert.Throws<InvalidOperationException>(() => draft.ScheduleFor(Now));
        Assert.Equal((DocumentStatus.Draft, null, null), (draft.Status, draft.PublishedAt, draft.ReviewedAt));

        var published = Reviewed();
        published.Publish(Now, new DateOnly(2026, 3, 2));
        Assert.Throws<InvalidOperationException>(() => published.BackToDraft());
        Assert.Throws<InvalidOperationException>(() => published.Submit());
        Assert.Equal(DocumentStatus.Published, published.Status);
    }
}
