using Gongkai.Platform;

namespace Gongkai.Requests.Handling;

internal static class HandlingGuards
{
    public static void NotClosed(DisclosureRequest request)
    {
        if (request.Stage == RequestStage.Closed)
        {
            throw new ValidationFailure("该申请已办结，不能再办理。");
        }
    }

    /// <summary>Once a reply is proposed the case is frozen until the reviewer approves or returns it.</summary>
    public static void NoReplyPending(DisclosureRequest request, string action)
    {
        if (request.ProposedOutcome is not null)
        {
            throw new ValidationFailure(request.ReviewedOn is null
                ? $"拟办意见正在审核，审核退回后才能{action}。"
                : $"答复已审核通过，待送达，不能再{action}。");
        }
    }
}
