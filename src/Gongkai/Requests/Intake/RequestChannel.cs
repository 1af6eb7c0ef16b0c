namespace Gongkai.Requests.Intake;

/// <summary>How a request reached the organ (申请渠道); each has its own receipt date under Art. 31.</summary>
public enum RequestChannel
{
    /// <summary>互联网在线提交 (this portal or the API)</summary>
    Online = 1,
    /// <summary>当面提交</summary>
    InPerson = 2,
    /// <summary>邮寄（需签收：挂号信、EMS、快递）</summary>
    RegisteredMail = 3,
    /// <summary>平常信函（无需签收）</summary>
    OrdinaryLetter = 4,
    /// <summary>传真</summary>
    Fax = 5,
    /// <summary>口头提出，由工作人员代为填写 (Art. 29 ¶1)</summary>
    Oral = 6,
}

public static class RequestChannels
{
    /// <summary>The channels staff register by hand (everything but online submission).</summary>
    public static IReadOnlyList<RequestChannel> StaffRegistered { get; } =
        [RequestChannel.InPerson, RequestChannel.RegisteredMail, RequestChannel.OrdinaryLetter, RequestChannel.Fax, RequestChannel.Oral];

    public static string Label(this RequestChannel channel) => channel switch
    {
        RequestChannel.Online => "在线提交",
        RequestChannel.InPerson => "当面提交",
        RequestChannel.RegisteredMail => "邮寄（签收）",
        RequestChannel.OrdinaryLetter => "平常信函",
        RequestChannel.Fax => "传真",
        RequestChannel.Oral => "口头提出（工作人员代填）",
        _ => channel.ToString(),
    };
}
