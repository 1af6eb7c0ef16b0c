using Gongkai.Platform;

namespace Gongkai.Requests.Handling;

/// <summary>The handler's proposed reply (拟办意见): one outcome of table 三 and what the reply must state for it.</summary>
public sealed class ReplyInput
{
    public RequestOutcome? Outcome { get; set; }
    /// <summary>依据: the article relied on and the reason; required for every outcome except 予以公开.</summary>
    public string? LegalGround { get; set; }
    /// <summary>部分公开: which parts are withheld, and why (Art. 37).</summary>
    public string? WithheldParts { get; set; }
    /// <summary>不属于本机关负责公开 (Art. 36 (五)).</summary>
    public bool NotOurs { get; set; }
    /// <summary>The organ responsible, with its contact (Art. 36 (五)).</summary>
    public string? ResponsibleOrgan { get; set; }
    /// <summary>已主动公开 (Art. 36 (一)): the published document the reply points to.</summary>
    public Guid? PublishedDocumentId { get; set; }
    /// <summary>What the reply tells the applicant (form, way and time of provision).</summary>
    public string? Summary { get; set; }
}

/// <summary>A proposal that passed <see cref="ReplyRules"/>, trimmed.</summary>
public sealed record ValidReply(RequestOutcome Outcome, string? LegalGround, string? WithheldParts, string? ResponsibleOrgan, Guid? PublishedDocumentId, string? Summary);

/// <summary>
/// What a reply must carry, by outcome (Art. 36–39 and table 三, china-rules §4.4): a refusal, a partial disclosure and every
/// other outcome except 予以公开 states its legal ground; a partial disclosure names the withheld parts; 不属于本机关 names the
/// responsible organ; 其他处理-1/-2 are never proposed, the clock closes them when the period lapses.
/// </summary>
public static class ReplyRules
{
    /// <summary>Checks the reply; every problem is reported at once (one <see cref="ValidationFailure"/> naming each field).</summary>
    public static ValidReply Validate(ReplyInput input)
    {
        var checks = new FieldChecks();
        var outcome = checks.Read(() => input.Outcome is { } o && Enum.IsDefined(o) ? o : throw new ValidationFailure("请选择办理结果。", "Outcome"));
        var known = !checks.Failed("Outcome");
        if (known && outcome is RequestOutcome.OtherNoCorrection or RequestOutcome.OtherFeeUnpaid)
        {
            checks.Check(() => throw new ValidationFailure($"“{outcome.Label()}”不需拟办：补正或缴费期限届满时由系统自动办结。", "Outcome"));
        }

        var ground = checks.Read(() => Text(input.LegalGround, 1000, "依据", "LegalGround"));
        var withheld = checks.Read(() => Text(input.WithheldParts, 2000, "不予公开的部分", "WithheldParts"));
        var responsible = checks.Read(() => Text(input.ResponsibleOrgan, 500, "负责公开的机关", "ResponsibleOrgan"));
        var summary = checks.Read(() => Text(input.Summary, 4000, "答复内容", "Summary"));
        if (known && outcome != RequestOutcome.Disclosed && ground is null && !checks.Failed("LegalGround"))
        {
            checks.Check(() => throw new ValidationFailure($"“{outcome.Label()}”须写明法律依据和理由（如{SuggestedGround(outcome)}）。", "LegalGround"));
        }

        if (known && outcome == RequestOutcome.PartlyDisclosed && withheld is null && !checks.Failed("WithheldParts"))
        {
            checks.Check(() => throw new ValidationFailure("部分公开须写明不予公开的部分及其理由（条例第三十七条）。", "WithheldParts"));
        }

        if (known && outcome != RequestOutcome.PartlyDisclosed && withheld is not null)
        {
            checks.Check(() => throw new ValidationFailure("只有部分公开才填写不予公开的部分。", "WithheldParts"));
        }

        if (known && input.NotOurs && outcome != RequestOutcome.NotHeld)
        {
            checks.Check(() => throw new ValidationFailure("不属于本机关负责公开的，办理结果应为“无法提供（本机关不掌握相关政府信息）”。", "Outcome"));
        }

        if (input.NotOurs && responsible is null && !checks.Failed("ResponsibleOrgan"))
        {
            checks.Check(() => throw new ValidationFailure("不属于本机关负责公开的，须告知负责公开该信息的机关名称和联系方式（条例第三十六条第五项）。", "ResponsibleOrgan"));
        }

        if (!input.NotOurs && responsible is not null)
        {
            checks.Check(() => throw new ValidationFailure("只有不属于本机关负责公开时才填写负责公开的机关。", "ResponsibleOrgan"));
        }

        if (known && input.PublishedDocumentId is not null && outcome != RequestOutcome.Disclosed)
        {
            checks.Check(() => throw new ValidationFailure("只有予以公开（已主动公开）的答复才能关联已公开的信息。", "PublishedDocumentId"));
        }

        checks.ThrowIfAny();
        return new(outcome, ground, withheld, responsible, input.PublishedDocumentId, summary);
    }

    /// <summary>The provision usually relied on, offered to the handler as an example.</summary>
    public static string SuggestedGround(RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.PartlyDisclosed => "条例第三十七条",
        RequestOutcome.WithheldStateSecret => "条例第十四条（国家秘密）",
        RequestOutcome.WithheldByLaw => "条例第十四条（法律、行政法规禁止公开）",
        RequestOutcome.WithheldSecurityStability => "条例第十四条（危及国家安全、公共安全、经济安全、社会稳定）",
        RequestOutcome.WithheldThirdParty => "条例第十五条",
        RequestOutcome.WithheldInternalAffairs => "条例第十六条第一款",
        RequestOutcome.WithheldProcess => "条例第十六条第二款（过程性信息）",
        RequestOutcome.WithheldEnforcementFile => "条例第十六条第二款（行政执法案卷）",
        RequestOutcome.WithheldQueryMatter => "条例第三十六条第七项",
        RequestOutcome.NotHeld => "条例第三十六条第四项或第五项",
        RequestOutcome.WouldNeedCreation => "条例第三十八条",
        RequestOutcome.StillUnclear => "条例第三十条",
        RequestOutcome.PetitionOrComplaint => "条例第三十九条第一款",
        RequestOutcome.Repeated => "条例第三十六条第六项",
        RequestOutcome.PublishedMaterial => "条例第三十九条第二款",
        RequestOutcome.Excessive => "条例第三十五条",
        RequestOutcome.ConfirmOrReissue => "条例第三十六条、第三十九条",
        _ => "条例的相应条款",
    };

    private static string? Text(string? value, int max, string what, string field)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        return v.Length > max ? throw new ValidationFailure($"{what}不能超过{max}个字。", field) : v;
    }
}
