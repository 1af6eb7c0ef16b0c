namespace Gongkai.Requests.Letters;

/// <summary>
/// The legal ground a reply cites by default for each outcome (条例 = 《中华人民共和国政府信息公开条例》, 2019; mapping
/// china-rules §4.4). The handler may replace it in the letter form; a refusal may not go out without one.
/// </summary>
public static class LegalGrounds
{
    private const string R = "《中华人民共和国政府信息公开条例》";

    public static string Default(RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Disclosed => R + "第三十六条第（二）项",
        RequestOutcome.PartlyDisclosed => R + "第三十七条",
        RequestOutcome.WithheldStateSecret => R + "第十四条、第三十六条第（三）项",
        RequestOutcome.WithheldByLaw => R + "第十四条、第三十六条第（三）项",
        RequestOutcome.WithheldSecurityStability => R + "第十四条、第三十六条第（三）项",
        RequestOutcome.WithheldThirdParty => R + "第十五条、第三十二条、第三十六条第（三）项",
        RequestOutcome.WithheldInternalAffairs => R + "第十六条第一款、第三十六条第（三）项",
        RequestOutcome.WithheldProcess => R + "第十六条第二款、第三十六条第（三）项",
        RequestOutcome.WithheldEnforcementFile => R + "第十六条第二款、第三十六条第（三）项",
        RequestOutcome.WithheldQueryMatter => R + "第三十六条第（七）项",
        RequestOutcome.NotHeld => R + "第三十六条第（四）项、第（五）项",
        RequestOutcome.WouldNeedCreation => R + "第三十八条",
        RequestOutcome.StillUnclear => R + "第三十条",
        RequestOutcome.PetitionOrComplaint => R + "第三十九条第一款",
        RequestOutcome.Repeated => R + "第三十六条第（六）项",
        RequestOutcome.PublishedMaterial => R + "第三十九条第二款",
        RequestOutcome.Excessive => R + "第三十五条",
        RequestOutcome.ConfirmOrReissue => R + "第三十六条第（六）项、第三十八条",
        RequestOutcome.OtherNoCorrection => R + "第三十条",
        RequestOutcome.OtherFeeUnpaid => R + "第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
        RequestOutcome.OtherHandling => R,
        _ => R,
    };

    /// <summary>Outcomes that refuse or end a request: the letter must state a ground (issue 4, “a reply without a legal ground”).</summary>
    public static bool Required(RequestOutcome outcome) => outcome != RequestOutcome.Disclosed;
}
