using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Plans.Parsing;

/// <summary>
/// Reads a 完成时限: "2023年10月" → end of that month; "2017年底前" → 31 December; "…完成并持续落实" → recurring;
/// "在2016年推进的基础上持续落实" / "按年度常态化进行" → ongoing; "按照北京市统一部署…" → external.
/// </summary>
public static partial class DeadlineParser
{
    public static PlanDeadline Parse(string written)
    {
        var text = PlanText.Normalize(written).Trim().TrimEnd('。', '.', '；', ';', '，', ',');
        if (text.Length == 0)
        {
            return PlanDeadline.Missing;
        }

        var compact = PlanText.Compact(text);
        if (External().IsMatch(compact))
        {
            return new PlanDeadline(text, null, compact.Contains("持续", StringComparison.Ordinal), DeadlineKind.External);
        }

        // "在2016年推进的基础上持续落实": the year is the past the work builds on, not a due date.
        if (compact.Contains("基础上", StringComparison.Ordinal))
        {
            return new PlanDeadline(text, null, true, DeadlineKind.Ongoing);
        }

        var recurring = Recurring().IsMatch(compact);
        if (DueDate(compact) is { } due)
        {
            return new PlanDeadline(text, due, recurring, DeadlineKind.Date);
        }

        if (recurring || Ongoing().IsMatch(compact))
        {
            return new PlanDeadline(text, null, true, DeadlineKind.Ongoing);
        }

        return new PlanDeadline(text, null, false, DeadlineKind.None);
    }

    /// <summary>The first date the words name, as the last day of the period they name.</summary>
    public static DateOnly? DueDate(string compact)
    {
        var m = DatePattern().Match(compact);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 1990 or > 2100)
        {
            return null;
        }

        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return null;
            }

            if (m.Groups["d"].Success)
            {
                var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
            }

            return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        }

        if (m.Groups["half"].Success)
        {
            return m.Groups["half"].Value == "上" ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31);
        }

        if (m.Groups["q"].Success)
        {
            var q = "一二三四1234".IndexOf(m.Groups["q"].Value[0], StringComparison.Ordinal) % 4 + 1;
            var month = q * 3;
            return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        }

        return new DateOnly(year, 12, 31);
    }

    [GeneratedRegex(@"(?<y>\d{4})(?:年|[-./])(?:(?<half>[上下])半年|第?(?<q>[一二三四1-4])季度|(?<m>\d{1,2})(?:月|(?=[-./]\d)|$)(?:[-./]?(?<d>\d{1,2})[日号]?)?)?")]
    private static partial Regex DatePattern();

    [GeneratedRegex("按照?.{0,12}(统一部署|统一安排|工作要求|要求进行)|根据.{0,12}(统一部署|工作安排)")]
    private static partial Regex External();

    [GeneratedRegex("持续落实|持续推进|持续开展|并持续|动态管理|动态调整|长期坚持|常态化|长期")]
    private static partial Regex Recurring();

    [GeneratedRegex("持续|常态化|长期|每年|按年度|按季度|按月|定期")]
    private static partial Regex Ongoing();
}
