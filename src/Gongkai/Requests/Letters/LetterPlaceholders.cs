using System.Text.RegularExpressions;
using Gongkai.Platform;
using Gongkai.Platform.Documents;

namespace Gongkai.Requests.Letters;

/// <summary>
/// The {占位符} a template may use, and the rendering of a template with values into a printed letter. Pure: the
/// values come from <see cref="LetterValues"/>.
/// </summary>
public static partial class LetterPlaceholders
{
    public const int MaxBodyLength = 8000;
    public const string Blank = "＿＿＿＿＿＿";

    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>
    {
        ["机关"] = "受理申请的机关全称",
        ["受理编号"] = "申请的受理编号",
        ["申请人"] = "申请人姓名或名称",
        ["证件号码"] = "申请人身份证明号码（脱敏）",
        ["申请日期"] = "申请人提交申请的日期",
        ["收到申请日期"] = "收到申请之日（条例第三十一条）",
        ["所需信息"] = "申请获取的政府信息",
        ["获取方式"] = "信息的形式和获取方式",
        ["办理结果"] = "办理结果（年度报告表三的项目）",
        ["法律依据"] = "答复的理由和法律依据",
        ["不予公开内容"] = "不予公开的部分及理由（部分公开）",
        ["说明"] = "其他说明（如负责公开的机关名称和联系方式、获取途径、延期理由）",
        ["告知日期"] = "文书落款日期",
        ["答复期限"] = "当前的答复期限",
        ["救济途径"] = "行政复议和行政诉讼的权利告知",
        ["补正事项"] = "需要补正的事项",
        ["补正期限"] = "补正期限",
        ["延长工作日数"] = "延长答复期限的工作日数",
        ["收费金额"] = "信息处理费金额（元）",
        ["计费方式"] = "按件计收或按量计收",
        ["计费明细"] = "逐档计费明细",
        ["收费依据"] = "收费的依据和标准",
        ["缴费期限"] = "缴费期限（收到通知次日起20个工作日）",
        ["缴费方式"] = "缴费方式",
        ["第三方"] = "被征求意见的第三方",
        ["征求意见期限"] = "第三方提出意见的期限（15个工作日）",
    };

    [GeneratedRegex(@"\{([^{}\s]{1,16})\}")]
    private static partial Regex Placeholder();

    public static IReadOnlyList<string> Used(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>Refuses a template a clerk cannot have meant: empty, too long, or with an unknown placeholder.</summary>
    public static void Check(string key, string? title, string? body)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ValidationFailure("请填写文书标题。", "Title");
        }

        if (title.Trim().Length > 100)
        {
            throw new ValidationFailure("文书标题不能超过100个字。", "Title");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new ValidationFailure("请填写文书正文。", "Body");
        }

        if (body.Length > MaxBodyLength)
        {
            throw new ValidationFailure($"文书正文不能超过{MaxBodyLength}个字。", "Body");
        }

        var unknown = Used(title + "\n" + body).Where(p => !Known.ContainsKey(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationFailure($"模板中有无法识别的占位符：{string.Join("、", unknown.Select(u => "{" + u + "}"))}。可用的占位符见页面下方列表。", "Body");
        }

        foreach (var required in RequiredIn(key))
        {
            if (!body.Contains("{" + required + "}", StringComparison.Ordinal))
            {
                throw new ValidationFailure($"该文书必须包含占位符{{{required}}}（{Known[required]}）。", "Body");
            }
        }
    }

    /// <summary>
    /// What every version of a template must keep: the case number, and in a reply or a fee notice the appeal rights
    /// (a decision on a request is an administrative act that may be challenged).
    /// </summary>
    public static IEnumerable<string> RequiredIn(string key)
    {
        if (key == LetterKeys.ThirdParty)
        {
            yield break;
        }

        yield return "受理编号";
        if (key.StartsWith("reply-", StringComparison.Ordinal) || key == LetterKeys.Fee)
        {
            yield return "救济途径";
        }
    }

    /// <summary>Fills the placeholders; a value not known is left as a blank line to fill in by hand.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(text, m => values.GetValueOrDefault(m.Groups[1].Value) is { Length: > 0 } v ? v : Blank);

    public static PrintedDocument Render(string title, string body, IReadOnlyDictionary<string, string?> values) =>
        new(Fill(title, values), values.GetValueOrDefault("受理编号") is { Length: > 0 } number ? "受理编号：" + number : null,
            PrintedDocument.ParseLines(Fill(body, values)));
}
