using System.Text.RegularExpressions;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Gives a document an English title and summary for the English pages (/en; seed 001 三(一) 推进区政府网站英文版建设),
/// or removes them. Optional: only documents with an English title are listed in English. On a published document the
/// English text is public at once, so it needs someone who may publish; before that an editor may prepare it.
/// It is a translation, not a revision: the version and the publication clock do not change.
/// </summary>
public sealed partial class SetEnglishVersion(GongkaiDb db, AuditLog audit, StaffAccess access, TimeProvider clock)
{
    public const int TitleMax = 300;
    public const int SummaryMax = 1000;

    /// <summary>CJK ideographs and fullwidth punctuation: an English title or summary is refused if it contains them.</summary>
    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex Letter();

    public async Task HandleAsync(GovDocument doc, string? englishTitle, string? englishSummary, CancellationToken ct = default)
    {
        var published = doc.Status == DocumentStatus.Published;
        var role = await access.RequireAsync(doc.OrganId, published ? DocumentAccess.Publishers : DocumentAccess.Editors,
            published ? "修改已发布信息的英文版" : "编辑英文版", DocumentAccess.Records);
        if (doc.Status is DocumentStatus.Withdrawn or DocumentStatus.Reviewed)
        {
            throw new ValidationFailure($"“{doc.Status.Label()}”状态的信息不能编辑英文版。", "Status");
        }

        var (title, summary) = Check(englishTitle, englishSummary);
        if (title == doc.EnglishTitle && summary == doc.EnglishSummary)
        {
            return; // nothing changes, so nothing is saved or audited
        }

        var before = doc.EnglishTitle;
        doc.Translate(title, summary, clock.GetUtcNow());
        var what = title is null
            ? $"删除“{doc.Title}”的英文版（原英文标题“{before}”）"
            : $"{(before is null ? "添加" : "修改")}“{doc.Title}”的英文标题“{title}”{(summary is null ? "（无英文摘要）" : "和英文摘要")}";
        audit.Record(DisclosureAuditActions.English, "Document", doc.Id.ToString(), what, doc.OrganId, role);
        // Saving raises the documents content counter in this transaction, so every cached page showing it is renewed.
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The rules, shared by the page and any other entry point: both blank removes the English version.</summary>
    public static (string? Title, string? Summary) Check(string? englishTitle, string? englishSummary)
    {
        var title = InputText.Field(englishTitle, "英文标题", TitleMax, "EnglishTitle");
        var summary = InputText.Field(englishSummary, "英文摘要", SummaryMax, "EnglishSummary");
        if (title is null && summary is not null)
        {
            throw new ValidationFailure("只填写英文摘要时不能发布英文版：请同时填写英文标题。", "EnglishTitle");
        }

        if (title is not null && (Chinese().IsMatch(title) || !Letter().IsMatch(title)))
        {
            throw new ValidationFailure("英文标题应为英文，不能含有汉字或全角标点。", "EnglishTitle");
        }

        if (summary is not null && Chinese().IsMatch(summary))
        {
            throw new ValidationFailure("英文摘要应为英文，不能含有汉字或全角标点。", "EnglishSummary");
        }

        return (title, summary);
    }
}
