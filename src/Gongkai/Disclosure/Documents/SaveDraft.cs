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
        var organ = input.OrganId ?? throw new ValidationFailure("请选择公开主体（发布机构）。", "OrganId");
        if (!await db.Organs.AnyAsync(o => o.Id == organ, ct))
        {
            throw new ValidationFailure("公开主体不存在。", "OrganId");
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

    internal async Task ApplyAsync(GovDocument doc, DocumentInput input, CancellationToken ct)
    {
        var title = InputText.Field(input.Title, "标题", 300, "Title", required: true)!;
        var attribute = input.Attribute is { } a && Enum.IsDefined(a)
            ? a
            : throw new ValidationFailure("请选择公开属性（主动公开、依申请公开或不予公开）。公开属性须在起草时确定。", "Attribute");
        var reason = InputText.Field(input.AttributeReason, "不公开理由", 1000, "AttributeReason");
        var basis = InputText.Field(input.AttributeLegalBasis, "法律依据", 200, "AttributeLegalBasis");
        if (attribute != DisclosureAttribute.Proactive && (reason is null || basis is null))
        {
            throw new ValidationFailure($"公开属性为“{attribute.Label()}”时，必须说明理由和法律依据（如《政府信息公开条例》第十四条）。", "AttributeReason");
        }

        if (!SubjectCategories.IsValid(input.SubjectCategory))
        {
            throw new ValidationFailure("请选择主题分类（一级\\二级），例如 综合政务\\政务公开。", "SubjectCategory");
        }

        if (!Enum.IsDefined(input.InformationType))
        {
            throw new ValidationFailure("请选择信息类别。", "InformationType");
        }

        var written = input.WrittenOn ?? throw new ValidationFailure("请填写成文日期。", "WrittenOn");
        var formed = input.FormedOn ?? written;
        var today = ChineseDates.Today(clock);
        if (written > today || formed > today)
        {
            throw new ValidationFailure("成文日期和形成日期不能晚于今天。", "WrittenOn");
        }

        if (formed < written)
        {
            throw new ValidationFailure("信息形成（变更）日期不能早于成文日期。", "FormedOn");
        }

        var number = string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : Documents.DocumentNumber.Normalize(input.DocumentNumber);
        var index = InputText.Field(input.IndexNumber, "索引号", 64, "IndexNumber");
        if (index is not null && await db.Documents.AnyAsync(d => d.IndexNumber == index && d.Id != doc.Id, ct))
        {
            throw new ValidationFailure($"索引号“{index}”已被其他信息使用，索引号不能重复。", "IndexNumber");
        }

        if (DocumentBody.HasActiveContent(input.Body))
        {
            throw new ValidationFailure("正文含有脚本、事件属性或内嵌框架等不安全内容，请删除后再保存。", "Body");
        }

        var body = DocumentBody.FromInput(input.Body, input.BodyFormat);
        if (body.Text.Length > 500_000)
        {
            throw new ValidationFailure("正文过长（超过50万字），请将附属内容作为附件上传。", "Body");
        }

        doc.Title = title;
        doc.Attribute = attribute;
        doc.AttributeReason = attribute == DisclosureAttribute.Proactive ? null : reason;
        doc.AttributeLegalBasis = attribute == DisclosureAttribute.Proactive ? null : basis;
        doc.SubjectCategory = input.SubjectCategory!;
        doc.InformationType = input.InformationType;
        doc.Issuer = InputText.Field(input.Issuer, "发文机关", 200, "Issuer") ?? await db.Organs.Where(o => o.Id == doc.OrganId).Select(o => o.FullName).SingleAsync(ct);
        doc.WrittenOn = written;
        doc.FormedOn = formed;
        doc.PublishDueOn = await DueAsync(formed, WorkingDaysAllowed(input.InformationType), ct);
        doc.DocumentNumber = number;
        doc.IndexNumber = index;
        doc.Keywords = InputText.Field(input.Keywords, "关键词", 200, "Keywords");
        doc.Summary = InputText.Field(input.Summary, "内容概述", 1000, "Summary");
        doc.BodyHtml = body.Html;
        doc.BodyText = body.Text;
        doc.UpdatedAt = clock.GetUtcNow();
    }

    internal async Task<DateOnly?> DueAsync(DateOnly formed, int workingDays, CancellationToken ct) =>
        (await calendar.GetAsync(ct)).TryAddWorkingDays(formed, workingDays);
}
