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
        // The applicant's fields and the channel's dates are checked together, so the clerk sees every problem at once;
        // with a valid organ the right to register there is checked first (403 before 400).
        var checks = new FieldChecks();
        var app = checks.Read(() => RequestValidation.Validate(input, today));
        StaffRole? role = app is null ? null : await access.RequireAsync(app.OrganId, RequestAccess.Handlers, "登记", RequestAccess.Records);
        var channel = checks.Read(() => input.Channel is { } c && RequestChannels.StaffRegistered.Contains(c)
            ? c
            : throw new ValidationFailure("请选择申请渠道（当面、邮寄、平常信函、传真或口头）。", "Channel"));
        var channelKnown = !checks.Failed("Channel");
        var submitted = checks.Read(() => input.SubmittedOn ?? throw new ValidationFailure(channel switch
        {
            _ when !channelKnown => "请填写申请到达（提交）日期。",
            RequestChannel.RegisteredMail or RequestChannel.OrdinaryLetter => "请填写信件到达日期。",
            RequestChannel.Fax => "请填写收到传真的日期。",
            _ => "请填写申请人提出申请的日期。",
        }, "SubmittedOn"));
        var receipt = channelKnown && !checks.Failed("SubmittedOn")
            ? checks.Read(() => ReceiptDate.Determine(channel, submitted, input.SignedForOn, input.ConfirmedOn))
            : null;
        if (receipt is not null && (submitted > today || receipt.ReceivedOn > today))
        {
            checks.Check(() => throw new ValidationFailure("日期不能晚于今天。", "SubmittedOn"));
        }

        checks.ThrowIfAny();
        return await filing.FileAsync(app!, receipt!, submitted, input, role!.Value, ct);
    }
}
