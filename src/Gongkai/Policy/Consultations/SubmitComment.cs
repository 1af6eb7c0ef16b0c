using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Policy.Consultations;

/// <summary>A comment as a member of the public or a clerk gives it.</summary>
public sealed class CommentInput
{
    /// <summary>The article commented on; null for the whole draft.</summary>
    public Guid? ArticleId { get; set; }
    /// <summary>The draft version read (whole-draft comments); the current one when not given.</summary>
    public int? VersionNumber { get; set; }
    public string? Body { get; set; }
    public string? Name { get; set; }
    /// <summary>Phone or e-mail, optional.</summary>
    public string? Contact { get; set; }
    /// <summary>Hidden form field / Idempotency-Key: a second submission with it answers the first receipt.</summary>
    public string? SubmissionKey { get; set; }
    /// <summary>Staff entry only: how it came (信函, 会议, 热线) and the day it was received.</summary>
    public CommentChannel? Channel { get; set; }
    public DateOnly? ReceivedOn { get; set; }
}

public sealed record CommentReceipt(string ReceiptNumber, DateTimeOffset ReceivedAt, string? ArticleLabel, int VersionNumber, bool Repeated);

/// <summary>
/// Files a comment: online only while the consultation is open (the instant of closing is the end), staff-entered
/// ones (letters, meetings, hotline) when received within the period. Oversized or HTML text is refused before anything
/// is stored. The comment gets a receipt number and waits for moderation before the public sees it.
/// Online comments are checked against the consultation's in-memory snapshot (<see cref="ConsultationSnapshots"/>, no
/// database read) and stored by <see cref="CommentIntake"/> in batches; staff entries are written here, one by one, audited.
/// </summary>
public sealed class SubmitComment(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, CommenterProtector protector, CommenterNotices notices,
    ConsultationSnapshots snapshots, CommentIntake intake, IOptions<ConsultationOptions> options, TimeProvider clock)
{
    public async Task<CommentReceipt> OnlineAsync(Guid consultationId, CommentInput input, CommentChannel channel = CommentChannel.Online, CancellationToken ct = default)
    {
        var key = Key(input);
        var c = await snapshots.GetAsync(db, consultationId, ct: ct);
        if (c?.AnnouncedAt is null)
        {
            throw new NotFound();
        }

        var now = clock.GetUtcNow();
        if (CommentPeriod.Refusal(c.OpensAt, c.ClosesAt, now) is not null)
        {
            // The period may have changed on another node since the snapshot was read: read it again before refusing.
            c = await snapshots.GetAsync(db, consultationId, fresh: c.AgeMs > 500, ct) ?? throw new NotFound();
            if (CommentPeriod.Refusal(c.OpensAt, c.ClosesAt, now) is { } refusal)
            {
                // A double submission that was stored in time still answers its receipt.
                return key is not null && await ExistingAsync(key, ct) is { } earlier ? earlier : throw refusal;
            }
        }

        var checks = new FieldChecks();
        var (body, name, contact) = Fields(input, checks);
        var (versionId, versionNumber, articleId, label) = await checks.ReadAsync(() => TargetAsync(c, input, ct));
        checks.ThrowIfAny();
        return await intake.SubmitAsync(new ConsultationComment
        {
            ConsultationId = c.Id,
            VersionId = versionId,
            VersionNumber = versionNumber,
            ArticleId = articleId,
            ArticleLabel = label,
            ReceiptNumber = "",
            SubmissionKey = key,
            Channel = channel,
            Body = body,
            CommenterName = name,
            ContactProtected = protector.Protect(contact),
            GroupKey = CommentText.Fingerprint(body),
        });
    }

    public async Task<CommentReceipt> EnterAsync(Guid consultationId, CommentInput input, CancellationToken ct = default)
    {
        var channel = input.Channel ?? CommentChannel.Letter;
        var key = Key(input);
        if (key is not null && await ExistingAsync(key, ct) is { } earlier)
        {
            return earlier;
        }

        var c = await db.Set<Consultation>().AsNoTracking().Where(x => x.Id == consultationId)
            .Select(x => new { x.Id, x.OrganId, x.Title, x.AnnouncedAt, x.OpensAt, x.ClosesAt, x.FeedbackPublishedAt, x.CurrentVersion })
            .FirstOrDefaultAsync(ct) ?? throw new NotFound();
        var now = clock.GetUtcNow();
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Editors, "录入", ConsultationAccess.Records);
        // Every field is checked before anything is refused, so the clerk sees all the problems at once.
        var checks = new FieldChecks();
        checks.Check(() =>
        {
            if (channel is not (CommentChannel.Letter or CommentChannel.Meeting or CommentChannel.Hotline))
            {
                throw new ValidationFailure("请选择意见来源：信函、会议或热线电话。", "Channel");
            }
        });
        var day = checks.Read(() =>
        {
            var received = input.ReceivedOn ?? throw new ValidationFailure("请填写收到意见的日期。", "ReceivedOn");
            if (c.AnnouncedAt is null || received < ChineseDates.LocalDay(c.OpensAt) || received > ChineseDates.LocalDay(c.ClosesAt) || received > ChineseDates.Today(clock))
            {
                throw new ValidationFailure($"只能录入征集期内（{ChineseDates.Range(ChineseDates.LocalDay(c.OpensAt), ChineseDates.LocalDay(c.ClosesAt))}）收到的意见。", "ReceivedOn");
            }

            return c.FeedbackPublishedAt is not null ? throw new ValidationFailure("意见采纳情况已经公布，不能再录入意见。", "ReceivedOn") : received;
        });
        var (body, name, contact) = Fields(input, checks);
        var snapshot = await snapshots.GetAsync(db, c.Id, fresh: true, ct) ?? throw new NotFound();
        var (versionId, versionNumber, articleId, label) = await checks.ReadAsync(() => TargetAsync(snapshot, input, ct));
        checks.ThrowIfAny();
        var receivedAt = day == ChineseDates.Today(clock) ? now : ConsultationInput.Instant(day.ToDateTime(new TimeOnly(12, 0)));
        for (var attempt = 0; ; attempt++)
        {
            var comment = new ConsultationComment
            {
                ConsultationId = c.Id,
                VersionId = versionId,
                VersionNumber = versionNumber,
                ArticleId = articleId,
                ArticleLabel = label,
                ReceiptNumber = ReceiptNumbers.Next(ChineseDates.LocalDay(receivedAt)),
                SubmissionKey = key,
                Channel = channel,
                Body = body,
                CommenterName = name,
                ContactProtected = protector.Protect(contact),
                GroupKey = CommentText.Fingerprint(body),
                ReceivedAt = receivedAt,
                EnteredByName = actor.Name,
            };
            db.Add(comment);
            audit.Record(PolicyAuditActions.CommentEnter, "Consultation", c.Id.ToString(),
                $"“{c.Title}”录入{channel.Label()}意见，回执编号{comment.ReceiptNumber}", c.OrganId, role);
            await notices.ReceiptsAsync([comment], ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return new CommentReceipt(comment.ReceiptNumber, comment.ReceivedAt, label, versionNumber, false);
            }
            catch (DbUpdateException e) when (attempt < 3 && !InfrastructureFailure.Is(e))
            {
                db.ChangeTracker.Clear();
                if (key is not null && await ExistingAsync(key, ct) is { } raced)
                {
                    return raced;
                }
            }
        }
    }

    private static string? Key(CommentInput input)
    {
        var key = InputText.OrNull(input.SubmissionKey);
        return key is { Length: > 64 } ? throw new ValidationFailure("提交标识过长。", "SubmissionKey") : key;
    }

    /// <summary>The comment's text fields, each checked; a refusal is kept in <paramref name="checks"/> with the others.</summary>
    private (string Body, string? Name, string? Contact) Fields(CommentInput input, FieldChecks checks)
    {
        var body = checks.Read(() => CommentText.Check(input.Body, options.Value.MaxCommentLength));
        var name = checks.Read(() =>
        {
            var value = input.Name?.Trim();
            return value is { Length: > 100 } ? throw new ValidationFailure("姓名或单位名称不能超过100字。", "Name") : value;
        });
        var contact = checks.Read(() =>
        {
            var value = input.Contact?.Trim();
            return value is { Length: > 100 } ? throw new ValidationFailure("联系方式不能超过100字。", "Contact") : value;
        });
        return (body, string.IsNullOrEmpty(name) ? null : name, contact);
    }

    private async Task<CommentReceipt?> ExistingAsync(string key, CancellationToken ct) =>
        await db.Set<ConsultationComment>().AsNoTracking().Where(x => x.SubmissionKey == key)
            .Select(x => new CommentReceipt(x.ReceiptNumber, x.ReceivedAt, x.ArticleLabel, x.VersionNumber, true)).FirstOrDefaultAsync(ct);

    /// <summary>The version and article commented on, from the snapshot; an article of a version published since is looked up again.</summary>
    private async Task<(Guid VersionId, int Number, Guid? ArticleId, string? Label)> TargetAsync(ConsultationSnapshots.Snapshot c, CommentInput input, CancellationToken ct)
    {
        if (input.ArticleId is { } articleId)
        {
            if (!c.Articles.TryGetValue(articleId, out var article) && c.AgeMs > 500)
            {
                c = await snapshots.GetAsync(db, c.Id, fresh: true, ct) ?? throw new NotFound();
                c.Articles.TryGetValue(articleId, out article);
            }

            return article is null
                ? throw new ValidationFailure("所选条款不属于本次征求意见稿。", "ArticleId")
                : (article.VersionId, article.VersionNumber, articleId, article.Label);
        }

        var number = input.VersionNumber ?? c.CurrentVersion;
        if (!c.Versions.ContainsKey(number) && c.AgeMs > 500)
        {
            c = await snapshots.GetAsync(db, c.Id, fresh: true, ct) ?? throw new NotFound();
        }

        return c.Versions.TryGetValue(number, out var version)
            ? (version, number, null, null)
            : throw new ValidationFailure("所选版本不存在。", "VersionNumber");
    }

    /// <summary>The consultation does not exist or is not public: the caller answers 404.</summary>
    public sealed class NotFound() : Exception("未找到该意见征集。");
}
