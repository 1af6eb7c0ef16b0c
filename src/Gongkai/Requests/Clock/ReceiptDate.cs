using Gongkai.Platform;
using Gongkai.Requests.Intake;

namespace Gongkai.Requests.Clock;

/// <summary>The day the organ is deemed to have received a request (收到申请之日), and why.</summary>
public sealed record Receipt(RequestChannel Channel, DateOnly ReceivedOn, string Explanation);

/// <summary>
/// Art. 31 of the 2019 Regulation: in person — the day of submission; signed post — the day the organ signs for it;
/// ordinary letter — the day the office confirms with the applicant (to be done the day it arrives); online and fax —
/// the day both sides confirm. An oral request is written down by staff on the day it is made (Art. 29).
/// </summary>
public static class ReceiptDate
{
    /// <param name="submittedOn">Day of the visit, the letter's or fax's arrival, or the online submission.</param>
    /// <param name="signedForOn">Signed post: the day the organ signed for it.</param>
    /// <param name="confirmedOn">Ordinary letter and fax: the day the office confirmed with the applicant; online: the
    /// acknowledgement day (the portal confirms at once, so it is the submission day when not given).</param>
    public static Receipt Determine(RequestChannel channel, DateOnly submittedOn, DateOnly? signedForOn = null, DateOnly? confirmedOn = null)
    {
        var submitted = ChineseDates.Long(submittedOn);
        switch (channel)
        {
            case RequestChannel.InPerson:
                return new(channel, submittedOn, $"{submitted}当面提交申请，以提交之日为收到申请之日（条例第三十一条第一项）。");
            case RequestChannel.Oral:
                return new(channel, submittedOn, $"{submitted}口头提出申请，由工作人员当场代为填写，以提出之日为收到申请之日（条例第二十九条、第三十一条第一项）。");
            case RequestChannel.RegisteredMail:
                {
                    var signed = signedForOn ?? throw new ValidationFailure("邮寄申请须填写本机关签收日期。", "SignedForOn");
                    NotBefore(signed, submittedOn, "签收日期");
                    return new(channel, signed, $"{ChineseDates.Long(signed)}签收邮寄的申请，以签收之日为收到申请之日（条例第三十一条第二项）。");
                }

            case RequestChannel.OrdinaryLetter:
                {
                    var confirmed = confirmedOn ?? throw new ValidationFailure("平常信函须填写与申请人确认收到申请的日期。", "ConfirmedOn");
                    NotBefore(confirmed, submittedOn, "确认日期");
                    var late = confirmed > submittedOn ? $"（信函{submitted}到达，未能当日确认）" : "";
                    return new(channel, confirmed, $"{ChineseDates.Long(confirmed)}与申请人确认收到平常信函{late}，以确认之日为收到申请之日（条例第三十一条第二项）。");
                }

            case RequestChannel.Fax:
                {
                    var confirmed = confirmedOn ?? throw new ValidationFailure("传真申请须填写双方确认的日期。", "ConfirmedOn");
                    NotBefore(confirmed, submittedOn, "确认日期");
                    return new(channel, confirmed, $"{ChineseDates.Long(confirmed)}双方确认收到传真申请，以双方确认之日为收到申请之日（条例第三十一条第三项）。");
                }

            case RequestChannel.Online:
                {
                    var confirmed = confirmedOn ?? submittedOn;
                    NotBefore(confirmed, submittedOn, "确认日期");
                    return new(channel, confirmed, $"{ChineseDates.Long(confirmed)}在线提交申请并由本网站出具回执确认，以双方确认之日为收到申请之日（条例第三十一条第三项）。");
                }

            default:
                throw new ValidationFailure("请选择申请渠道。", "Channel");
        }
    }

    private static void NotBefore(DateOnly date, DateOnly submittedOn, string label)
    {
        if (date < submittedOn)
        {
            throw new ValidationFailure($"{label}不能早于申请到达（提交）日期{ChineseDates.Long(submittedOn)}。", label == "签收日期" ? "SignedForOn" : "ConfirmedOn");
        }
    }
}
