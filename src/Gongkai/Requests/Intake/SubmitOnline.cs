using Gongkai.Platform;
using Gongkai.Requests.Clock;

namespace Gongkai.Requests.Intake;

/// <summary>
/// A member of the public applies on the portal or through the API. The portal's acknowledgement is the confirmation
/// of Art. 31 (三), so the request counts as received on the day of submission (district time).
/// </summary>
public sealed class SubmitOnline(RequestFiling filing, TimeProvider clock)
{
    public async Task<FiledRequest> HandleAsync(RequestInput input, CancellationToken ct = default)
    {
        var today = ChineseDates.Today(clock);
        var app = RequestValidation.Validate(input, today);
        return await filing.FileAsync(app, ReceiptDate.Determine(RequestChannel.Online, today), today, null, null, ct);
    }
}
