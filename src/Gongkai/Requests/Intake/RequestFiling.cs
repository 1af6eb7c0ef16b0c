using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Intake;

/// <summary>A filed request and the secret to show the applicant once; <see cref="Repeated"/> when a retry found the first filing.</summary>
public sealed record FiledRequest(DisclosureRequest Request, string? Secret, ClockState Clock, bool Repeated);

/// <summary>
/// Files a validated request for every channel: receipt date (Art. 31), the first clock computation, a tracking number
/// and secret, encryption of the personal data, and the audit event, all in one unit of work. A submission key already
/// used returns the first filing instead of a second one, including when two copies race (the unique index decides).
/// </summary>
public sealed class RequestFiling(GongkaiDb db, AuditLog audit, CurrentActor actor, ApplicantProtector protector, TrackingNumbers numbers,
    CalendarStore calendars, Notices.ApplicantNotices notices, TimeProvider clock)
{
    private const int Attempts = 8;

    public async Task<FiledRequest> FileAsync(ValidApplication app, Receipt receipt, DateOnly submittedOn, RegistrationInput? registration,
        StaffRole? role, CancellationToken ct)
    {
        if (app.SubmissionKey is { } key && await FindByKeyAsync(key, ct) is { } earlier)
        {
            return earlier;
        }

        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == app.OrganId).Select(o => new { o.ShortName, o.ReceivesRequests, o.IsActive }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailure("受理申请的机关不存在。", "OrganId");
        if (!organ.ReceivesRequests || !organ.IsActive)
        {
            throw new ValidationFailure($"{organ.ShortName}不受理政府信息公开申请，请选择负责公开该信息的机关（条例第二十七条）。", "OrganId");
        }

        var today = ChineseDates.Today(clock);
        // Never refused for the calendar: past the loaded years the due date is pending and computed when the year is loaded.
        var calendar = await calendars.GetAsync(ct);
        if (receipt.ReceivedOn < calendar.FirstDate)
        {
            throw new ValidationFailure($"收到申请之日{ChineseDates.Long(receipt.ReceivedOn)}早于已载入的节假日安排（{calendar.FirstDate.Year}年起），请核对日期。", "SubmittedOn");
        }

        var secret = RequestSecret.Generate();
        var now = clock.GetUtcNow();
        var request = new DisclosureRequest
        {
            SecretHash = RequestSecret.Hash(secret),
            SecretProtected = app.SubmissionKey is null ? null : protector.Protect(secret),
            SubmissionKey = app.SubmissionKey,
            OrganId = app.OrganId,
            Channel = receipt.Channel,
            ApplicantType = app.ApplicantType,
            ApplicantName = app.ApplicantName,
            ContactPerson = app.ContactPerson,
            IdDocumentType = app.IdDocumentType,
            IdNumberProtected = protector.Protect(app.IdNumber),
            PhoneProtected = protector.Protect(app.Phone),
            AddressProtected = protector.ProtectOptional(app.Address),
            EmailProtected = protector.ProtectOptional(app.Email),
            PostalCode = app.PostalCode,
            InformationWanted = app.InformationWanted,
            DocumentNumber = app.DocumentNumber,
            Form = app.Form,
            Delivery = app.Delivery,
            SubmittedOn = submittedOn,
            SignedForOn = registration?.SignedForOn,
            ConfirmedOn = receipt.Channel == RequestChannel.Online ? receipt.ReceivedOn : registration?.ConfirmedOn,
            ReceivedOn = receipt.ReceivedOn,
            StaffNote = InputText.OrNull(registration?.StaffNote),
            CreatedAt = now,
        };
        var state = request.StartClock(actor.UserId, registration is not null, new ClockNow(calendar, today, now));
        db.DisclosureRequests.Add(request);

        for (var attempt = 1; ; attempt++)
        {
            request.AssignTrackingNumber(await numbers.NextAsync(app.OrganId, receipt.ReceivedOn.Year, ct));
            var entry = audit.Record(RequestAuditActions.File, "DisclosureRequest", request.Id.ToString(),
                $"{receipt.Channel.Label()}申请{request.TrackingNumber}，{app.ApplicantType.Label()}，收到申请之日{ChineseDates.Long(receipt.ReceivedOn)}，"
                + $"答复期限{RequestClock.DueText(state)}", app.OrganId, role);
            // The receipt names the number: written with this attempt, taken back if the number loses.
            var receiptNotices = await notices.ReceiptAsync(request, state, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return new(request, secret, state, false);
            }
            catch (DbUpdateException e) when (attempt < Attempts && !InfrastructureFailure.Is(e))
            {
                db.Entry(entry).State = EntityState.Detached;
                foreach (var notice in receiptNotices)
                {
                    db.Entry(notice).State = EntityState.Detached;
                }

                await numbers.Reload(app.OrganId, receipt.ReceivedOn.Year, ct);
                if (app.SubmissionKey is { } k)
                {
                    db.ChangeTracker.Clear();
                    if (await FindByKeyAsync(k, ct) is { } first)
                    {
                        return first;
                    }

                    db.DisclosureRequests.Add(request);
                }
            }
        }
    }

    private async Task<FiledRequest?> FindByKeyAsync(string key, CancellationToken ct)
    {
        var earlier = await db.DisclosureRequests.AsNoTracking().Include(r => r.Events).FirstOrDefaultAsync(r => r.SubmissionKey == key, ct);
        if (earlier is null)
        {
            return null;
        }

        var state = ReplyDeadline.Compute(await calendars.GetAsync(ct), earlier.Receipt(), earlier.ClockEntries(), ChineseDates.Today(clock));
        return new(earlier, protector.Unprotect(earlier.SecretProtected), state, true);
    }
}
