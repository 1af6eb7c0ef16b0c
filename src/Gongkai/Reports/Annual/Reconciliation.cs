using System.Globalization;

namespace Gongkai.Reports.Annual;

public enum RuleOutcome
{
    Passed,
    Failed,
    /// <summary>不适用 (e.g. no previous year to compare with).</summary>
    NotApplicable,
}

/// <summary>
/// One check of a rule: which rule, whether it blocks publication (hard) or only warns, the outcome, a sentence with the
/// numbers involved, and the cells it concerns (shown next to them).
/// </summary>
public sealed record RuleResult(string Rule, bool Hard, RuleOutcome Outcome, string Message, IReadOnlyList<string> Cells);

/// <summary>
/// The arithmetic consistency rules R1–R8 of china-rules §4.3. R1–R5 and R8 are hard (a failure blocks publication
/// unless an override is recorded); R6 and R7 compare with the previous year and only warn (the format does not state
/// them, and 规章 can be amended). A passing rule gives one result; a failing one gives one result per failing place.
/// </summary>
public static class Reconciliation
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["R1"] = "表三各列：第一项加第二项之和，等于第三项（七）总计加第四项之和",
        ["R2"] = "表三（七）总计等于（一）至（六）各行之和",
        ["R3"] = "表三“总计”列等于各申请人类型列之和",
        ["R4"] = "每件申请只计入一种办理结果",
        ["R5"] = "表四各组：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
        ["R6"] = "本年“二、上年结转”等于上年“四、结转下年度继续办理”",
        ["R7"] = "现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数",
        ["R8"] = "各项数量为非负整数，收费金额为非负数",
    };

    public static readonly IReadOnlySet<string> HardRules = new HashSet<string> { "R1", "R2", "R3", "R4", "R5", "R8" };

    /// <param name="closedWithoutOutcome">For figures computed from records: closed requests without an outcome row (R4).</param>
    public static IReadOnlyList<RuleResult> Check(ReportFigures f, ReportFigures? previous, bool computedFromRecords, int closedWithoutOutcome = 0, ReportFormat? format = null)
    {
        var results = new List<RuleResult>();
        format ??= ReportFormat.National2021;
        var t3 = format.Table3;
        var columns = t3.Columns;
        string N(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);

        void Add(string rule, List<RuleResult> failures)
        {
            results.AddRange(failures.Count > 0 ? failures : [new RuleResult(rule, HardRules.Contains(rule), RuleOutcome.Passed, Descriptions[rule], [])]);
        }

        // R1
        var r1 = new List<RuleResult>();
        foreach (var c in columns)
        {
            decimal a = f.Value(t3, "new", c.Key), b = f.Value(t3, "carried", c.Key), t = f.Value(t3, "closed", c.Key), o = f.Value(t3, "out", c.Key);
            if (a + b != t + o)
            {
                r1.Add(new("R1", true, RuleOutcome.Failed, $"“{c.Label}”列：{N(a)}＋{N(b)}＝{N(a + b)}，而{N(t)}＋{N(o)}＝{N(t + o)}",
                    [t3.CellId("new", c.Key), t3.CellId("carried", c.Key), t3.CellId("closed", c.Key), t3.CellId("out", c.Key)]));
            }
        }

        Add("R1", r1);

        // R2
        var r2 = new List<RuleResult>();
        foreach (var c in columns)
        {
            var sum = format.OutcomeRows.Sum(o => f.Value(t3, o.Key, c.Key));
            var total = f.Value(t3, "closed", c.Key);
            if (sum != total)
            {
                r2.Add(new("R2", true, RuleOutcome.Failed, $"“{c.Label}”列：（七）总计为{N(total)}，而（一）至（六）各行之和为{N(sum)}",
                    [t3.CellId("closed", c.Key), .. format.OutcomeRows.Select(o => t3.CellId(o.Key, c.Key))]));
            }
        }

        Add("R2", r2);

        // R3
        var r3 = new List<RuleResult>();
        foreach (var row in t3.Rows)
        {
            var sum = NationalFormat2021.ApplicantColumns.Sum(a => f.Value(t3, row.Key, NationalFormat2021.ColumnKey(a)));
            var total = f.Value(t3, row.Key, NationalFormat2021.TotalColumn);
            if (sum != total)
            {
                r3.Add(new("R3", true, RuleOutcome.Failed, $"“{row.Label}”行：总计为{N(total)}，而各申请人类型之和为{N(sum)}",
                    [t3.CellId(row.Key, NationalFormat2021.TotalColumn), .. NationalFormat2021.ApplicantColumns.Select(a => t3.CellId(row.Key, NationalFormat2021.ColumnKey(a)))]));
            }
        }

        Add("R3", r3);

        // R4
        if (!computedFromRecords)
        {
            results.Add(new("R4", true, RuleOutcome.NotApplicable, "导入的报表无法逐件核对，仅核对R1—R3的算术关系", []));
        }
        else if (closedWithoutOutcome > 0)
        {
            results.Add(new("R4", true, RuleOutcome.Failed, $"有{closedWithoutOutcome}件已办结申请没有办理结果，未计入任何一行",
                [t3.CellId("closed", NationalFormat2021.TotalColumn)]));
        }
        else
        {
            Add("R4", []);
        }

        // R5
        var t4 = NationalFormat2021.Table4;
        var r5 = new List<RuleResult>();
        foreach (var (key, path) in NationalFormat2021.AppealGroups)
        {
            var parts = new[] { "upheld", "corrected", "other", "pending" }.Select(p => f.Value(t4, "all", $"{key}-{p}")).ToList();
            var total = f.Value(t4, "all", $"{key}-total");
            if (parts.Sum() != total)
            {
                r5.Add(new("R5", true, RuleOutcome.Failed, $"{string.Join("", path)}：总计为{N(total)}，而{string.Join("＋", parts.Select(N))}＝{N(parts.Sum())}",
                    [.. new[] { "upheld", "corrected", "other", "pending", "total" }.Select(p => t4.CellId("all", $"{key}-{p}"))]));
            }
        }

        Add("R5", r5);

        // R6, R7
        if (previous is null)
        {
            results.Add(new("R6", false, RuleOutcome.NotApplicable, "没有上一年度的数据可供核对", []));
            results.Add(new("R7", false, RuleOutcome.NotApplicable, "没有上一年度的数据可供核对", []));
        }
        else
        {
            var r6 = new List<RuleResult>();
            foreach (var c in columns)
            {
                decimal before = previous.Value(t3, "out", c.Key), now = f.Value(t3, "carried", c.Key);
                if (before != now)
                {
                    r6.Add(new("R6", false, RuleOutcome.Failed, $"“{c.Label}”列：本年上年结转为{N(now)}，上年结转下年度为{N(before)}", [t3.CellId("carried", c.Key)]));
                }
            }

            Add("R6", r6);
            if (format != ReportFormat.National2021)
            {
                results.Add(new("R7", false, RuleOutcome.NotApplicable, "2019年试行格式不列本年废止件数和现行有效件数，不核对此项", []));
            }
            else if (NationalFormat2021.Item1.Rows.Any(row => previous[NationalFormat2021.Item1.CellId(row.Key, "valid")] is null))
            {
                // An imported 2020 report in the trial format has no 现行有效件数.
                results.Add(new("R7", false, RuleOutcome.NotApplicable, "上一年度的报告（导入的2019年试行格式报告）没有现行有效件数，不核对此项", []));
            }
            else
            {
                var g = NationalFormat2021.Item1;
                var r7 = new List<RuleResult>();
                foreach (var row in g.Rows)
                {
                    decimal before = previous.Value(g, row.Key, "valid"), issued = f.Value(g, row.Key, "issued"), repealed = f.Value(g, row.Key, "repealed"), valid = f.Value(g, row.Key, "valid");
                    if (before + issued - repealed != valid)
                    {
                        r7.Add(new("R7", false, RuleOutcome.Failed,
                            $"“{row.Label}”：上年现行有效{N(before)}＋本年制发{N(issued)}－本年废止{N(repealed)}＝{N(before + issued - repealed)}，而现行有效件数为{N(valid)}",
                            [g.CellId(row.Key, "issued"), g.CellId(row.Key, "repealed"), g.CellId(row.Key, "valid")]));
                    }
                }

                Add("R7", r7);
            }
        }

        // R8
        var decimals = format.DecimalCells;
        var r8 = f.Cells.Where(c => c.Value < 0 || (!decimals.Contains(c.Key) && c.Value != decimal.Truncate(c.Value)))
            .Select(c => new RuleResult("R8", true, RuleOutcome.Failed, $"{Describe(c.Key)}为{N(c.Value)}，应为非负{(decimals.Contains(c.Key) ? "数" : "整数")}", [c.Key]))
            .ToList();
        Add("R8", r8);
        return results;
    }

    /// <summary>“表三 一、本年新收… × 自然人” for a cell id.</summary>
    public static string Describe(string cellId)
    {
        var parts = cellId.Split('|');
        var grid = parts.Length == 3 ? ReportFormat.All.SelectMany(f => f.Grids).FirstOrDefault(g => g.Key == parts[0] && g.Rows.Any(r => r.Key == parts[1])) : null;
        if (grid is null)
        {
            return cellId;
        }

        var row = grid.Rows.FirstOrDefault(r => r.Key == parts[1]);
        var column = grid.Columns.FirstOrDefault(c => c.Key == parts[2]);
        return $"表{grid.Table}{(grid.Heading is null ? "" : grid.Heading)}“{string.Join("", row?.Path ?? [])}{(row?.Path.Count > 0 ? "·" : "")}{string.Join("", column?.Path ?? [])}”";
    }
}
