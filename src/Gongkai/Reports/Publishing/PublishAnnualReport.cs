using System.Text.Json;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Rollup;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Publishing;

/// <summary>
/// 发布: an organ's checked report (the district government's: the district report) becomes a document of type 年度报告
/// in the 主动公开 catalogue — the sections and tables as its body, the PDF and the Excel file as its attachments — and its
/// figures are frozen. Refused unless the report is 已核对 and, when a hard rule fails now, an override was recorded at
/// 核对 (a rule that failed only after checking needs checking again). 更正 reopens a published report (with a reason);
/// publishing it again revises the same document, the earlier version staying in its history. Audited in the same unit
/// of work as the change.
/// </summary>
public sealed class PublishAnnualReport(GongkaiDb db, StaffAccess access, CurrentActor actor, AuditLog audit, AnnualReports reports, ReportFiles files,
    PublishGeneratedDocument publish, TimeProvider clock)
{
    public const string SubjectCategory = "综合政务\\政务公开";

    public async Task<GovDocument> HandleAsync(Guid organId, int year, CancellationToken ct = default)
    {
        var role = await access.RoleForAsync(organId, ReportAccess.Editors)
            ?? throw new ForbiddenAction("您没有发布本单位政府信息公开工作年度报告的权限。");
        var view = await reports.ViewAsync(organId, year, ct);
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.OrganId == organId && r.Year == year, ct);
        if (report is null || report.Status == ReportStatus.Draft)
        {
            throw new ValidationFailure("年度报告须先核对（标记为已核对）才能发布。", "status");
        }

        if (report.Status == ReportStatus.Published)
        {
            throw new ValidationFailure("年度报告已发布；如需更正，请先选择“更正”。", "status");
        }

        if (report.FormatId != NationalFormat2021.Id)
        {
            throw new ValidationFailure("只有按2021年格式编制的年度报告可以在此发布。", "format");
        }

        var failing = view.Rules.Where(r => r.Hard && r.Outcome == RuleOutcome.Failed).ToList();
        if (failing.Count > 0 && string.IsNullOrWhiteSpace(report.OverrideReason))
        {
            throw new ValidationFailure(
                $"年度报告有未通过的强制核对规则且没有记录例外理由，不能发布：{string.Join("；", failing.Select(r => $"{r.Rule} {r.Message}"))}。请重新核对并填写理由。", "rules");
        }

        var pdf = files.Produce(view, ReportFileKind.Pdf);
        var xlsx = files.Produce(view, ReportFileKind.Xlsx);
        var title = ReportDocument.Title(view);
        var publication = await db.Set<ReportPublication>().FirstOrDefaultAsync(p => p.ReportId == report.Id, ct);
        var today = ChineseDates.Today(clock);
        var written = string.Join("\n", ReportDocument.Overview(view), ReportDocument.Problems(view), ReportDocument.OtherMatters(view));

        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var doc = await publish.HandleAsync(publication?.DocumentId, new GeneratedDocument(
            organId, title, SubjectCategory, InformationType.AnnualReport, today, ReportDocument.BodyHtml(view),
            $"{view.Organ.FullName}{year}年政府信息公开工作年度报告（{NationalFormat2021.Name}格式），附PDF和Excel文件。",
            [new(pdf.FileName, pdf.ContentType, pdf.Content), new(xlsx.FileName, xlsx.ContentType, xlsx.Content)],
            publication is null ? $"{year}年度报告发布" : $"{year}年度报告更正后重新发布：{publication.CorrectionReason}", written), ct);
        var now = clock.GetUtcNow();
        if (publication is null)
        {
            publication = new ReportPublication { ReportId = report.Id, OrganId = organId, Year = year, DocumentId = doc.Id };
            db.Add(publication);
        }

        publication.Times++;
        publication.CorrectionReason = null;
        (publication.PublishedAt, publication.PublishedByName) = (now, actor.Name);
        report.Status = ReportStatus.Published;
        report.PublishedAt = now;
        report.PublishedFigures = JsonSerializer.Serialize(view.Figures.Cells);
        report.UpdatedAt = now;
        var late = today > ReportDeadlines.For(view.Organ.Kind, year);
        audit.Record(ReportAuditActions.Published, "AnnualReport", report.Id.ToString(),
            $"{year}年度报告发布为主动公开信息“{title}”（索引号{doc.IndexNumber}）{(late ? $"，已超过{ChineseDates.Long(ReportDeadlines.For(view.Organ.Kind, year))}的发布期限" : "")}" +
            (failing.Count > 0 ? $"；{failing.Count}项强制规则未通过，按核对时记录的例外理由发布" : ""), organId, role);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return doc;
    }

    /// <summary>更正: a published report returns to 草稿 with the reason recorded; the catalogue keeps the published version until it is published again.</summary>
    public async Task CorrectAsync(Guid organId, int year, string? reason, CancellationToken ct = default)
    {
        var role = await access.RoleForAsync(organId, ReportAccess.Editors)
            ?? throw new ForbiddenAction("您没有更正本单位政府信息公开工作年度报告的权限。");
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.OrganId == organId && r.Year == year, ct);
        if (report is not { Status: ReportStatus.Published } || report.FormatId != NationalFormat2021.Id)
        {
            throw new ValidationFailure("只有已发布的（2021年格式）年度报告可以更正。", "status");
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            throw new ValidationFailure("请填写更正理由（500字以内），它将记录在案并显示在版本记录中。", "reason");
        }

        report.Status = ReportStatus.Draft;
        (report.OverrideReason, report.OverrideByName, report.OverrideAt) = (null, null, null);
        report.UpdatedAt = clock.GetUtcNow();
        var publication = await db.Set<ReportPublication>().FirstOrDefaultAsync(p => p.ReportId == report.Id, ct);
        if (publication is not null)
        {
            publication.CorrectionReason = reason;
        }

        audit.Record(ReportAuditActions.Corrected, "AnnualReport", report.Id.ToString(), $"{year}年度报告更正，退回草稿：{reason}", organId, role);
        await db.SaveChangesAsync(ct);
    }
}
