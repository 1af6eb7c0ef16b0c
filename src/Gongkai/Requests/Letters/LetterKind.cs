namespace Gongkai.Requests.Letters;

/// <summary>The letters (告知书、通知书) the office sends about a request.</summary>
public enum LetterKind
{
    /// <summary>政府信息公开申请答复告知书: one template per outcome (table 三 row).</summary>
    Reply = 1,
    /// <summary>补正通知书 (Art. 30)</summary>
    CorrectionNotice = 2,
    /// <summary>延期答复告知书 (Art. 33)</summary>
    ExtensionNotice = 3,
    /// <summary>收费通知书 (国办函〔2020〕109号)</summary>
    FeeNotice = 4,
    /// <summary>征求第三方意见书 (Art. 32)</summary>
    ThirdPartyConsultation = 5,
}

/// <summary>
/// Template keys: “reply-{outcome}” for each outcome, and one key for each notice. Keys are stored; never rename.
/// </summary>
public static class LetterKeys
{
    public const string Correction = "correction";
    public const string Extension = "extension";
    public const string Fee = "fee";
    public const string ThirdParty = "third-party";

    public static string Reply(RequestOutcome outcome) => "reply-" + outcome;

    public static string For(LetterKind kind, RequestOutcome? outcome) => kind switch
    {
        LetterKind.Reply => Reply(outcome ?? throw new Platform.ValidationFailure("答复告知书须选择办理结果。", "Outcome")),
        LetterKind.CorrectionNotice => Correction,
        LetterKind.ExtensionNotice => Extension,
        LetterKind.FeeNotice => Fee,
        LetterKind.ThirdPartyConsultation => ThirdParty,
        _ => throw new Platform.ValidationFailure("请选择文书种类。", "Kind"),
    };

    /// <summary>Every key, in the order the template list shows them.</summary>
    public static IEnumerable<string> All() =>
        Enum.GetValues<RequestOutcome>().Select(Reply).Concat([Correction, Extension, Fee, ThirdParty]);

    public static (LetterKind Kind, RequestOutcome? Outcome)? Parse(string key)
    {
        if (key.StartsWith("reply-", StringComparison.Ordinal))
        {
            return Enum.TryParse<RequestOutcome>(key["reply-".Length..], out var o) && Enum.IsDefined(o) && Reply(o) == key ? (LetterKind.Reply, o) : null;
        }

        return key switch
        {
            Correction => (LetterKind.CorrectionNotice, null),
            Extension => (LetterKind.ExtensionNotice, null),
            Fee => (LetterKind.FeeNotice, null),
            ThirdParty => (LetterKind.ThirdPartyConsultation, null),
            _ => null,
        };
    }

    public static string Label(string key) => Parse(key) switch
    {
        (LetterKind.Reply, { } o) => "答复告知书：" + o.Label(),
        ({ } kind, _) => kind.Label(),
        _ => key,
    };

    public static string Label(this LetterKind kind) => kind switch
    {
        LetterKind.Reply => "政府信息公开申请答复告知书",
        LetterKind.CorrectionNotice => "补正申请告知书",
        LetterKind.ExtensionNotice => "延期答复告知书",
        LetterKind.FeeNotice => "信息处理费收费通知书",
        LetterKind.ThirdPartyConsultation => "征求第三方意见书",
        _ => kind.ToString(),
    };
}
