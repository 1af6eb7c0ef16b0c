using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Annual;

/// <summary>The figures the organ enters (where the platform holds no records) and the narrative sections 一, 五, 六.</summary>
public sealed record ReportInput(
    int? RulesIssued, int? RulesRepealed, int? RulesValid, int? Licensing, int? Penalties, int? Coercions, decimal? FeeAmount,
    string? Overview, string? Problems, string? OtherMatters);

/// <summary>
/// Saving an organ's entries, recording an override of failing hard rules, and marking the report checked or published;
/// each audited in the same unit of work. A published report keeps its figures frozen.
/// </summary>
public sealed class EditAnnualReport(GongkaiDb db, StaffAccess access, CurrentActor actor, AuditLog audit, ComputeAnnualReport compute, Rollup.AnnualReports reports, TimeProvider clock)
{
    private async Task<(AnnualReport Report, StaffRole Role)> LoadAsync(Guid organId, int year, CancellationToken ct)
    {
        var role = await access.RoleForAsync(organId, ReportAccess.Editors)
            ?? throw new ForbiddenAction("您没有编辑本单位政府信息公开工作年度报告的权限。");
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.OrganId == organId && r.Year == year, ct);
        if (report is null)
        {
            report = new AnnualReport { OrganId = organId, Year = year, CreatedAt = clock.GetUtcNow() };
            db.AnnualReports.Add(report);
        }

        return (report, role);
    }

    public async Task<AnnualReport> SaveAsync(Guid organId, int year, ReportInput input, CancellationToken ct = default)
    {
        _ = await compute.ComputeAsync(organId, year, ct); // refuses an unknown organ or a year without calendar data
        var (report, role) = await LoadAsync(organId, year, ct);
        if (report.Status == ReportStatus.Published)
        {
            throw new ValidationFailure("年度报告已发布，不能再修改。");
        }

        foreach (var (value, name) in new[] { (input.RulesIssued, "规章本年制发件数"), (input.RulesRepealed, "规章本年废止件数"), (input.RulesValid, "规章现行有效件数"),
                     (input.Licensing, "行政许可本年处理决定数量"), (input.Penalties, "行政处罚本年处理决定数量"), (input.Coercions, "行政强制本年处理决定数量") })
        {
            if (value < 0)
            {
                throw new ValidationFailure($"{name}不能为负数。");
            }
        }

        if (input.FeeAmount < 0)
        {
            throw new ValidationFailure("行政事业性收费金额不能为负数。");
        }

        ReportText.Validate(input.Overview, "一、总体情况");
        ReportText.Validate(input.Problems, "五、存在的主要问题及改进情况");
        ReportText.Validate(input.OtherMatters, "六、其他需要报告的事项");
        var figuresChanged = report.RulesIssued != input.RulesIssued || report.RulesRepealed != input.RulesRepealed || report.RulesValid != input.RulesValid ||
            report.Licensing != input.Licensing || report.Penalties != input.Penalties || report.Coercions != input.Coercions || report.FeeAmount != input.FeeAmount;
        (report.RulesIssued, report.RulesRepealed, report.RulesValid) = (input.RulesIssued, input.RulesRepealed, input.RulesValid);
        (report.Licensing, report.Penalties, report.Coercions, report.FeeAmount) = (input.Licensing, input.Penalties, input.Coercions, input.FeeAmount);
        if (figuresChanged)
        {
            (report.EnteredById, report.EnteredByName, report.EnteredAt) = (actor.UserId, actor.Name, clock.GetUtcNow());
        }

        (report.Overview, report.Problems, report.OtherMatters) = (InputText.OrNull(input.Overview), InputText.OrNull(input.Problems), InputText.OrNull(input.OtherMatters));
        report.Status = ReportStatus.Draft;
        report.UpdatedAt = clock.GetUtcNow();
        audit.Record(ReportAuditActions.Saved, "AnnualReport", report.Id.ToString(), $"{year}年度报告：保存{(figuresChanged ? "填报数据及" : "")}正文", organId, role);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>Marks the report checked (已核对) when no hard rule fails, or records an override with its reason.</summary>
    public async Task<AnnualReport> CheckAsync(Guid organId, int year, string? overrideReason, CancellationToken ct = default)
    {
        var view = await reports.ViewAsync(organId, year, ct); // the district government's report is the district report
        var (report, role) = await LoadAsync(organId, year, ct);
        if (report.Status == ReportStatus.Published)
        {
            throw new ValidationFailure("年度报告已发布。");
        }

        if (view.HardRuleFails)
        {
            if (string.IsNullOrWhiteSpace(overrideReason))
            {
                var failing = string.Join("；", view.Rules.Where(r => r.Hard && r.Outcome == RuleOutcome.Failed).Select(r => $"{r.Rule} {r.Message}"));
                throw new ValidationFailure($"年度报告有未通过的强制核对规则，不能标记为已核对，除非填写理由：{failing}", "overrideReason");
            }

            (report.OverrideReason, report.OverrideByName, report.OverrideAt) = (overrideReason.Trim(), actor.Name, clock.GetUtcNow());
        }

        report.Status = ReportStatus.Checked;
        report.UpdatedAt = clock.GetUtcNow();
        audit.Record(ReportAuditActions.Checked, "AnnualReport", report.Id.ToString(),
            view.HardRuleFails ? $"{year}年度报告：核对未通过，记录例外理由：{overrideReason}" : $"{year}年度报告：核对通过", organId, role);
        await db.SaveChangesAsync(ct);
        return report;
    }
}
