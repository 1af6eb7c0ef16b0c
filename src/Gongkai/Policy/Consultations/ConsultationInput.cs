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

    public static DateTimeOffset Instant(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChineseDates.TimeZone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));

    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ChineseDates.TimeZone).DateTime;
}
