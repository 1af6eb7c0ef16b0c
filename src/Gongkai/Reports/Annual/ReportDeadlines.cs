using Gongkai.Platform.Organisation;

namespace Gongkai.Reports.Annual;

/// <summary>Art. 49: departments publish the past year's report by 31 January; the district government by 31 March.</summary>
public static class ReportDeadlines
{
    public static DateOnly For(OrganKind kind, int year) =>
        kind == OrganKind.DistrictGovernment ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);

    /// <summary>草稿/已核对/已发布, or 逾期 when not published by the deadline.</summary>
    public static string StatusLabel(ReportStatus? status, OrganKind kind, int year, DateOnly today) =>
        status == ReportStatus.Published ? "已发布"
        : today > For(kind, year) ? "逾期"
        : status == ReportStatus.Checked ? "已核对"
        : status == ReportStatus.Draft ? "草稿"
        : "未编制";
}
