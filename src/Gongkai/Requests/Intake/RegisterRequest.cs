using Gongkai.Platform;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;

namespace Gongkai.Requests.Intake;

/// <summary>
/// Staff register a request that came in person, by post, by ordinary letter, by fax or orally, with the dates that
/// decide its receipt day under Art. 31 (the signing day, the confirmation day). Only the organ's handlers may.
/// </summary>
public sealed class RegisterRequest(RequestFiling filing, StaffAccess access, TimeProvider clock)
{
    public async Task<FiledRequest> HandleAsync(RegistrationInput input, CancellationToken ct = default)
    {
        var today = ChineseDates.Today(clock);
        var app = RequestValidation.Validate(input, today);
        var role = await access.RequireAsync(app.OrganId, RequestAccess.Handlers, "登记", RequestAccess.Records);
        var channel = input.Channel is { } c && RequestChannels.StaffRegistered.Contains(c)
            ? c
            : throw new ValidationFailure("请选择申请渠道（当面、邮寄、平常信函、传真或口头）。", "Channel");
        var submitted = input.SubmittedOn ?? throw new ValidationFailure(channel switch
        {
            RequestChannel.RegisteredMail or RequestChannel.OrdinaryLetter => "请填写信件到达日期。",
            RequestChannel.Fax => "请填写收到传真的日期。",
            _ => "请填写申请人提出申请的日期。",
        }, "SubmittedOn");
        var receipt = ReceiptDate.Determine(channel, submitted, input.SignedForOn, input.ConfirmedOn);
        if (submitted > today || receipt.ReceivedOn > today)
        {
            throw new ValidationFailure("日期不能晚于今天。", "SubmittedOn");
        }

        return await filing.FileAsync(app, receipt, submitted, input, role, ct);
    }
}
