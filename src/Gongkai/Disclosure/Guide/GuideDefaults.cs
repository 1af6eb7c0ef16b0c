using Gongkai.Platform.Organisation;

namespace Gongkai.Disclosure.Guide;

/// <summary>
/// The guide every organ has until its staff save one: the Art. 12 contents written from what the platform knows
/// (how it classifies and numbers information, where the catalogue is, the statutory request procedure of
/// Regulation Arts. 27–33, 42 and 51). Contact details the platform cannot know are marked as not yet given
/// rather than invented.
/// </summary>
public static class GuideDefaults
{
    public const string NotGiven = "尚未公布";

    /// <param name="organ">The organ the guide is for.</param>
    /// <param name="receiver">The organ that receives requests for it (itself, or the parent when it does not receive requests).</param>
    /// <param name="portal">The portal's address, e.g. https://www.bjxch.gov.cn (no trailing slash).</param>
    public static OpennessGuide For(Organ organ, Organ? receiver, string portal) => new()
    {
        OrganId = organ.Id,
        Classification =
            $"{organ.FullName}主动公开的政府信息按主题分类和信息类别两种方式分类。\n" +
            "主题分类采用中国政府网政策文件库的主题分类（如“综合政务\\政务公开”“民政、扶贫、救灾\\社会福利”）；" +
            "信息类别分为规范性文件、其他政策文件、规划计划、统计信息、财政预决算、行政许可和服务事项、行政处罚和行政强制、人事信息、通知公告、工作动态、清单、机构职能和其他。\n" +
            "《中华人民共和国政府信息公开条例》第二十条规定的法定主动公开内容，在公开目录中按第（一）项至第（十五）项分栏列出。",
        Arrangement =
            "每条政府信息有唯一的索引号，由本机关代码、年份和顺序号组成。" +
            "每条信息标明索引号、主题分类、发文机关、成文日期、标题、发文字号、发布日期和有效性；已废止、失效或修改的文件保留原文并作明确标注。\n" +
            "政府信息公开目录列明信息的索引、名称、内容概述和生成日期，按发布时间由近及远排列，可按主题分类、信息类别、法定主动公开内容和年份浏览。",
        Access =
            $"（一）网上查阅：通过政务公开平台（{portal}/）的政府信息公开目录（{portal}/catalogue/{organ.Code}）浏览、检索和下载本机关主动公开的政府信息，" +
            $"也可订阅本机关信息的 RSS（{portal}/feeds/organs/{organ.Code}.rss）。\n" +
            "（二）现场查阅：在档案馆、公共图书馆和政务服务场所设置的政府信息查阅点查阅。\n" +
            "（三）依申请获取：公民、法人或者其他组织可以依照本指南“依申请公开”部分的程序申请获取政府信息。",
        OfficeName = receiver is not null && receiver.Id != organ.Id
            ? $"{receiver.FullName}政府信息公开工作机构"
            : $"{organ.FullName}政府信息公开工作机构",
        OfficeAddress = NotGiven,
        OfficeHours = "法定工作日上午9:00—12:00，下午13:30—17:00（法定节假日除外）",
        Phone = NotGiven,
        Fax = "",
        OnlineContact = $"{portal}/guide/{organ.Code}",
        RequestProcedure = Procedure(organ, receiver),
        Version = 0,
    };

    private static string Procedure(Organ organ, Organ? receiver)
    {
        var who = receiver is null ? organ.FullName : receiver.FullName;
        var intro = receiver is null
            ? "本单位不单独受理政府信息公开申请，请向其上级机关提出申请。\n"
            : receiver.Id == organ.Id ? "" : $"本单位不单独受理政府信息公开申请，请向{receiver.FullName}提出申请。\n";
        return intro +
            $"一、提出申请。申请人可以通过政务公开平台在线提交、邮寄信函或者当面提交书面申请；采用书面形式确有困难的，可以口头提出，由{who}政府信息公开工作机构代为填写。\n" +
            "二、申请内容。申请应当包括：（一）申请人的姓名或者名称、身份证明、联系方式；（二）申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；" +
            "（三）申请公开的政府信息的形式要求，包括获取信息的方式、途径。\n" +
            "三、收到申请的日期。当面提交的，以提交之日为收到申请之日；邮寄的，以签收之日为收到申请之日，平常信函等无需签收的，以与申请人确认之日为收到申请之日；" +
            "通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日。\n" +
            "四、补正。申请内容不明确的，自收到申请之日起7个工作日内一次性告知申请人作出补正，答复期限自收到补正的申请之日起计算；申请人无正当理由逾期不补正的，视为放弃申请。\n" +
            "五、答复期限。能够当场答复的，当场答复；不能当场答复的，自收到申请之日起20个工作日内答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，" +
            "延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在内。\n" +
            "六、费用。依申请提供政府信息不收取费用；申请公开政府信息的数量、频次明显超过合理范围的，依照《政府信息公开信息处理费管理办法》收取信息处理费。\n" +
            "七、救济途径。申请人认为在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。";
    }
}
