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
    TimeProvider clock,
    ILogger<ProduceLetter> logger)
{
    public async Task<ProducedLetter> PreviewAsync(DisclosureRequest request, LetterInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "制作文书：", RequestAccess.Records);
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
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "制作文书：", RequestAccess.Records);
        var letter = await PreviewAsync(request, input, ct);
        var content = format == LetterFormat.Pdf ? pdf.Write(letter.Document) : DocxWriter.Write(letter.Document);
        audit.Record(RequestAuditActions.LetterDownload, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：下载{LetterKeys.Label(letter.Key)}（模板第{letter.TemplateVersion}版，{format.ToString().ToUpperInvariant()}）", request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return (letter, content);
    }

    /// <summary>
    /// 发文存档: the reply letter of <paramref name="outcome"/> filled from the recorded reply, dated the day it was approved,
    /// kept as filled in and written as PDF into the file store; the caller adds the answered record with the delivery it
    /// belongs to. Refuses, as the letter page would, a reply the letter cannot be made from. A PDF that cannot be rendered
    /// (no usable font, a renderer fault) does not hold up the delivery: the letter's text is kept and its PDF is rendered
    /// when it is first opened.
    /// </summary>
    public async Task<SentLetter> ArchiveReplyAsync(DisclosureRequest request, RequestOutcome outcome, DateOnly letterDate, DeliveryMethod how, DateOnly deliveredOn,
        CancellationToken ct = default)
    {
        var letter = await PreviewAsync(request, LetterInput.ForReply(request, outcome, letterDate), ct);
        var sent = new SentLetter
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
            Content = SentLetterContent.Write(letter.Document),
            StoredAt = clock.GetUtcNow(),
            StoredById = actor.UserId,
            StoredByName = actor.Name,
        };
        try
        {
            await RenderAsync(sent, letter.Document, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The letter's text names the applicant: only the letter and the kind of fault are logged.
            logger.LogWarning("发文存档 {Letter}: PDF not rendered at delivery ({Fault}); rendered when first opened", sent.Id, e.GetType().Name);
        }

        return sent;
    }

    /// <summary>A kept letter's bytes, rendered first if delivery could not render them; for its request's staff, audited.</summary>
    public async Task<(SentLetter Letter, Stream Content)?> OpenSentAsync(DisclosureRequest request, Guid letterId, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "查看存档文书：", RequestAccess.Records);
        var letter = await db.SentLetters.SingleOrDefaultAsync(l => l.Id == letterId && l.RequestId == request.Id, ct);
        if (letter is null)
        {
            return null;
        }

        if (!letter.IsRendered)
        {
            try
            {
                await RenderAsync(letter, SentLetterContent.Read(letter.Content), ct);
            }
            catch (ValidationFailure e)
            {
                throw new ValidationFailure($"存档的{letter.Title}暂时无法生成PDF：{e.Message} 文书内容已随送达存档，排除后再次下载即可。");
            }

            audit.Record(RequestAuditActions.SentLetterRender, "DisclosureRequest", request.Id.ToString(),
                $"申请{request.TrackingNumber}：存档的{letter.Title}送达时未能生成PDF，现按存档内容生成（SHA-256 {letter.Sha256![..12]}）", request.OrganId, role);
        }

        if (files.Open(letter.Sha256!) is not { } content)
        {
            return null;
        }

        audit.Record(RequestAuditActions.SentLetterView, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：查看存档的{letter.Title}（{ChineseDates.Long(letter.DeliveredOn)}送达）", request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return (letter, content);
    }

    /// <summary>
    /// The applicant's download from the tracking page (the caller has checked the number and 查询码 through a pass): a reply
    /// letter kept as sent for <paramref name="request"/>, rendered first if delivery could not, audited as an access by the
    /// applicant. Null when the request has no such letter or its bytes are gone.
    /// </summary>
    public async Task<(SentLetter Letter, Stream Content)?> OpenForApplicantAsync(DisclosureRequest request, Guid letterId, CancellationToken ct = default)
    {
        var letter = await db.SentLetters.SingleOrDefaultAsync(l => l.Id == letterId && l.RequestId == request.Id, ct);
        if (letter is null)
        {
            return null;
        }

        if (!letter.IsRendered)
        {
            await RenderAsync(letter, SentLetterContent.Read(letter.Content), ct);
            audit.Record(RequestAuditActions.SentLetterRender, "DisclosureRequest", request.Id.ToString(),
                $"申请{request.TrackingNumber}：存档的{letter.Title}送达时未能生成PDF，申请人下载时按存档内容生成（SHA-256 {letter.Sha256![..12]}）", request.OrganId);
        }

        if (files.Open(letter.Sha256!) is not { } content)
        {
            return null;
        }

        audit.Record(RequestAuditActions.ApplicantLetterDownload, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：申请人凭受理编号和查询码下载{letter.Title}（{ChineseDates.Long(letter.DeliveredOn)}送达）", request.OrganId);
        await db.SaveChangesAsync(ct);
        return (letter, content);
    }

    private async Task RenderAsync(SentLetter letter, PrintedDocument document, CancellationToken ct)
    {
        var stored = await files.SaveAsync(db, pdf.Write(document), ct);
        letter.Sha256 = stored.Sha256;
        letter.Size = stored.Size;
    }
}
