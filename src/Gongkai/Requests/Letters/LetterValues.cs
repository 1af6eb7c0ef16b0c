using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Organisation;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Fees;
using Gongkai.Requests.Intake;

namespace Gongkai.Requests.Letters;

/// <summary>What the handler adds to a letter that the request does not already say.</summary>
public sealed class LetterInput
{
    public LetterKind? Kind { get; set; }
    /// <summary>For a reply; defaults to the request's recorded outcome.</summary>
    public RequestOutcome? Outcome { get; set; }
    /// <summary>理由和法律依据; defaults to <see cref="LegalGrounds.Default"/>.</summary>
    public string? LegalGround { get; set; }
    /// <summary>部分公开: the parts withheld and why.</summary>
    public string? Withheld { get; set; }
    /// <summary>补正事项, or another explanation (the organ responsible, where to obtain it, why the delay).</summary>
    public string? Details { get; set; }
    /// <summary>The third party consulted; defaults to the last one on the clock.</summary>
    public string? Party { get; set; }
    /// <summary>落款日期; defaults to today.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>
    /// The reply letter as the request's recorded reply says it (outcome, ground, withheld parts; the responsible organ and
    /// the reply summary as the explanation): what the letter page starts from and what is archived at delivery.
    /// </summary>
    public static LetterInput ForReply(DisclosureRequest request, RequestOutcome? outcome = null, DateOnly? date = null)
    {
        var decided = outcome ?? request.Outcome ?? request.ProposedOutcome;
        var explanation = string.Join("", new[]
        {
            request.ResponsibleOrgan is { Length: > 0 } organ ? $"该信息由{organ.Trim().TrimEnd('。')}负责公开。" : null,
            request.ReplySummary?.Trim(),
        }.Where(s => !string.IsNullOrEmpty(s)));
        return new LetterInput
        {
            Kind = LetterKind.Reply,
            Outcome = decided,
            LegalGround = request.LegalGround ?? (decided is { } d ? LegalGrounds.Default(d) : null),
            Withheld = request.WithheldParts,
            Details = explanation.Length == 0 ? null : explanation,
            Date = date,
        };
    }
}

/// <summary>Everything a letter is filled from, gathered by <see cref="ProduceLetter"/>.</summary>
public sealed record LetterContext(
    DisclosureRequest Request,
    Organ Organ,
    string MaskedIdNumber,
    WorkingDayCalendar Calendar,
    ClockState? Clock,
    FeeAssessment? Fee,
    AppealRightsOptions AppealRights,
    DateOnly Today);

/// <summary>
/// The placeholder values of a letter, computed from the request, its clock and fee, and the handler's input. Refuses
/// a letter that would go out without what the law requires of it: a refusal without its ground, a partial disclosure
/// without the parts withheld, a 补正 notice without what to correct.
/// </summary>
public static class LetterValues
{
    public static (string Key, IReadOnlyDictionary<string, string?> Values) Build(LetterContext context, LetterInput input)
    {
        var r = context.Request;
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new ValidationFailure("请选择文书种类。", "Kind");
        var outcome = kind == LetterKind.Reply ? input.Outcome ?? r.Outcome : null;
        if (outcome is { } o && !Enum.IsDefined(o))
        {
            throw new ValidationFailure("请选择办理结果。", "Outcome");
        }

        var key = LetterKeys.For(kind, outcome);
        var date = input.Date ?? context.Today;
        if (date < r.ReceivedOn)
        {
            throw new ValidationFailure($"告知日期不能早于收到申请之日（{ChineseDates.Long(r.ReceivedOn)}）。", "Date");
        }

        var events = r.Events.OrderBy(e => e.Sequence).ToList();
        var values = new Dictionary<string, string?>
        {
            ["机关"] = context.Organ.FullName,
            ["受理编号"] = r.TrackingNumber,
            ["申请人"] = r.ApplicantName,
            ["证件号码"] = context.MaskedIdNumber,
            ["申请日期"] = ChineseDates.Long(r.SubmittedOn),
            ["收到申请日期"] = ChineseDates.Long(r.ReceivedOn),
            ["所需信息"] = r.InformationWanted,
            ["获取方式"] = $"{r.Form.Label()}，{r.Delivery.Label()}",
            ["告知日期"] = ChineseDates.Long(date),
            ["答复期限"] = context.Clock?.DueOn is { } due ? ChineseDates.Long(due) : null,
            ["救济途径"] = context.AppealRights.Sentence(context.Organ.Kind),
            ["说明"] = InputText.OrNull(input.Details, 2000, "填写的内容不能超过2000个字。"),
        };

        if (outcome is { } decided)
        {
            values["办理结果"] = decided.Label();
            var ground = InputText.OrNull(input.LegalGround, 2000, "填写的内容不能超过2000个字。") ?? LegalGrounds.Default(decided);
            values["法律依据"] = ground;
            if (decided == RequestOutcome.PartlyDisclosed)
            {
                values["不予公开内容"] = InputText.OrNull(input.Withheld, 2000, "填写的内容不能超过2000个字。") ?? throw new ValidationFailure("部分公开须写明不予公开的内容及其理由（条例第三十七条）。", "Withheld");
            }
        }

        var correction = events.LastOrDefault(e => e.Kind == ClockEventKind.CorrectionRequested);
        values["补正期限"] = correction?.Until is { } until ? ChineseDates.Long(until) : null;
        values["补正事项"] = InputText.OrNull(input.Details, 2000, "填写的内容不能超过2000个字。");
        if (kind == LetterKind.CorrectionNotice && values["补正事项"] is null)
        {
            throw new ValidationFailure("补正通知须一次性写明需要补正的事项（条例第三十条）。", "Details");
        }

        var extension = events.LastOrDefault(e => e.Kind == ClockEventKind.ExtensionApproved);
        values["延长工作日数"] = extension?.WorkingDays?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (kind == LetterKind.ExtensionNotice && extension is null)
        {
            throw new ValidationFailure("尚未记录延长答复期限，请先在办理记录中记录延长（含批准人）。", "Kind");
        }

        if (context.Fee is { } fee)
        {
            values["收费金额"] = fee.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            values["计费方式"] = fee.Method.Label();
            values["计费明细"] = fee.Breakdown.Replace("\n", "；");
            values["收费依据"] = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第" + (fee.Method == FeeMethod.PerRequest ? "四" : "五") + "条";
            values["缴费期限"] = fee.PayByText(context.Calendar);
            values["缴费方式"] = fee.PaymentInstructions;
        }
        else if (kind == LetterKind.FeeNotice)
        {
            throw new ValidationFailure("尚未计算信息处理费，请先在收费页面计算并发出收费通知。", "Kind");
        }

        var consulted = events.LastOrDefault(e => e.Kind == ClockEventKind.ThirdPartyConsulted);
        values["第三方"] = InputText.OrNull(input.Party, 2000, "填写的内容不能超过2000个字。") ?? consulted?.Party;
        var asked = consulted?.On ?? date;
        values["征求意见期限"] = context.Calendar.PeriodText(asked, ReplyDeadline.ConsultationWorkingDays);
        if (kind == LetterKind.ThirdPartyConsultation && values["第三方"] is null)
        {
            throw new ValidationFailure("请填写被征求意见的第三方。", "Party");
        }

        return (key, values);
    }
}
