using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Documents;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
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
/// recorded with the request's handling.
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
}
