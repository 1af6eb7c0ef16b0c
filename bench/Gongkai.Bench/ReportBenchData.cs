using Gongkai.Disclosure.Documents;
using Gongkai.Reports.Annual;
using Gongkai.Requests;
using Gongkai.Requests.Appeals;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Fees;
using Gongkai.Requests.Intake;

namespace Gongkai.Bench;

/// <summary>
/// The report bench's generated district (seeded: the same seed gives the same records), as entities that
/// <see cref="ReportBench"/> writes through <see cref="BulkRows"/> and reads a sample back through EF.
/// </summary>
internal static class ReportBenchData
{
    public static readonly DateOnly First = new(2016, 1, 4);
    public static readonly DateOnly Last = new(2025, 12, 31);

    private static readonly RequestOutcome[] Outcomes = Enum.GetValues<RequestOutcome>();
    private static readonly RequestChannel[] Channels = Enum.GetValues<RequestChannel>();
    private static readonly InformationType[] InformationTypes = Enum.GetValues<InformationType>();

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    /// <summary>A generated request: what the appeals and fees refer to.</summary>
    public sealed record RequestRow(Guid Id, Guid OrganId, DateOnly ReceivedOn, DateOnly? ClosedOn);

    /// <summary>
    /// Requests received 2016–2025 over the organs: 80 % natural persons, every channel and outcome; each is closed
    /// 3–60 days after receipt (so December's requests carry over into January) unless the close would fall after
    /// 31 December 2025, and 0.3 % stay open for a year or more (carried over several years).
    /// </summary>
    public static IEnumerable<DisclosureRequest> Requests(int count, IReadOnlyList<Guid> organs, int seed, List<RequestRow> sink)
    {
        var random = new Random(seed);
        var types = ApplicantTypes.All;
        for (var i = 0; i < count; i++)
        {
            var received = DateOnly.FromDayNumber(random.Next(First.DayNumber, Last.DayNumber + 1));
            var organ = organs[random.Next(organs.Count)];
            DateOnly? closed = random.Next(1000) < 3 ? null : received.AddDays(random.Next(3, 61));
            if (closed > Last)
            {
                closed = null;
            }

            if (closed is null && random.Next(1000) < 3 && received.Year < 2025)
            {
                // A long-running request closed years later: carried in and out of several years.
                closed = received.AddDays(random.Next(400, 1200));
                closed = closed > Last ? null : closed;
            }

            var type = random.Next(10) < 8 ? ApplicantType.NaturalPerson : types[random.Next(types.Count)];
            var id = Guid.CreateVersion7(At(received));
            var late = random.Next(100) < 5;
            sink.Add(new RequestRow(id, organ, received, closed));
            var channel = Channels[random.Next(Channels.Length)];
            yield return new DisclosureRequest
            {
                Id = id,
                TrackingNumber = $"{received.Year}-B{i:D9}",
                SecretHash = "0",
                OrganId = organ,
                Channel = channel,
                ApplicantType = type,
                ApplicantName = "申请人",
                IdDocumentType = type == ApplicantType.NaturalPerson ? IdDocumentType.ResidentIdCard : IdDocumentType.UnifiedSocialCreditCode,
                IdNumberProtected = "x",
                PhoneProtected = "x",
                InformationWanted = "基准测试",
                Form = InformationForm.Electronic,
                Delivery = DeliveryMethod.Online,
                SubmittedOn = received,
                ReceivedOn = received,
                CreatedAt = At(received),
            }.WithStoredState(new()
            {
                RegisteredOn = received,
                Stage = closed is null ? RequestStage.InHandling : RequestStage.Closed,
                DueOn = received.AddDays(28),
                Timeliness = late ? Timeliness.Overdue : Timeliness.OnTime,
                CheckedOn = closed ?? Last,
                Outcome = closed is null ? null : Outcomes[random.Next(Outcomes.Length)],
                ClosedOn = closed,
                UpdatedAt = At(closed ?? received),
            });
        }
    }

    /// <summary>1 % of closed requests appealed 10–60 days after closing; decided 30–300 days later or still pending.</summary>
    public static IEnumerable<AppealCase> Appeals(IReadOnlyList<RequestRow> requests, int seed)
    {
        var random = new Random(seed + 1);
        var kinds = Enum.GetValues<AppealKind>();
        var results = new[] { AppealResult.Upheld, AppealResult.Corrected, AppealResult.Other };
        foreach (var r in requests)
        {
            if (r.ClosedOn is not { } closed || random.Next(100) != 0)
            {
                continue;
            }

            var filed = closed.AddDays(random.Next(10, 61));
            if (filed > Last)
            {
                continue;
            }

            DateOnly? decided = filed.AddDays(random.Next(30, 301));
            decided = decided > Last ? null : decided;
            var result = decided is null ? AppealResult.Pending : results[random.Next(results.Length)];
            yield return new AppealCase
            {
                Id = Guid.CreateVersion7(At(filed)),
                RequestId = r.Id,
                OrganId = r.OrganId,
                Kind = kinds[random.Next(kinds.Length)],
                Body = "复议机关",
                FiledOn = filed,
                Result = result,
                DecidedOn = decided,
                CreatedAt = At(filed),
                UpdatedAt = At(decided ?? filed),
                CreatedByName = "基准测试",
            };
        }
    }

    /// <summary>0.5 % of closed requests charged 信息处理费 (100–500 yuan), paid on the day they closed.</summary>
    public static IEnumerable<FeeAssessment> Fees(IReadOnlyList<RequestRow> requests, int seed)
    {
        var random = new Random(seed + 2);
        foreach (var r in requests)
        {
            if (r.ClosedOn is not { } closed || random.Next(200) != 0)
            {
                continue;
            }

            var notice = DateOnly.FromDayNumber(Math.Max(r.ReceivedOn.DayNumber, closed.DayNumber - 5));
            yield return new FeeAssessment
            {
                Id = Guid.CreateVersion7(At(notice)),
                RequestId = r.Id,
                Method = FeeMethod.PerRequest,
                Amount = random.Next(1, 6) * 100,
                Breakdown = "按件计收",
                PaymentInstructions = "银行转账",
                NoticeOn = notice,
                PayBy = notice.AddDays(20),
                PaidOn = closed,
                CreatedAt = At(notice),
                CreatedByName = "基准测试",
            };
        }
    }

    /// <summary>
    /// Documents written 2016–2025: 10 % 行政规范性文件 (a tenth of them repealed or expired 30–1,500 days later,
    /// on or before 31 December 2025), the rest of every other type; 95 % published within 20 days, the rest drafts
    /// or withdrawn (which the report must not count).
    /// </summary>
    public static IEnumerable<GovDocument> Documents(int count, IReadOnlyList<Guid> organs, int seed)
    {
        var random = new Random(seed + 3);
        for (var i = 0; i < count; i++)
        {
            var written = DateOnly.FromDayNumber(random.Next(First.DayNumber, Last.DayNumber + 1));
            var normative = random.Next(10) == 0;
            var type = normative ? InformationType.NormativeDocument : InformationTypes[random.Next(1, InformationTypes.Length)];
            var status = random.Next(100) switch { < 95 => DocumentStatus.Published, < 98 => DocumentStatus.Draft, _ => DocumentStatus.Withdrawn };
            var validity = Validity.Valid;
            DateOnly? changed = null;
            if (normative && random.Next(10) == 0)
            {
                changed = written.AddDays(random.Next(30, 1501));
                if (changed <= Last)
                {
                    validity = random.Next(2) == 0 ? Validity.Repealed : Validity.Expired;
                }
                else
                {
                    changed = null;
                }
            }

            var published = written.AddDays(random.Next(0, 21));
            yield return new GovDocument
            {
                Id = Guid.CreateVersion7(At(written)),
                OrganId = organs[random.Next(organs.Count)],
                Title = "基准测试信息" + i,
                SubjectCategory = "综合政务\\其他",
                Issuer = "测试局",
                InformationType = type,
                WrittenOn = written,
                FormedOn = written,
                Attribute = DisclosureAttribute.Proactive,
                Validity = validity,
                ValidityChangedOn = changed,
                BodyHtml = "<p>基准测试</p>",
                BodyText = "基准测试",
                CreatedAt = At(written),
                UpdatedAt = At(published),
            }.WithStoredStatus(status, status == DocumentStatus.Draft ? null : At(published));
        }
    }

    /// <summary>The figures organs enter (规章, 行政许可/处罚/强制 decisions, 行政事业性收费) for every organ and year.</summary>
    public static IEnumerable<AnnualReport> EnteredFigures(IReadOnlyList<Guid> organs, int seed)
    {
        var random = new Random(seed + 4);
        foreach (var organ in organs)
        {
            var valid = random.Next(0, 5);
            for (var year = First.Year; year <= Last.Year; year++)
            {
                var issued = random.Next(0, 3);
                var repealed = Math.Min(valid, random.Next(0, 2));
                valid += issued - repealed;
                var at = At(new DateOnly(year + 1, 1, 15));
                yield return new AnnualReport
                {
                    Id = Guid.CreateVersion7(at),
                    OrganId = organ,
                    Year = year,
                    FormatId = year >= 2021 ? "2021" : year >= 2019 ? "2019" : "pre2019",
                    Status = ReportStatus.Draft,
                    RulesIssued = issued,
                    RulesRepealed = repealed,
                    RulesValid = valid,
                    Licensing = random.Next(0, 5000),
                    Penalties = random.Next(0, 800),
                    Coercions = random.Next(0, 50),
                    FeeAmount = Math.Round((decimal)random.NextDouble() * 100, 4),
                    EnteredByName = "基准测试",
                    CreatedAt = at,
                    UpdatedAt = at,
                };
            }
        }
    }
}
