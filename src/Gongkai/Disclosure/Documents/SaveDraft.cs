using Gongkai.Disclosure.Catalogue;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Creates or edits a document before publication. 公开属性 is required at drafting, with a reason and legal
/// basis when it is not 主动公开; a body carrying scripts is refused rather than silently changed.
/// </summary>
public sealed class SaveDraft(GongkaiDb db, AuditLog audit, StaffAccess access, CalendarStore calendar, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Art. 26: publish within 20 working days of forming or changing the information.</summary>
    public const int PublishWithinWorkingDays = 20;

    /// <summary>清单 changes are published within 10 working days (西城区细则 task 1: “清单调整后10个工作日内将调整情况向社会公开”).</summary>
    public const int ListChangesWithinWorkingDays = 10;

    public static int WorkingDaysAllowed(InformationType type) =>
        type == InformationType.List ? ListChangesWithinWorkingDays : PublishWithinWorkingDays;

    public async Task<GovDocument> CreateAsync(DocumentInput input, CancellationToken ct = default)
    {
        // Without an organ there is nobody's right to check yet: the other fields are checked too, so the form shows
        // every problem at once; with one, the right is checked before the input (docs/ARCHITECTURE.md §Use cases).
        var checks = new FieldChecks();
        var organ = checks.Read(() => input.OrganId ?? throw new ValidationFailure("请选择公开主体（发布机构）。", "OrganId"));
        if (!checks.Any && !await db.Organs.AnyAsync(o => o.Id == organ, ct))
        {
            checks.Check(() => throw new ValidationFailure("公开主体不存在。", "OrganId"));
        }

        if (checks.Any)
        {
            await CheckAsync(Guid.Empty, input, checks, ct);
        }

        var role = await access.RequireAsync(organ, DocumentAccess.Editors, "起草", DocumentAccess.Records);
        var now = clock.GetUtcNow();
        var doc = new GovDocument
        {
            OrganId = organ,
            Title = "",
            SubjectCategory = "",
            Issuer = "",
            CreatedAt = now,
            CreatedById = actor.UserId,
        };
        await ApplyAsync(doc, input, ct);
        db.Documents.Add(doc);
        audit.Record(DisclosureAuditActions.DocumentCreate, "Document", doc.Id.ToString(), $"起草“{doc.Title}”（{doc.Attribute.Label()}）", organ, role);
        await db.SaveChangesAsync(ct);
        return doc;
    }

    public async Task UpdateAsync(GovDocument doc, DocumentInput input, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Editors, "编辑", DocumentAccess.Records);
        if (doc.Status is not (DocumentStatus.Draft or DocumentStatus.Submitted))
        {
            throw new ValidationFailure($"“{doc.Status.Label()}”状态的信息不能直接修改。", "Status");
        }

        if (input.OrganId is { } organ && organ != doc.OrganId)
        {
            throw new ValidationFailure("公开主体创建后不能更改；请在正确的单位重新起草。", "OrganId");
        }

        await ApplyAsync(doc, input, ct);
        var returned = doc.Status == DocumentStatus.Submitted;
        doc.BackToDraft();
        audit.Record(DisclosureAuditActions.DocumentUpdate, "Document", doc.Id.ToString(), $"修改“{doc.Title}”{(returned ? "（已退回草稿，需重新提交审核）" : "")}", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A draft's fields after every check.</summary>
    internal sealed record ValidDraft(string Title, DisclosureAttribute Attribute, string? Reason, string? Basis, DateOnly Written, DateOnly Formed,
        string? Number, string? Index, DocumentBody.Clean Body, string? Issuer, string? Keywords, string? Summary);

    internal async Task ApplyAsync(GovDocument doc, DocumentInput input, CancellationToken ct)
    {
        var valid = await CheckAsync(doc.Id, input, new FieldChecks(), ct);
        var attribute = valid.Attribute;
        doc.Title = valid.Title;
        doc.Attribute = attribute;
        doc.AttributeReason = attribute == DisclosureAttribute.Proactive ? null : valid.Reason;
        doc.AttributeLegalBasis = attribute == DisclosureAttribute.Proactive ? null : valid.Basis;
        doc.SubjectCategory = input.SubjectCategory!;
        doc.InformationType = input.InformationType;
        doc.Issuer = valid.Issuer ?? await db.Organs.Where(o => o.Id == doc.OrganId).Select(o => o.FullName).SingleAsync(ct);
        doc.WrittenOn = valid.Written;
        doc.FormedOn = valid.Formed;
        doc.PublishDueOn = await DueAsync(valid.Formed, WorkingDaysAllowed(input.InformationType), ct);
        doc.DocumentNumber = valid.Number;
        doc.IndexNumber = valid.Index;
        doc.Keywords = valid.Keywords;
        doc.Summary = valid.Summary;
        doc.BodyHtml = valid.Body.Html;
        doc.BodyText = valid.Body.Text;
        doc.UpdatedAt = clock.GetUtcNow();
    }

    /// <summary>
    /// Reads every field of the form through <paramref name="checks"/> (which may already hold the organ's refusal) and
    /// throws one <see cref="ValidationFailure"/> with all the problems, so the form shows them together; nothing of
    /// the document is changed before every field has passed.
    /// </summary>
    private async Task<ValidDraft> CheckAsync(Guid documentId, DocumentInput input, FieldChecks checks, CancellationToken ct)
    {
        var title = checks.Read(() => InputText.Field(input.Title, "标题", 300, "Title", required: true)!);
        var attribute = checks.Read(() => input.Attribute is { } a && Enum.IsDefined(a)
            ? a
            : throw new ValidationFailure("请选择公开属性（主动公开、依申请公开或不予公开）。公开属性须在起草时确定。", "Attribute"));
        var reason = checks.Read(() => InputText.Field(input.AttributeReason, "不公开理由", 1000, "AttributeReason"));
        var basis = checks.Read(() => InputText.Field(input.AttributeLegalBasis, "法律依据", 200, "AttributeLegalBasis"));
        if (!checks.Failed("Attribute") && !checks.Failed("AttributeReason") && !checks.Failed("AttributeLegalBasis") &&
            attribute != DisclosureAttribute.Proactive && (reason is null || basis is null))
        {
            checks.Check(() => throw new ValidationFailure($"公开属性为“{attribute.Label()}”时，必须说明理由和法律依据（如《政府信息公开条例》第十四条）。", "AttributeReason"));
        }

        if (!SubjectCategories.IsValid(input.SubjectCategory))
        {
            checks.Check(() => throw new ValidationFailure("请选择主题分类（一级\\二级），例如 综合政务\\政务公开。", "SubjectCategory"));
        }

        if (!Enum.IsDefined(input.InformationType))
        {
            checks.Check(() => throw new ValidationFailure("请选择信息类别。", "InformationType"));
        }

        var written = checks.Read(() => input.WrittenOn ?? throw new ValidationFailure("请填写成文日期。", "WrittenOn"));
        var formed = input.FormedOn ?? written;
        if (!checks.Failed("WrittenOn"))
        {
            var today = ChineseDates.Today(clock);
            if (written > today || formed > today)
            {
                checks.Check(() => throw new ValidationFailure("成文日期和形成日期不能晚于今天。", "WrittenOn"));
            }
            else if (formed < written)
            {
                checks.Check(() => throw new ValidationFailure("信息形成（变更）日期不能早于成文日期。", "FormedOn"));
            }
        }

        var number = checks.Read(() => string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : Documents.DocumentNumber.Normalize(input.DocumentNumber));
        var index = checks.Read(() => InputText.Field(input.IndexNumber, "索引号", 64, "IndexNumber"));
        if (index is not null && await db.Documents.AnyAsync(d => d.IndexNumber == index && d.Id != documentId, ct))
        {
            checks.Check(() => throw new ValidationFailure($"索引号“{index}”已被其他信息使用，索引号不能重复。", "IndexNumber"));
        }

        var body = checks.Read(() =>
        {
            if (DocumentBody.HasActiveContent(input.Body))
            {
                throw new ValidationFailure("正文含有脚本、事件属性或内嵌框架等不安全内容，请删除后再保存。", "Body");
            }

            var clean = DocumentBody.FromInput(input.Body, input.BodyFormat);
            return clean.Text.Length > 500_000 ? throw new ValidationFailure("正文过长（超过50万字），请将附属内容作为附件上传。", "Body") : clean;
        });
        var issuer = checks.Read(() => InputText.Field(input.Issuer, "发文机关", 200, "Issuer"));
        var keywords = checks.Read(() => InputText.Field(input.Keywords, "关键词", 200, "Keywords"));
        var summary = checks.Read(() => InputText.Field(input.Summary, "内容概述", 1000, "Summary"));
        checks.ThrowIfAny();
        return new(title, attribute, reason, basis, written, formed, number, index, body, issuer, keywords, summary);
    }

    internal async Task<DateOnly?> DueAsync(DateOnly formed, int workingDays, CancellationToken ct) =>
        (await calendar.GetAsync(ct)).TryAddWorkingDays(formed, workingDays);
}
