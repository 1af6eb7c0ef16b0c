using Gongkai.Platform.RichText;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// Staff open a consultation: details, period, draft versions with change notes, basis documents, announcement, and at
/// the end the decision document. The period is checked against the minimum on the working-day calendar whenever it
/// is set; once open it may only be extended (a shortened period would cut off people who planned to comment).
/// </summary>
public sealed class ManageConsultation(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, CalendarStore calendars,
    PublishedDocuments published, ConsultationSnapshots snapshots, IOptions<ConsultationOptions> options, TimeProvider clock)
{
    private ConsultationOptions Options => options.Value;

    public async Task<Consultation> CreateAsync(ConsultationInput input, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(input.OrganId, ConsultationAccess.Editors, "发起", ConsultationAccess.Records);
        // Every field is checked before anything is refused, so the form shows all its problems at once.
        var checks = new FieldChecks();
        if (!await db.Organs.AnyAsync(o => o.Id == input.OrganId, ct))
        {
            checks.Check(() => throw new ValidationFailure("请选择发起单位。", "OrganId"));
        }

        var title = checks.Read(() => Title(input));
        var explanation = checks.Read(() => Explanation(input));
        var opens = checks.Read(() => input.OpensAt is { } o ? ConsultationInput.Instant(o) : throw new ValidationFailure("请填写征集开始时间。", "OpensAt"));
        var closes = checks.Read(() => input.ClosesAt is { } c ? ConsultationInput.Instant(c) : throw new ValidationFailure("请填写征集截止时间。", "ClosesAt"));
        if (!checks.Failed("OpensAt") && !checks.Failed("ClosesAt"))
        {
            var calendar = await calendars.GetAsync(ct);
            checks.Check(() => ConsultationPeriod.Check(opens, closes, Options, calendar));
        }

        var text = checks.Read(() => RequireDraft(input.DraftText));
        var otherChannels = checks.Read(() => InputText.OrNull(input.OtherChannels, 1000, "内容不能超过1000字。", "OtherChannels"));
        checks.ThrowIfAny();
        var now = clock.GetUtcNow();
        var c = new Consultation
        {
            OrganId = input.OrganId,
            Kind = input.Kind,
            Title = title,
            Explanation = explanation,
            OtherChannels = otherChannels,
            CreatedAt = now,
        };
        c.Reschedule(opens, closes, null, now);
        db.Add(c);
        db.Add(Version(c, 1, "征求意见稿", text, now));
        audit.Record(PolicyAuditActions.ConsultationCreate, "Consultation", c.Id.ToString(), $"发起{c.Kind.Label()}“{c.Title}”，征集期{ChineseDates.Local(opens)}至{ChineseDates.Local(closes)}", c.OrganId, role);
        await db.SaveChangesAsync(ct);
        snapshots.Invalidate(c.Id);
        return c;
    }

    public async Task UpdateAsync(Consultation c, ConsultationInput input, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Editors, "修改", ConsultationAccess.Records);
        var now = clock.GetUtcNow();
        var state = ConsultationStates.Of(c, now);
        if (state is ConsultationState.AwaitingFeedback or ConsultationState.Concluded)
        {
            throw new ValidationFailure("征集期已结束，不能再修改征集信息。", "Status");
        }

        var (title, explanation) = Details(input);
        var (opens, closes) = RequirePeriod(input);
        if (state == ConsultationState.Open)
        {
            if (opens != c.OpensAt)
            {
                throw new ValidationFailure("征集已经开始，不能修改开始时间。", "OpensAt");
            }

            if (closes < c.ClosesAt)
            {
                throw new ValidationFailure("征集已经开始，截止时间只能延后，不能提前。", "ClosesAt");
            }
        }
        else if (c.AnnouncedAt is not null && opens < now - TimeSpan.FromMinutes(10))
        {
            throw new ValidationFailure("已发布的征集，开始时间不能早于当前时间。", "OpensAt");
        }

        var calendar = await calendars.GetAsync(ct);
        ConsultationPeriod.Check(opens, closes, Options, calendar);
        var changes = new List<string>();
        if (title != c.Title)
        {
            changes.Add("标题");
        }

        if (explanation != c.Explanation)
        {
            changes.Add("起草说明");
        }

        if (opens != c.OpensAt || closes != c.ClosesAt)
        {
            changes.Add($"征集期改为{ChineseDates.Local(opens)}至{ChineseDates.Local(closes)}");
        }

        c.Title = title;
        c.Explanation = explanation;
        c.Kind = input.Kind;
        c.OtherChannels = InputText.OrNull(input.OtherChannels, 1000, "内容不能超过1000字。");
        c.Reschedule(opens, closes, c.AnnouncedAt is null ? null : ConsultationPeriod.FeedbackDue(closes, Options, calendar), now);
        audit.Record(PolicyAuditActions.ConsultationUpdate, "Consultation", c.Id.ToString(), $"修改“{c.Title}”：{(changes.Count == 0 ? "其他信息" : string.Join("；", changes))}", c.OrganId, role);
        await db.SaveChangesAsync(ct);
        snapshots.Invalidate(c.Id);
    }

    /// <summary>A new version of the draft; earlier versions and the comments made on them stay as they were.</summary>
    public async Task<DraftVersion> AddVersionAsync(Consultation c, string? text, string? changeNote, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Editors, "修改", ConsultationAccess.Records);
        var now = clock.GetUtcNow();
        if (ConsultationStates.Of(c, now) is ConsultationState.AwaitingFeedback or ConsultationState.Concluded)
        {
            throw new ValidationFailure("征集期已结束，不能再发布新的征求意见稿。", "Text");
        }

        var draft = RequireDraft(text);
        var note = changeNote?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > 2000)
        {
            throw new ValidationFailure("请填写修改说明（不超过2000字），说明新版本改了什么。", "ChangeNote");
        }

        var current = await db.Set<DraftVersion>().Where(v => v.ConsultationId == c.Id && v.Number == c.CurrentVersion).Select(v => v.Text).SingleAsync(ct);
        if (current.Trim() == draft)
        {
            throw new ValidationFailure("新版本与当前版本内容相同。", "Text");
        }

        var version = Version(c, c.AddVersion(now), note, draft, now);
        db.Add(version);
        audit.Record(PolicyAuditActions.ConsultationVersion, "Consultation", c.Id.ToString(), $"“{c.Title}”发布第{c.CurrentVersion}版征求意见稿：{note}", c.OrganId, role);
        await db.SaveChangesAsync(ct);
        snapshots.Invalidate(c.Id);
        return version;
    }

    public async Task AddBasisAsync(Consultation c, Guid documentId, BasisKind kind, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Editors, "修改", ConsultationAccess.Records);
        var doc = await published.FindAsync(documentId, ct)
            ?? throw new ValidationFailure("只能关联已主动公开的文件，请先发布该文件。", "DocumentId");
        if (await db.Set<ConsultationBasis>().AnyAsync(b => b.ConsultationId == c.Id && b.DocumentId == documentId, ct))
        {
            throw new ValidationFailure("该文件已经关联。", "DocumentId");
        }

        db.Add(new ConsultationBasis { ConsultationId = c.Id, DocumentId = doc.Id, Title = doc.Title, Kind = kind });
        c.UpdatedAt = clock.GetUtcNow();
        audit.Record(PolicyAuditActions.ConsultationBasis, "Consultation", c.Id.ToString(), $"“{c.Title}”关联{kind.Label()}“{doc.Title}”", c.OrganId, role);
        await db.SaveChangesAsync(ct);
        snapshots.Invalidate(c.Id);
    }

    /// <summary>发布: the public sees the consultation from now on; commenting opens and closes at the period's instants.</summary>
    public async Task AnnounceAsync(Consultation c, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Publishers, "发布", ConsultationAccess.Records);
        var now = clock.GetUtcNow();
        if (c.AnnouncedAt is not null)
        {
            throw new ValidationFailure("该征集已经发布。", "Status");
        }

        if (c.ClosesAt <= now)
        {
            throw new ValidationFailure("截止时间已过，请先修改征集期。", "ClosesAt");
        }

        var calendar = await calendars.GetAsync(ct);
        // Announced late, the period still counts from when the public can first read it.
        var effectiveOpen = c.OpensAt < now ? now : c.OpensAt;
        ConsultationPeriod.Check(effectiveOpen, c.ClosesAt, Options, calendar);
        c.Announce(now, ConsultationPeriod.FeedbackDue(c.ClosesAt, Options, calendar));
        audit.Record(PolicyAuditActions.ConsultationAnnounce, "Consultation", c.Id.ToString(), $"发布“{c.Title}”，征集期{ChineseDates.Local(c.OpensAt)}至{ChineseDates.Local(c.ClosesAt)}", c.OrganId, role);
        await db.SaveChangesAsync(ct);
        snapshots.Invalidate(c.Id);
    }

    /// <summary>The decision document adopted after the consultation; its public page links back here.</summary>
    public async Task SetDecisionAsync(Consultation c, Guid documentId, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(c.OrganId, ConsultationAccess.Publishers, "修改", ConsultationAccess.Records);
        if (ConsultationStates.Of(c, clock.GetUtcNow()) is not (ConsultationState.AwaitingFeedback or ConsultationState.Concluded))
        {
            throw new ValidationFailure("征集期结束后才能关联最终决策文件。", "DocumentId");
        }

        var doc = await published.FindAsync(documentId, ct)
            ?? throw new ValidationFailure("只能关联已主动公开的文件，请先发布决策文件。", "DocumentId");
        c.SetDecision(doc.Id, clock.GetUtcNow());
        audit.Record(PolicyAuditActions.ConsultationDecision, "Consultation", c.Id.ToString(), $"“{c.Title}”关联最终决策文件“{doc.Title}”", c.OrganId, role);
        await db.SaveChangesAsync(ct);
        snapshots.Invalidate(c.Id);
    }

    private DraftVersion Version(Consultation c, int number, string note, string text, DateTimeOffset now)
    {
        var units = DraftText.Split(text);
        var version = new DraftVersion { ConsultationId = c.Id, Number = number, ChangeNote = note, Text = text, CreatedAt = now, CreatedByName = actor.Name };
        version.Articles.AddRange(units.Select((u, i) => new DraftArticle { VersionId = version.Id, Position = i + 1, Label = u.Label, Text = u.Text }));
        return version;
    }

    private static (string Title, string Explanation) Details(ConsultationInput input) => (Title(input), Explanation(input));

    private static string Title(ConsultationInput input)
    {
        var title = input.Title?.Trim();
        return string.IsNullOrEmpty(title) || title.Length > 300 ? throw new ValidationFailure("请填写标题（不超过300字）。", "Title") : title;
    }

    private static string Explanation(ConsultationInput input)
    {
        // From the shared editor: rich text is stored sanitised (the one sanitiser, Platform/RichText), plain text as typed.
        var explanation = InputText.OrNull(input.Explanation, 20_000, "内容不能超过20000字。", "Explanation") ?? "";
        if (RichTextHtml.LooksLikeHtml(explanation))
        {
            if (RichTextHtml.HasActiveContent(explanation))
            {
                throw new ValidationFailure("起草说明含有脚本、事件属性或内嵌框架等不安全内容，请删除后再保存。", "Explanation");
            }

            explanation = RichTextHtml.FromOffice(explanation).Html;
        }

        return explanation;
    }

    private static (DateTimeOffset Opens, DateTimeOffset Closes) RequirePeriod(ConsultationInput input)
    {
        if (input.OpensAt is not { } opens)
        {
            throw new ValidationFailure("请填写征集开始时间。", "OpensAt");
        }

        if (input.ClosesAt is not { } closes)
        {
            throw new ValidationFailure("请填写征集截止时间。", "ClosesAt");
        }

        return (ConsultationInput.Instant(opens), ConsultationInput.Instant(closes));
    }

    private static string RequireDraft(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new ValidationFailure("请填写征求意见稿正文。", "DraftText");
        }

        if (text.Length > 200_000)
        {
            throw new ValidationFailure("征求意见稿正文不能超过20万字。", "DraftText");
        }

        if (text.Contains('<') && System.Text.RegularExpressions.Regex.IsMatch(text, @"<\s*/?\s*[A-Za-z]"))
        {
            throw new ValidationFailure("征求意见稿请填写纯文本（每条另起一行，以“第…条”开头），不要包含HTML标签。", "DraftText");
        }

        return text;
    }
}
