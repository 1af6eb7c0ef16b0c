using Gongkai.Platform;

namespace Gongkai.Policy.Consultations;

/// <summary>What staff type to open or change a consultation; times are district (Beijing) local times.</summary>
public sealed class ConsultationInput
{
    public Guid OrganId { get; set; }
    public ConsultationKind Kind { get; set; } = ConsultationKind.Solicitation;
    public string? Title { get; set; }
    public string? Explanation { get; set; }
    public string? OtherChannels { get; set; }
    public DateTime? OpensAt { get; set; }
    public DateTime? ClosesAt { get; set; }
    /// <summary>The text of the first draft version (only when creating).</summary>
    public string? DraftText { get; set; }

    /// <summary>The instant (in UTC, as stored) of a district local time.</summary>
    public static DateTimeOffset Instant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, ChineseDates.TimeZone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ChineseDates.TimeZone).DateTime;
}
