using System.Text.RegularExpressions;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.RichText;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Interpretations;

/// <summary>What staff type for an interpretation. Q&amp;A is typed as lines beginning 问： and 答：.</summary>
public sealed class InterpretationInput : IInterpretationElements
{
    public Guid OrganId { get; set; }
    public string? Title { get; set; }
    public InterpretationForm Form { get; set; } = InterpretationForm.Text;
    public string? Background { get; set; }
    public string? Goals { get; set; }
    public string? MainContent { get; set; }
    public string? Scope { get; set; }
    public string? Standards { get; set; }
    public string? Notes { get; set; }
    public string? KeyTerms { get; set; }
    public string? Changes { get; set; }
    public string? Benefits { get; set; }
    public string? MediaUrl { get; set; }
    public string? Speaker { get; set; }
    /// <summary>The policy documents explained, by id (one per line or separated by commas).</summary>
    public string? PolicyIds { get; set; }
    public string? QuestionsText { get; set; }
}

/// <summary>Settings under <c>Policy:Interpretations</c>.</summary>
public sealed class InterpretationOptions
{
    /// <summary>An interpretation is due this many working days after its policy is published.</summary>
    public int DueWorkingDays { get; set; } = 3;
}

/// <summary>Drafts, changes and publishes interpretations; flags policies that need one and records reviewers' waivers.</summary>
public sealed partial class ManageInterpretation(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, PublishedDocuments documents, TimeProvider clock)
{
    [GeneratedRegex(@"^\s*问[：:]\s*(.*)$")]
    private static partial Regex QuestionLine();

    [GeneratedRegex(@"^\s*答[：:]\s*(.*)$")]
    private static partial Regex AnswerLine();

    public async Task<Interpretation> SaveAsync(Interpretation? existing, InterpretationInput input, CancellationToken ct = default)
    {
        var organId = existing?.OrganId ?? input.OrganId;
        var role = await access.RoleForAsync(organId, DocumentAccess.Editors)
            ?? throw new ForbiddenAction("您没有编写本单位政策解读的权限。");
        var checks = new FieldChecks(); // every problem of the form at once (Platform/Web/FormErrors.cs)
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 300)
        {
            checks.Check(() => throw new ValidationFailure("请填写解读标题（不超过300字）。", "Title"));
        }

        if (!Enum.IsDefined(input.Form))
        {
            checks.Check(() => throw new ValidationFailure("请选择解读形式。", "Form"));
        }

        var questions = checks.Read(() => ParseQuestions(input.QuestionsText)) ?? [];
        if (input.Form == InterpretationForm.QandA && questions.Count == 0 && !checks.Failed("QuestionsText"))
        {
            checks.Check(() => throw new ValidationFailure("问答解读至少需要一组问答：每个问题以“问：”开头，答案以“答：”开头。", "QuestionsText"));
        }

        if (input.Form is InterpretationForm.Graphic or InterpretationForm.Media && string.IsNullOrWhiteSpace(input.MediaUrl))
        {
            checks.Check(() => throw new ValidationFailure("图解和视频/音频解读请填写图片或音视频的地址。", "MediaUrl"));
        }

        // From the shared editor (Platform/RichText): rich text stored sanitised, plain text as typed, blank as null.
        var elements = input.ElementValues()
            .Select((text, n) => RichTextHtml.StoreAuto(text, InterpretationElementCopy.Fields[n].Label, InterpretationElementCopy.Fields[n].Field))
            .ToArray();
        if (elements.All(string.IsNullOrWhiteSpace) && questions.Count == 0)
        {
            checks.Check(() => throw new ValidationFailure("请至少填写一项解读要素（背景依据、主要内容等）或一组问答。", "MainContent"));
        }

        if (elements.Any(e => e is { Length: > 20_000 }))
        {
            checks.Check(() => throw new ValidationFailure("每项解读要素不超过2万字。", "MainContent"));
        }

        var policies = await checks.ReadAsync(() => PoliciesAsync(input.PolicyIds, ct));
        checks.ThrowIfAny();
        var now = clock.GetUtcNow();
        var i = existing ?? new Interpretation { OrganId = organId, Title = title, CreatedAt = now };
        i.Title = title;
        i.Form = input.Form;
        i.SetElements(elements);
        i.MediaUrl = InputText.OrNull(input.MediaUrl) is { Length: <= 500 } url ? url : null;
        i.Speaker = InputText.OrNull(input.Speaker) is { Length: <= 200 } speaker ? speaker : null;
        i.UpdatedAt = now;
        if (existing is null)
        {
            db.Add(i);
        }
        else
        {
            db.RemoveRange(await db.Set<InterpretedPolicy>().Where(p => p.InterpretationId == i.Id).ToListAsync(ct));
            db.RemoveRange(await db.Set<QuestionAnswer>().Where(q => q.InterpretationId == i.Id).ToListAsync(ct));
        }

        db.AddRange(policies.Select(p => new InterpretedPolicy { InterpretationId = i.Id, DocumentId = p.Id, Title = p.Title }));
        db.AddRange(questions.Select((q, n) => new QuestionAnswer { InterpretationId = i.Id, Position = n + 1, Question = q.Question, Answer = q.Answer }));
        audit.Record(existing is null ? PolicyAuditActions.InterpretationCreate : PolicyAuditActions.InterpretationUpdate, "Interpretation", i.Id.ToString(),
            $"{(existing is null ? "起草" : "修改")}政策解读“{title}”（{i.Form.Label()}），解读{string.Join("、", policies.Select(p => $"“{p.Title}”"))}", organId, role);
        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        await db.SaveChangesAsync(ct);
        if (i.Status == InterpretationStatus.Published)
        {
            await InterpretationSearch.IndexAsync(db, i, ct);
        }

        await tx.CommitAsync(ct);
        return i;
    }

    /// <summary>Publishes the interpretation; at least one policy it explains must already be public.</summary>
    public async Task PublishAsync(Interpretation i, CancellationToken ct = default)
    {
        var role = await access.RoleForAsync(i.OrganId, DocumentAccess.Publishers)
            ?? throw new ForbiddenAction("您没有发布本单位政策解读的权限。");
        if (i.Status == InterpretationStatus.Published)
        {
            throw new ValidationFailure("该解读已经发布。", "Status");
        }

        var ids = await db.Set<InterpretedPolicy>().Where(p => p.InterpretationId == i.Id).Select(p => p.DocumentId).ToListAsync(ct);
        var published = 0;
        foreach (var id in ids)
        {
            published += await documents.FindAsync(id, ct) is null ? 0 : 1;
        }

        if (published == 0)
        {
            throw new ValidationFailure("所解读的政策文件尚未发布：请先发布政策文件（或同时发布后再发布解读）。", "Status");
        }

        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        i.Status = InterpretationStatus.Published;
        i.PublishedAt = clock.GetUtcNow();
        i.WithdrawnAt = null;
        i.WithdrawalReason = null;
        i.UpdatedAt = i.PublishedAt.Value;
        audit.Record(PolicyAuditActions.InterpretationPublish, "Interpretation", i.Id.ToString(), $"发布政策解读“{i.Title}”", i.OrganId, role);
        await db.SaveChangesAsync(ct);
        await InterpretationSearch.IndexAsync(db, i, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// 撤回: the interpretation leaves the public pages, the policy pages and the search index at once; its policies count
    /// as without an interpretation again on the 三同步 list (until another is published). Audited with the reason.
    /// </summary>
    public async Task WithdrawAsync(Interpretation i, string? reason, CancellationToken ct = default)
    {
        var role = await access.RoleForAsync(i.OrganId, DocumentAccess.Publishers)
            ?? throw new ForbiddenAction("您没有撤回本单位政策解读的权限。");
        if (i.Status != InterpretationStatus.Published)
        {
            throw new ValidationFailure("只有已发布的政策解读可以撤回。", "Status");
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            throw new ValidationFailure("请填写撤回理由（不超过1000字）。", "Reason");
        }

        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var now = clock.GetUtcNow();
        i.Status = InterpretationStatus.Withdrawn;
        i.WithdrawnAt = now;
        i.WithdrawalReason = reason;
        i.UpdatedAt = now;
        audit.Record(PolicyAuditActions.InterpretationWithdraw, "Interpretation", i.Id.ToString(), $"撤回政策解读“{i.Title}”，理由：{reason}", i.OrganId, role);
        await db.SaveChangesAsync(ct);
        await InterpretationSearch.RemoveAsync(db, i.Id, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Flags a (draft or published) policy document as needing an interpretation (三同步).</summary>
    public async Task FlagAsync(Guid documentId, CancellationToken ct = default)
    {
        var doc = await documents.ReferenceAsync(documentId, ct) ?? throw new ValidationFailure("未找到该政策文件。", "DocumentId");
        var role = await access.RoleForAsync(doc.OrganId, DocumentAccess.Editors) ?? throw new ValidationFailure("未找到该政策文件。", "DocumentId");
        if (await db.Set<InterpretationRequirement>().AnyAsync(r => r.DocumentId == documentId, ct))
        {
            throw new ValidationFailure("该政策文件已标记为需要解读。", "DocumentId");
        }

        db.Add(new InterpretationRequirement { DocumentId = doc.Id, OrganId = doc.OrganId, DocumentTitle = doc.Title, FlaggedAt = clock.GetUtcNow(), FlaggedByName = actor.Name });
        audit.Record(PolicyAuditActions.InterpretationFlag, "Document", doc.Id.ToString(), $"标记“{doc.Title}”需要同步解读（三同步）", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A reviewer records why the flagged policy is published without an interpretation.</summary>
    public async Task WaiveAsync(Guid documentId, string? reason, CancellationToken ct = default)
    {
        var req = await db.Set<InterpretationRequirement>().FirstOrDefaultAsync(r => r.DocumentId == documentId, ct)
            ?? throw new ValidationFailure("该政策文件没有标记为需要解读。", "DocumentId");
        var role = await access.RoleForAsync(req.OrganId, DocumentAccess.Reviewers)
            ?? throw new ForbiddenAction("只有审核人可以记录不需要解读的理由。");
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            throw new ValidationFailure("请填写不需要同步解读的理由（不超过1000字）。", "Reason");
        }

        req.WaiverReason = reason;
        req.WaivedByName = actor.Name;
        req.WaivedAt = clock.GetUtcNow();
        audit.Record(PolicyAuditActions.InterpretationWaive, "Document", documentId.ToString(), $"审核人记录“{req.DocumentTitle}”不同步解读的理由：{reason}", req.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    internal static List<(string Question, string Answer)> ParseQuestions(string? text)
    {
        var pairs = new List<(string, string)>();
        string? question = null;
        var answer = new List<string>();
        foreach (var line in (text ?? "").Replace("\r\n", "\n").Split('\n'))
        {
            var q = QuestionLine().Match(line);
            var a = AnswerLine().Match(line);
            if (q.Success)
            {
                Flush();
                question = q.Groups[1].Value.Trim();
            }
            else if (a.Success && question is not null)
            {
                answer.Add(a.Groups[1].Value.Trim());
            }
            else if (answer.Count > 0 && line.Trim().Length > 0)
            {
                answer.Add(line.Trim());
            }
            else if (line.Trim().Length > 0)
            {
                throw new ValidationFailure($"问答格式不正确：“{line.Trim()}”。每个问题以“问：”开头，答案以“答：”开头。", "QuestionsText");
            }
        }

        Flush();
        return pairs;

        void Flush()
        {
            if (question is not null)
            {
                if (answer.Count == 0 || question.Length == 0)
                {
                    throw new ValidationFailure($"问题“{question}”缺少答案（以“答：”开头）。", "QuestionsText");
                }

                pairs.Add((question, string.Join("\n", answer)));
            }

            question = null;
            answer.Clear();
        }
    }

    private async Task<List<DocumentReference>> PoliciesAsync(string? text, CancellationToken ct)
    {
        var parts = (text ?? "").Split([',', '，', '\n', ' ', '\r', ';', '；'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new ValidationFailure("请填写所解读的政策文件（文件编号）。", "PolicyIds");
        }

        var list = new List<DocumentReference>();
        foreach (var part in parts.Distinct())
        {
            var doc = Guid.TryParse(part, out var id) ? await documents.ReferenceAsync(id, ct) : null;
            list.Add(doc ?? throw new ValidationFailure($"未找到政策文件“{part}”。", "PolicyIds"));
        }

        return list;
    }
}
