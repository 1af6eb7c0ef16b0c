using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;

namespace Gongkai.Tests.Infrastructure;

/// <summary>A planned request record of known composition (test arrangement: written straight to the table).</summary>
internal sealed record PlannedRequest(string Number, RequestChannel Channel, ApplicantType Type, DateOnly ReceivedOn, DateOnly? ClosedOn,
    RequestOutcome? Outcome, Timeliness? Timeliness)
{
    public DisclosureRequest ToRecord(Guid organId) => new DisclosureRequest
    {
        TrackingNumber = Number,
        SecretHash = "0",
        OrganId = organId,
        Channel = Channel,
        ApplicantType = Type,
        ApplicantName = "统计测试" + Number,
        IdDocumentType = IdDocumentType.ResidentIdCard,
        IdNumberProtected = "x",
        PhoneProtected = "x",
        InformationWanted = "统计测试申请",
        SubmittedOn = ReceivedOn,
        ReceivedOn = ReceivedOn,
    }.WithStoredState(new()
    {
        RegisteredOn = ReceivedOn,
        Stage = ClosedOn is null ? RequestStage.InHandling : RequestStage.Closed,
        ClosedOn = ClosedOn,
        Outcome = Outcome,
        Timeliness = Timeliness,
    });
}

/// <summary>
/// Requests of known composition around the year 2025: every channel × applicant type received in 2025, every outcome
/// row used, requests carried in from 2024 (closed in 2025 or still open), requests carried out into 2026, some closed
/// late, some open and overdue, and 2024 requests closed in 2024 that 2025 must not count.
/// </summary>
internal static class ReportTestData
{
    /// <summary>Received Monday 3 March 2025, closed Monday 10 March: 5 working days.</summary>
    public static readonly (DateOnly Received, DateOnly Closed) Short = (new(2025, 3, 3), new(2025, 3, 10));

    /// <summary>Received Friday 20 December 2024, closed Friday 10 January 2025: 14 working days (1 January is a holiday).</summary>
    public static readonly (DateOnly Received, DateOnly Closed) AcrossNewYear = (new(2024, 12, 20), new(2025, 1, 10));

    public static List<PlannedRequest> Plan(string prefix)
    {
        var plan = new List<PlannedRequest>();
        var outcomes = Enum.GetValues<RequestOutcome>();
        var n = 0;
        string Next() => $"{prefix}-{++n:D5}";
        var channels = Enum.GetValues<RequestChannel>();
        var types = ApplicantTypes.All;
        var k = 0;
        for (var ci = 0; ci < channels.Length; ci++)
        {
            for (var ti = 0; ti < types.Count; ti++)
            {
                // Received in 2025: (ci + 2·ti) % 4 + 1 requests of this channel and type.
                for (var i = 0; i < (ci + 2 * ti) % 4 + 1; i++, k++)
                {
                    var outcome = outcomes[k % outcomes.Length];
                    plan.Add((k % 11) switch
                    {
                        // Open at the end of 2025 and closed in 2026: carried out.
                        0 => new(Next(), channels[ci], types[ti], new(2025, 12, 22), new DateOnly(2026, 1, 6), outcome, Timeliness.OnTime),
                        // Open now and overdue: carried out, overdue now.
                        1 => new(Next(), channels[ci], types[ti], new(2025, 6, 3), null, null, Timeliness.Overdue),
                        // Closed late in 2025.
                        2 => new(Next(), channels[ci], types[ti], Short.Received, Short.Closed, outcome, Timeliness.Overdue),
                        _ => new(Next(), channels[ci], types[ti], Short.Received, Short.Closed, outcome, Timeliness.OnTime),
                    });
                }
            }
        }

        for (var ti = 0; ti < types.Count; ti++)
        {
            // Carried in from 2024 and closed in 2025 (ti + 1 of them), or still open (ti % 2).
            for (var i = 0; i < ti + 1; i++)
            {
                plan.Add(new(Next(), RequestChannel.InPerson, types[ti], AcrossNewYear.Received, AcrossNewYear.Closed, outcomes[(ti + i) % outcomes.Length], Timeliness.OnTime));
            }

            for (var i = 0; i < ti % 2; i++)
            {
                plan.Add(new(Next(), RequestChannel.RegisteredMail, types[ti], new(2024, 12, 27), null, null, Timeliness.Overdue));
            }

            // 2024 requests closed in 2024: not in 2025's figures at all.
            plan.Add(new(Next(), RequestChannel.Online, types[ti], new(2024, 3, 4), new DateOnly(2024, 3, 11), RequestOutcome.Disclosed, Timeliness.OnTime));
        }

        return plan;
    }

    public static async Task InsertAsync(GongkaiApp app, Guid organId, IEnumerable<PlannedRequest> plan) =>
        await app.WithDbAsync(async db =>
        {
            db.DisclosureRequests.AddRange(plan.Select(p => p.ToRecord(organId)));
            return await db.SaveChangesAsync();
        });
}
