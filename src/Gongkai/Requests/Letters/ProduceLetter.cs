using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Documents;
using Gongkai.Platform.Files;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Requests.Letters;

public enum LetterFormat
{
    Pdf,
    Docx,
}

/// <summary>A letter filled in: what it says, and which template version it used.</summary>
public sealed record ProducedLetter(string Key, int TemplateVersion, PrintedDocument Document)
{
    public string FileName(LetterFormat format) =>
        $"{Document.Reference?.Replace("受理编号：", "", StringComparison.Ordinal)}-{Document.Title}.{(format == LetterFormat.Pdf ? "pdf" : "docx")}";
}

/// <summary>
/// Fills a letter for a request from the current template and writes it as PDF (embedded Chinese font) or DOCX. A
/// download is audited (the letter names the applicant); a preview is not. Letters are produced, not sent: delivery is
/// recorded with the request's handling, which keeps the reply letter as sent (<see cref="ArchiveReplyAsync"/>).
/// </summary>
public sealed class ProduceLetter(
    GongkaiDb db,
    StaffAccess access,
    LetterTemplates templates,
    CalendarStore calendars,
    RequestClock clocks,
    ViewApplicant applicant,
    IOptions<AppealRightsOptions> appealRights,
    PdfWriter pdf,
    FileStore files,
    CurrentActor actor,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<ProducedLetter> PreviewAsync(DisclosureRequest request, LetterInput input, CancellationToken ct = default)
    {
        await RequestAccess.RequireAsync(access, request.OrganId, "制作文书：");
        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == request.OrganId, ct);
        var fee = await db.FeeAssessments.AsNoTracking().FirstOrDefaultAsync(f => f.RequestId == request.Id, ct);
        WorkingDayCalendar calendar;
        ClockState? state;
        try
        {
            calendar = await calendars.GetAsync(ct);
            state = await clocks.StateAsync(request, ct);
        }
        catch (CalendarRangeException e)
        {
            throw new ValidationFailure(e.Message);
        }

        var context = new LetterContext(request, organ, applicant.Masked(request).IdNumber, calendar, state, fee, appealRights.Value, ChineseDates.Today(clock));
        InputDates.Check(input.Date, "Date", "落款日期");
        var (key, values) = LetterValues.Build(context, input);
        var template = await templates.CurrentAsync(key, ct);
        return new ProducedLetter(key, template.Version, LetterPlaceholders.Render(template.Title, template.Body, values));
    }

    public async Task<(ProducedLetter Letter, byte[] Content)> DownloadAsync(DisclosureRequest request, LetterInput input, LetterFormat format, CancellationToken ct = default)
    {
        var role = await RequestAccess.RequireAsync(access, request.OrganId, "制作文书：");
        var letter = await PreviewAsync(request, input, ct);
        var content = format == LetterFormat.Pdf ? pdf.Write(letter.Document) : DocxWriter.Write(letter.Document);
        audit.Record("request.letter.download", "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：下载{LetterKeys.Label(letter.Key)}（模板第{letter.TemplateVersion}版，{format.ToString().ToUpperInvariant()}）", request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return (letter, content);
    }

    /// <summary>
    /// 发文存档: the reply letter of <paramref name="outcome"/> filled from the recorded reply, dated the day it was approved,
    /// written as PDF into the file store; the caller adds the answered record with the delivery it belongs to. Refuses,
    /// as the letter page would, a reply the letter cannot be made from.
    /// </summary>
    public async Task<SentLetter> ArchiveReplyAsync(DisclosureRequest request, RequestOutcome outcome, DateOnly letterDate, DeliveryMethod how, DateOnly deliveredOn,
        CancellationToken ct = default)
    {
        var letter = await PreviewAsync(request, LetterInput.ForReply(request, outcome, letterDate), ct);
        var content = pdf.Write(letter.Document);
        var stored = await files.SaveAsync(db, content, ct);
        return new SentLetter
        {
            RequestId = request.Id,
            OrganId = request.OrganId,
            TemplateKey = letter.Key,
            TemplateVersion = letter.TemplateVersion,
            Title = letter.Document.Title,
            Outcome = outcome,
            LetterDate = letterDate,
            DeliveredBy = how,
            DeliveredOn = deliveredOn,
            FileName = letter.FileName(LetterFormat.Pdf),
            Sha256 = stored.Sha256,
            Size = stored.Size,
            StoredAt = clock.GetUtcNow(),
            StoredById = actor.UserId,
            StoredByName = actor.Name,
        };
    }

    /// <summary>A kept letter's bytes, for its request's staff; the view is audited (the letter names the applicant).</summary>
    public async Task<(SentLetter Letter, Stream Content)?> OpenSentAsync(DisclosureRequest request, Guid letterId, CancellationToken ct = default)
    {
        var role = await RequestAccess.RequireAsync(access, request.OrganId, "查看存档文书：");
        var letter = await db.SentLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId && l.RequestId == request.Id, ct);
        if (letter is null || files.Open(letter.Sha256) is not { } content)
        {
            return null;
        }

        audit.Record("request.letter.sent.view", "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：查看存档的{letter.Title}（{ChineseDates.Long(letter.DeliveredOn)}送达）", request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return (letter, content);
    }
}
