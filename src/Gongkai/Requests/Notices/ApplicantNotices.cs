using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Web;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Requests.Notices;

/// <summary>
/// What the applicant is told, by e-mail when they gave an address and by SMS to a mobile number: receipt (登记回执), 补正
/// notice, extension (延期), fee notice (收费) and reply delivered (答复已送达，可下载). Each message goes into the outbox in the
/// use case's unit of work (<see cref="NotificationOutbox"/>), so it commits with the step it tells about. A message names
/// the request by its 受理编号 and the organ, and says where to follow it; it never carries the 查询码 (only its hash is
/// kept, and a message may be read by someone else), the applicant's name or any staff note.
/// </summary>
public sealed class ApplicantNotices(GongkaiDb db, NotificationOutbox outbox, ApplicantProtector protector, IOptions<SiteOptions> site)
{
    private string TrackUrl => site.Value.Portal + "/requests/track";

    /// <summary>The request was filed (online: received; at the counter or by post: registered).</summary>
    public async Task<IReadOnlyList<Notification>> ReceiptAsync(DisclosureRequest request, ClockState state, CancellationToken ct)
    {
        var organ = await OrganAsync(request, ct);
        var due = RequestClock.DueText(state);
        return Send(request, NotificationKinds.RequestReceipt,
            $"已收到您的政府信息公开申请（受理编号{request.TrackingNumber}）",
            $"您向{organ}提出的政府信息公开申请已收到并登记，受理编号：{request.TrackingNumber}，收到申请之日：{ChineseDates.Long(request.ReceivedOn)}，答复期限：{due}。\n\n"
            + $"请凭受理编号和查询码在 {TrackUrl} 查询办理进度；答复送达后可在该页面下载答复书。查询码只在提交时显示一次，本通知不含查询码，请妥善保管。",
            $"您向{organ}提出的政府信息公开申请已登记，受理编号{request.TrackingNumber}，答复期限{due}。凭受理编号和查询码可在门户网站查询进度。");
    }

    /// <summary>补正, extension or fee notice recorded on the clock; other events tell the applicant nothing.</summary>
    public async Task<IReadOnlyList<Notification>> ClockEventAsync(DisclosureRequest request, RequestClockEvent recorded, ClockState state, CancellationToken ct)
    {
        switch (recorded.Kind)
        {
            case ClockEventKind.CorrectionRequested:
            {
                var organ = await OrganAsync(request, ct);
                var until = recorded.Until is { } u ? $"，请于{ChineseDates.Long(u)}前补正" : "";
                return Send(request, NotificationKinds.RequestCorrection,
                    $"请补正您的政府信息公开申请（受理编号{request.TrackingNumber}）",
                    $"{organ}于{ChineseDates.Long(recorded.On)}就您的政府信息公开申请（受理编号{request.TrackingNumber}）发出补正通知{until}。补正通知书已按您选择的方式送达，载明需要补正的事项。\n\n"
                    + $"答复期限自收到补正之日起重新计算（《政府信息公开条例》第三十条）；无正当理由逾期不补正的，视为放弃申请。可在 {TrackUrl} 查询办理进度。",
                    $"{organ}就您的申请（受理编号{request.TrackingNumber}）发出补正通知{until}，详见补正通知书。");
            }
            case ClockEventKind.ExtensionApproved:
            {
                var organ = await OrganAsync(request, ct);
                var due = RequestClock.DueText(state);
                return Send(request, NotificationKinds.RequestExtension,
                    $"您的政府信息公开申请答复期限已延长（受理编号{request.TrackingNumber}）",
                    $"{organ}需要延长答复期限，经政府信息公开工作机构负责人同意，您的申请（受理编号{request.TrackingNumber}）的答复期限延长{recorded.WorkingDays}个工作日，"
                    + $"延长后的答复期限为{due}（《政府信息公开条例》第三十三条）。可在 {TrackUrl} 查询办理进度。",
                    $"您的申请（受理编号{request.TrackingNumber}）答复期限延长{recorded.WorkingDays}个工作日，至{due}。");
            }
            case ClockEventKind.FeeNoticeIssued:
            {
                var organ = await OrganAsync(request, ct);
                var fee = db.FeeAssessments.Local.FirstOrDefault(f => f.RequestId == request.Id)
                    ?? await db.FeeAssessments.AsNoTracking().FirstOrDefaultAsync(f => f.RequestId == request.Id, ct);
                var amount = fee is null ? "" : $"信息处理费{fee.Amount}元，";
                var payBy = fee?.PayBy is { } by ? $"请于{ChineseDates.Long(by)}前缴纳" : "请在收到收费通知之日起20个工作日内缴纳";
                return Send(request, NotificationKinds.RequestFee,
                    $"政府信息公开申请收费通知（受理编号{request.TrackingNumber}）",
                    $"{organ}于{ChineseDates.Long(recorded.On)}就您的政府信息公开申请（受理编号{request.TrackingNumber}）发出收费通知：{amount}{payBy}，缴费方式见收费通知书。"
                    + $"\n\n自发出收费通知之日起至缴费之日止的期间不计算在答复期限内；逾期未缴纳的，视为放弃申请（国办函〔2020〕109号）。可在 {TrackUrl} 查询办理进度。",
                    $"您的申请（受理编号{request.TrackingNumber}）需缴纳{amount}{payBy}，详见收费通知书。");
            }
            default:
                return [];
        }
    }

    /// <summary>The reply was delivered: the letter can be downloaded from the tracking page.</summary>
    public async Task<IReadOnlyList<Notification>> ReplyDeliveredAsync(DisclosureRequest request, DateOnly deliveredOn, string how, CancellationToken ct)
    {
        var organ = await OrganAsync(request, ct);
        return Send(request, NotificationKinds.RequestReply,
            $"您的政府信息公开申请已答复（受理编号{request.TrackingNumber}）",
            $"{organ}已于{ChineseDates.Long(deliveredOn)}以{how}方式向您送达政府信息公开申请（受理编号{request.TrackingNumber}）的答复，申请已办结。\n\n"
            + $"凭受理编号和查询码可在 {TrackUrl} 查看办理过程并下载答复书。对答复不服的，可依法申请行政复议或者提起行政诉讼（期限见答复书）。",
            $"您的申请（受理编号{request.TrackingNumber}）已答复并办结，凭受理编号和查询码可在门户网站下载答复书。");
    }

    private IReadOnlyList<Notification> Send(DisclosureRequest request, string kind, string subject, string body, string sms) =>
        outbox.Enqueue(new NotificationOutbox.Message(kind, subject, body, sms, "DisclosureRequest", request.Id.ToString(), request.OrganId),
            protector.Unprotect(request.EmailProtected), protector.Unprotect(request.PhoneProtected));

    private async Task<string> OrganAsync(DisclosureRequest request, CancellationToken ct) =>
        await db.Organs.AsNoTracking().Where(o => o.Id == request.OrganId).Select(o => o.FullName).SingleAsync(ct);
}
