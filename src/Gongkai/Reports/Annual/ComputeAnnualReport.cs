using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Gongkai.Requests.Appeals;
using Gongkai.Requests.Applicants;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Annual;

/// <summary>An organ's report for a year as computed now: figures, the fee line of 六, the rule checks, the saved inputs.</summary>
public sealed record AnnualReportView(
    Organ Organ,
    int Year,
    AnnualReport? Saved,
    ReportFigures Figures,
    RequestFigures Requests,
    string FeeLine,
    IReadOnlyList<RuleResult> Rules)
{
    public bool HardRuleFails => Rules.Any(r => r.Hard && r.Outcome == RuleOutcome.Failed);

    /// <summary>The national format of the year's tables (2019 and 2020: the trial format).</summary>
    public ReportFormat Format => ReportFormat.ForYear(Year);

    /// <summary>Whether the figures are a report published elsewhere and imported (not counted from the records).</summary>
    public bool Imported => Imports.ImportedReports.IsImported(Saved);
}

/// <summary>
/// Fills the 2021 format for an organ and a year from the records: table 二 from documents (行政规范性文件 issued,
/// repealed, valid at year end) and the organ's entered figures, table 三 from <see cref="RequestStatistics"/>, table 四
/// from appeals filed in the year with their result as at 31 December; then checks rules R1–R8 (R6, R7 against the
/// previous year computed the same way).
/// </summary>
public sealed class ComputeAnnualReport(GongkaiDb db, RequestStatistics statistics)
{
    public const int FirstYear = 2008;

    public async Task<Organ> OrganAsync(string code, CancellationToken ct = default) =>
        await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct)
        ?? throw new ValidationFailure($"机关代码“{code}”不存在，请核对组织机构中的机关代码。", "organ");

    public async Task<AnnualReportView> ComputeAsync(Guid organId, int year, CancellationToken ct = default)
    {
        var organ = await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organId, ct)
            ?? throw new ValidationFailure("该机关不存在。", "organ");
        if (year < FirstYear || year > 9999)
        {
            throw new ValidationFailure($"年度“{year}”无效。", "year");
        }

        if (year < ReportFormat.FirstYear)
        {
            throw new ValidationFailure(
                $"{year}年度适用2019年以前的《政府信息公开情况统计表》，不按年度报告格式由记录生成；请导入该年度已公布的统计表后查看。", "year");
        }

        var format = ReportFormat.ForYear(year);

        var saved = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.OrganId == organId && r.Year == year, ct);
        var (figures, requests) = await FiguresAsync(organId, year, saved, format, ct);
        var previous = await PreviousAsync(organId, year, format, ct);
        if (Imports.ImportedReports.IsImported(saved))
        {
            // Published elsewhere and imported: its figures as published, the rules as warnings, no text of its own.
            return new AnnualReportView(organ, year, saved, figures, requests, "", Imports.ImportedReports.Check(figures, previous, format));
        }

        var rules = Reconciliation.Check(figures, previous, computedFromRecords: true, requests.ClosedWithoutOutcome, format);
        return new AnnualReportView(organ, year, saved, figures, requests, await FeeLineAsync(organId, year, ct), rules);
    }

    /// <summary>
    /// The previous year's figures for R6 and R7, counted in this year's format so they compare like with like across
    /// the 2020/2021 change — or as imported, when the previous year's report was imported; null before the calendar.
    /// </summary>
    public async Task<ReportFigures?> PreviousAsync(Guid organId, int year, ReportFormat format, CancellationToken ct = default)
    {
        if (year <= FirstYear)
        {
            return null;
        }

        try
        {
            var savedBefore = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.OrganId == organId && r.Year == year - 1, ct);
            return (await FiguresAsync(organId, year - 1, savedBefore, format, ct)).Figures;
        }
        catch (ValidationFailure)
        {
            // The previous year is outside the calendar: the cross-year rules say so.
            return null;
        }
    }

    private async Task<(ReportFigures Figures, RequestFigures Requests)> FiguresAsync(Guid organId, int year, AnnualReport? saved, ReportFormat format, CancellationToken ct)
    {
        if (Imports.ImportedReports.Figures(saved) is { } imported)
        {
            return (imported, RequestFigures.None(StatisticsPeriod.Year(year)));
        }

        var requests = await statistics.ComputeAsync([organId], StatisticsPeriod.Year(year), ct);
        var documents = (await DocumentCountsAsync([organId], year, ct)).GetValueOrDefault(organId) ?? DocumentCounts.None;
        var appeals = (await AppealCountsAsync([organId], year, ct)).GetValueOrDefault(organId) ?? [];
        return (Fill(format, saved, requests, documents, appeals), requests);
    }

    /// <summary>行政规范性文件 of an organ counted for a year (one grouped query for any number of organs).</summary>
    public sealed record DocumentCounts(int Issued, int Repealed, int Valid, int PublishedInYear, int PublishedByYearEnd)
    {
        public static DocumentCounts None { get; } = new(0, 0, 0, 0, 0);
    }

    /// <summary>Appeals filed in the year by kind and result as at 31 December.</summary>
    public sealed record AppealCount(AppealKind Kind, AppealResult Result, int Count);

    internal async Task<Dictionary<Guid, DocumentCounts>> DocumentCountsAsync(IReadOnlyList<Guid>? organIds, int year, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        // Publication instants in Beijing time, passed in UTC (PostgreSQL's timestamptz takes only UTC parameters).
        var (from, to) = (ChineseDates.StartOf(start), ChineseDates.StartOf(end.AddDays(1)));
        var documents = db.Documents.AsNoTracking();
        if (organIds is { Count: 1 })
        {
            var only = organIds[0];
            documents = documents.Where(d => d.OrganId == only);
        }
        else if (organIds is not null)
        {
            documents = documents.Where(d => organIds.Contains(d.OrganId));
        }

        var rows = await documents
            .Where(d => d.InformationType == InformationType.NormativeDocument && d.Status == DocumentStatus.Published)
            .GroupBy(d => d.OrganId)
            .Select(g => new
            {
                OrganId = g.Key,
                Issued = g.Count(d => d.WrittenOn >= start && d.WrittenOn <= end),
                Repealed = g.Count(d => (d.Validity == Validity.Repealed || d.Validity == Validity.Expired) && d.ValidityChangedOn >= start && d.ValidityChangedOn <= end),
                Valid = g.Count(d => d.WrittenOn <= end && !((d.Validity == Validity.Repealed || d.Validity == Validity.Expired) && d.ValidityChangedOn <= end)),
                PublishedInYear = g.Count(d => d.PublishedAt >= from && d.PublishedAt < to),
                PublishedByYearEnd = g.Count(d => d.PublishedAt < to),
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.OrganId, r => new DocumentCounts(r.Issued, r.Repealed, r.Valid, r.PublishedInYear, r.PublishedByYearEnd));
    }

    internal async Task<Dictionary<Guid, List<AppealCount>>> AppealCountsAsync(IReadOnlyList<Guid>? organIds, int year, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var appeals = db.Set<AppealCase>().AsNoTracking().Where(a => a.FiledOn >= start && a.FiledOn <= end);
        if (organIds is { Count: 1 })
        {
            var only = organIds[0];
            appeals = appeals.Where(a => a.OrganId == only);
        }
        else if (organIds is not null)
        {
            appeals = appeals.Where(a => organIds.Contains(a.OrganId));
        }

        var rows = await appeals
            .GroupBy(a => new { a.OrganId, a.Kind, Result = a.DecidedOn != null && a.DecidedOn <= end ? a.Result : AppealResult.Pending })
            .Select(g => new { g.Key.OrganId, g.Key.Kind, g.Key.Result, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.OrganId).ToDictionary(g => g.Key, g => g.Select(r => new AppealCount(r.Kind, r.Result, r.Count)).ToList());
    }

    /// <summary>
    /// The cells of a format from the counts: table 二 from the documents and the organ's entered figures, table 三
    /// from the request statistics, table 四 from the appeals. The 2019 trial format's 规章 row takes the entered
    /// 本年制发件数 as both 本年新制作数量 and 本年新公开数量 (a 规章 is published when made) and 现行有效件数 as
    /// 对外公开总数量; its 行政规范性文件 are counted by writing date (制作), publication date (公开) and published by
    /// 31 December (总数); cells the platform neither holds nor has an entered figure for stay empty.
    /// </summary>
    public static ReportFigures Fill(ReportFormat format, AnnualReport? saved, RequestFigures requests, DocumentCounts documents, IReadOnlyList<AppealCount> appeals)
    {
        var cells = new Dictionary<string, decimal>();
        void Set(ReportGrid grid, string row, string column, decimal? value)
        {
            if (value is { } v)
            {
                cells[grid.CellId(row, column)] = v;
            }
        }

        // 二
        if (format == ReportFormat.Trial2019)
        {
            Set(TrialFormat2019.Item1, "normative", "made", documents.Issued);
            Set(TrialFormat2019.Item1, "normative", "published", documents.PublishedInYear);
            Set(TrialFormat2019.Item1, "normative", "total", documents.PublishedByYearEnd);
            Set(TrialFormat2019.Item1, "rules", "made", saved?.RulesIssued);
            Set(TrialFormat2019.Item1, "rules", "published", saved?.RulesIssued);
            Set(TrialFormat2019.Item1, "rules", "total", saved?.RulesValid);
            Set(TrialFormat2019.Item5, "licensing", "decisions", saved?.Licensing);
            Set(TrialFormat2019.Item6, "penalty", "decisions", saved?.Penalties);
            Set(TrialFormat2019.Item6, "coercion", "decisions", saved?.Coercions);
        }
        else
        {
            var grid = NationalFormat2021.Item1;
            Set(grid, "normative", "issued", documents.Issued);
            Set(grid, "normative", "repealed", documents.Repealed);
            Set(grid, "normative", "valid", documents.Valid);
            Set(grid, "rules", "issued", saved?.RulesIssued ?? 0);
            Set(grid, "rules", "repealed", saved?.RulesRepealed ?? 0);
            Set(grid, "rules", "valid", saved?.RulesValid ?? 0);
            Set(NationalFormat2021.Item5, "licensing", "decisions", saved?.Licensing ?? 0);
            Set(NationalFormat2021.Item6, "penalty", "decisions", saved?.Penalties ?? 0);
            Set(NationalFormat2021.Item6, "coercion", "decisions", saved?.Coercions ?? 0);
            Set(NationalFormat2021.Item8, "fees", "amount", saved?.FeeAmount ?? 0m);
        }

        // 三
        var t3 = format.Table3;
        int ClosedIn(string rowKey, ApplicantType? type) => rowKey == TrialFormat2019.OtherHandlingKey
            ? TrialFormat2019.OtherHandling.Sum(o => requests.Closed(o, type))
            : requests.Closed(OutcomeRows.All.Single(o => o.Key == rowKey).Outcome, type);
        foreach (var row in t3.Rows)
        {
            foreach (var type in (ApplicantType?[])[.. NationalFormat2021.ApplicantColumns.Select(t => (ApplicantType?)t), null])
            {
                var column = type is { } t ? NationalFormat2021.ColumnKey(t) : NationalFormat2021.TotalColumn;
                cells[t3.CellId(row.Key, column)] = row.Key switch
                {
                    "new" => requests.Received(type: type),
                    "carried" => requests.CarriedIn(type),
                    "closed" => requests.Closed(type: type),
                    "out" => requests.CarriedOut(type),
                    _ => ClosedIn(row.Key, type),
                };
            }
        }

        // 四: appeals filed in the year, with their result as at 31 December.
        var t4 = format.Table4;
        foreach (var (kind, key) in new[] { (AppealKind.Reconsideration, "reconsideration"), (AppealKind.LitigationDirect, "direct"), (AppealKind.LitigationAfterReconsideration, "after") })
        {
            int Count(AppealResult r) => appeals.Where(a => a.Kind == kind && a.Result == r).Sum(a => a.Count);
            cells[t4.CellId("all", $"{key}-upheld")] = Count(AppealResult.Upheld);
            cells[t4.CellId("all", $"{key}-corrected")] = Count(AppealResult.Corrected);
            cells[t4.CellId("all", $"{key}-other")] = Count(AppealResult.Other);
            cells[t4.CellId("all", $"{key}-pending")] = Count(AppealResult.Pending);
            cells[t4.CellId("all", $"{key}-total")] = appeals.Where(a => a.Kind == kind).Sum(a => a.Count);
        }

        return new ReportFigures(cells);
    }

    /// <summary>The fee line of section 六 from the fees paid in the year (信息处理费, whole yuan).</summary>
    public async Task<string> FeeLineAsync(Guid organId, int year, CancellationToken ct = default)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var requests = db.DisclosureRequests;
        var paid = await db.FeeAssessments.AsNoTracking()
            .Where(f => f.PaidOn >= start && f.PaidOn <= end && requests.Any(r => r.Id == f.RequestId && r.OrganId == organId))
            .Select(f => f.Amount).ToListAsync(ct);
        return FeeLine(paid.Count, paid.Sum());
    }

    /// <summary>The fee line of section 六 for the number of requests charged and the yuan paid.</summary>
    public static string FeeLine(int requests, long yuan) => requests == 0
        ? "本年度未收取信息处理费。"
        : $"本年度共对{requests}件政府信息公开申请收取信息处理费{yuan}元。";
}
