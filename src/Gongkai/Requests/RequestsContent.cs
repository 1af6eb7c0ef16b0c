using Gongkai.Platform.Caching;
using Gongkai.Requests.Appeals;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Fees;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Letters;
using Gongkai.Requests.Sweep;

namespace Gongkai.Requests;

/// <summary>依申请公开 is personal: none of its records is on a cached page (docs/ARCHITECTURE.md §Public page cache).</summary>
internal static class RequestsContent
{
    public static IServiceCollection AddRequestsContent(this IServiceCollection services) => services
        .AddPrivateContent(typeof(DisclosureRequest), typeof(RequestAttachment), typeof(RequestClockEvent), typeof(RequestReminder),
            typeof(RequestSweepRun), typeof(RequestTransfer), typeof(AppealCase), typeof(FeeAssessment), typeof(LetterTemplate), typeof(SentLetter));
}
