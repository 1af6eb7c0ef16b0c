using Gongkai.Platform.Data;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

/// <summary>
/// A request for government information (依申请公开申请) under Art. 27–45 of the 2019 Regulation. Never deleted:
/// it is closed with one outcome. The applicant's ID number, phone, address and e-mail are stored encrypted
/// (<see cref="ApplicantProtector"/>); the applicant follows the request with the tracking number and a secret,
/// of which only a hash is kept for checking.
/// </summary>
public sealed partial class DisclosureRequest : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>受理编号, e.g. 2026-XC001-00001: year of receipt, organ code, sequence; unique.</summary>
    public string TrackingNumber { get => trackingNumber; init => trackingNumber = value; }
    private string trackingNumber = "";
    /// <summary>SHA-256 of the applicant's secret (查询码).</summary>
    public required string SecretHash { get; init; }
    /// <summary>The secret, encrypted: used only to show the same acknowledgement again when a submission is retried.</summary>
    public string? SecretProtected { get; init; }
    /// <summary>The client's submission key (hidden field or Idempotency-Key), so a retry never files twice.</summary>
    public string? SubmissionKey { get; init; }
    /// <summary>The organ asked (Art. 27); scopes who may see the request.</summary>
    public Guid OrganId { get => organId; init => organId = value; }
    private Guid organId;
    public RequestChannel Channel { get; init; }
    public ApplicantType ApplicantType { get; init; }
    /// <summary>姓名或名称.</summary>
    public required string ApplicantName { get; init; }
    /// <summary>For an organisation: the person to contact (联系人).</summary>
    public string? ContactPerson { get; init; }
    public IdDocumentType IdDocumentType { get; init; }
    public required string IdNumberProtected { get; init; }
    public required string PhoneProtected { get; init; }
    public string? AddressProtected { get; init; }
    public string? EmailProtected { get; init; }
    public string? PostalCode { get; init; }
    /// <summary>所需信息的名称或特征性描述 (Art. 29 (二)).</summary>
    public required string InformationWanted { get; init; }
    /// <summary>文号, when the applicant knows it.</summary>
    public string? DocumentNumber { get; init; }
    public InformationForm Form { get; init; }
    public DeliveryMethod Delivery { get; init; }
    /// <summary>The day the applicant submitted it, or the letter or fax arrived.</summary>
    public DateOnly SubmittedOn { get; init; }
    /// <summary>Signed post: the day the organ signed for it.</summary>
    public DateOnly? SignedForOn { get; init; }
    /// <summary>Ordinary letter, fax, online: the day of confirmation with the applicant.</summary>
    public DateOnly? ConfirmedOn { get; init; }
    /// <summary>收到申请之日 under Art. 31, kept for lists and reports; always equal to <see cref="Receipt"/>.</summary>
    public DateOnly ReceivedOn { get; init; }
    public RequestStage Stage { get; private set; } = RequestStage.Received;
    /// <summary>The current due date as last computed by the clock (null while waiting for a correction), for lists and sweeps.</summary>
    public DateOnly? DueOn { get; private set; }
    /// <summary>
    /// The due date could not be computed when last checked because the calendar does not reach it (the next year's
    /// holidays are not loaded yet); the sweep and loading the year compute it.
    /// </summary>
    public bool DuePending { get; private set; }
    /// <summary>Timeliness (时效) at <see cref="CheckedOn"/>, stored for queues and reminders; the events stay the truth.</summary>
    public Timeliness? Timeliness { get; private set; }
    /// <summary>The day <see cref="DueOn"/>, <see cref="Timeliness"/> and <see cref="Stage"/> were last computed.</summary>
    public DateOnly? CheckedOn { get; private set; }
    /// <summary>登记: the day the office registered an online request (staff-registered requests: the day they were entered).</summary>
    public DateOnly? RegisteredOn { get; private set; }
    /// <summary>承办人: the handler the request is assigned to.</summary>
    public string? AssignedToId { get; private set; }
    public string? AssignedToName { get; private set; }
    /// <summary>The handler's proposed reply (拟办意见), waiting for review; see <see cref="Handling.ReplyProposal"/>.</summary>
    public RequestOutcome? ProposedOutcome { get; private set; }
    /// <summary>依据: the legal ground of a refusal, partial disclosure or other non-disclosure (required for those outcomes).</summary>
    public string? LegalGround { get; private set; }
    /// <summary>部分公开: the parts withheld and why (Art. 37).</summary>
    public string? WithheldParts { get; private set; }
    /// <summary>不属于本机关负责公开 (Art. 36 (五)): the organ responsible, with its contact.</summary>
    public string? ResponsibleOrgan { get; private set; }
    /// <summary>已主动公开 (Art. 36 (一)): the published document the reply points to.</summary>
    public Guid? PublishedDocumentId { get; private set; }
    /// <summary>What the reply tells the applicant (how and when the information is provided).</summary>
    public string? ReplySummary { get; private set; }
    public string? ProposedById { get; private set; }
    public string? ProposedByName { get; private set; }
    public DateOnly? ProposedOn { get; private set; }
    /// <summary>审核: who approved the proposed reply, when, with what opinion.</summary>
    public string? ReviewedById { get; private set; }
    public string? ReviewedByName { get; private set; }
    public DateOnly? ReviewedOn { get; private set; }
    public string? ReviewOpinion { get; private set; }
    /// <summary>送达: how and when the reply reached the applicant.</summary>
    public DeliveryMethod? DeliveredBy { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public RequestOutcome? Outcome { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    /// <summary>Staff notes (e.g. what the visitor said at the counter); never shown to the applicant.</summary>
    public string? StaffNote { get; init; }
    public string? RegisteredById { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<RequestClockEvent> Events { get => events; init => events = [.. value]; }
    private List<RequestClockEvent> events = [];
    public List<RequestAttachment> Attachments { get; private set; } = [];

    public Receipt Receipt() => ReceiptDate.Determine(Channel, SubmittedOn, SignedForOn, ConfirmedOn);

    public IReadOnlyList<ClockEntry> ClockEntries() => Events.OrderBy(e => e.Sequence).Select(e => e.ToEntry()).ToList();
}

internal sealed class DisclosureRequestConfiguration : IEntityTypeConfiguration<DisclosureRequest>
{
    public void Configure(EntityTypeBuilder<DisclosureRequest> b)
    {
        b.ToTable("disclosure_requests");
        b.Property(r => r.TrackingNumber).HasMaxLength(32);
        b.Property(r => r.SecretHash).HasMaxLength(64);
        b.Property(r => r.SecretProtected).HasMaxLength(400);
        b.Property(r => r.SubmissionKey).HasMaxLength(64);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.ApplicantType).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.IdDocumentType).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Form).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Stage).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.ApplicantName).HasMaxLength(200);
        b.Property(r => r.ContactPerson).HasMaxLength(100);
        b.Property(r => r.IdNumberProtected).HasMaxLength(1000);
        b.Property(r => r.PhoneProtected).HasMaxLength(1000);
        b.Property(r => r.AddressProtected).HasMaxLength(2000);
        b.Property(r => r.EmailProtected).HasMaxLength(1000);
        b.Property(r => r.PostalCode).HasMaxLength(6);
        b.Property(r => r.InformationWanted).HasMaxLength(4000);
        b.Property(r => r.DocumentNumber).HasMaxLength(200);
        b.Property(r => r.StaffNote).HasMaxLength(2000);
        b.Property(r => r.RegisteredById).HasMaxLength(64);
        b.Property(r => r.Timeliness).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.AssignedToId).HasMaxLength(64);
        b.Property(r => r.AssignedToName).HasMaxLength(128);
        b.Property(r => r.ProposedOutcome).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.LegalGround).HasMaxLength(1000);
        b.Property(r => r.WithheldParts).HasMaxLength(2000);
        b.Property(r => r.ResponsibleOrgan).HasMaxLength(500);
        b.Property(r => r.ReplySummary).HasMaxLength(4000);
        b.Property(r => r.ProposedById).HasMaxLength(64);
        b.Property(r => r.ProposedByName).HasMaxLength(128);
        b.Property(r => r.ReviewedById).HasMaxLength(64);
        b.Property(r => r.ReviewedByName).HasMaxLength(128);
        b.Property(r => r.ReviewOpinion).HasMaxLength(1000);
        b.Property(r => r.DeliveredBy).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => r.TrackingNumber).IsUnique();
        b.HasIndex(r => r.SubmissionKey).IsUnique();
        b.HasIndex(r => new { r.OrganId, r.Stage, r.DueOn });
        b.HasIndex(r => new { r.OrganId, r.ReceivedOn });
        // The sweep walks the open requests in id order (version-7 ids: about the order rows were written, so a batch reads
        // neighbouring pages); closed ones, most after a few years, are not in these indexes.
        b.HasIndex(r => r.Id, "IX_disclosure_requests_open").HasFilter("\"Stage\" <> 'Closed'");
        // An organ's open requests: with only the index above, PostgreSQL preferred walking the whole district's open
        // requests to count one organ's (it proves "Stage IN (open stages)" implies the filter, and the walk looked cheap).
        b.HasIndex(r => new { r.OrganId, r.Id }, "IX_disclosure_requests_open_by_organ").HasFilter("\"Stage\" <> 'Closed'");
        // An organ's open work in the order the queue lists it (due date, then receipt): PostgreSQL reads the first page
        // straight from it (RequestQueue orders by the due date there, nulls last by default).
        b.HasIndex(r => new { r.OrganId, r.DueOn, r.ReceivedOn, r.Id }, "IX_disclosure_requests_open_work").HasFilter("\"Stage\" <> 'Closed'");
        b.HasIndex(r => new { r.OrganId, r.AssignedToId, r.Stage });
        // The closed queue, newest first (RequestQueue).
        b.HasIndex(r => new { r.OrganId, r.Stage, r.Id });
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(r => r.OrganId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}
