using Gongkai.Requests.Intake;
using Gongkai.Requests.Intake.Tracking;
using Microsoft.Extensions.Localization;

namespace Gongkai.Requests.Pages.En;

/// <summary>
/// The tracking page in English (/en/requests/track): the same model as /requests/track (<see cref="TrackPage"/>) —
/// number and 查询码 in, stages, due date and, once delivered, the letter and the released files out — with the
/// page's texts from SharedResource.en.resx. The legal explanation of the due date is the Chinese text, marked as such.
/// </summary>
public sealed class TrackModel(TrackRequest track, ApplicantLetters letters, IStringLocalizer<SharedResource> L) : TrackPage(track, letters, L);
