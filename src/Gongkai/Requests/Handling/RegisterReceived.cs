using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;

namespace Gongkai.Requests.Handling;

/// <summary>
/// 登记: the office takes an online request into its register (Art. 45). Staff-registered requests are registered when
/// entered. Registration changes no date: the receipt day of an online request is the day of the portal's confirmation.
/// </summary>
public sealed class RegisterReceived(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, RequestClock clocks)
{
    public async Task<ClockState> HandleAsync(DisclosureRequest request, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "登记", RequestAccess.Records);
        if (request.RegisteredOn is not null)
        {
            throw new ValidationFailure($"该申请已于{ChineseDates.Long(request.RegisteredOn.Value)}登记。");
        }

        HandlingGuards.NotClosed(request);
        var state = request.Register(actor.UserId, await clocks.NowAsync(ct));
        audit.Record(RequestAuditActions.Register, "DisclosureRequest", request.Id.ToString(),
            $"登记申请{request.TrackingNumber}（{request.Channel.Label()}）；答复期限{RequestClock.DueText(state)}", request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return state;
    }
}
