namespace Gongkai.Requests.Intake;

/// <summary>所需信息的形式 (Art. 29 (三), Art. 40).</summary>
public enum InformationForm
{
    /// <summary>纸质</summary>
    Paper = 1,
    /// <summary>电子数据</summary>
    Electronic = 2,
    /// <summary>查阅、抄录</summary>
    Inspection = 3,
}

/// <summary>获取信息的方式、途径 (Art. 29 (三)).</summary>
public enum DeliveryMethod
{
    /// <summary>邮寄</summary>
    Post = 1,
    /// <summary>电子邮件</summary>
    Email = 2,
    /// <summary>当面领取</summary>
    Collect = 3,
    /// <summary>在线查看（本网站）</summary>
    Online = 4,
    /// <summary>传真</summary>
    Fax = 5,
}

public static class Delivery
{
    public static string Label(this InformationForm form) => form switch
    {
        InformationForm.Paper => "纸质",
        InformationForm.Electronic => "电子数据",
        InformationForm.Inspection => "查阅、抄录",
        _ => form.ToString(),
    };

    public static string Label(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.Email => "电子邮件",
        DeliveryMethod.Collect => "当面领取",
        DeliveryMethod.Online => "在线查看",
        DeliveryMethod.Fax => "传真",
        _ => method.ToString(),
    };
}
