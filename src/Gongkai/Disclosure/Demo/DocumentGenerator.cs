using System.Globalization;
using System.Text;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Organisation;

namespace Gongkai.Disclosure.Demo;

/// <summary>
/// Writes realistic published 主动公开 documents from <see cref="DemoVocabulary"/>: title, body (several paragraphs,
/// 300–3000 characters), summary, keywords, 发文字号, 主题分类, 信息类别, dates over 2016 to the day before
/// <c>now</c>, spread over the organs that existed in each year. The same seed, organs and <c>now</c> give the same
/// documents; only the record ids (time-ordered Guid v7) are new on every run.
/// </summary>
internal sealed class DocumentGenerator
{
    public const int MinBodyLength = 300;
    public const int MaxBodyLength = 3000;
    public static readonly DateOnly FirstDay = new(2016, 1, 1);

    public sealed record OrganInfo(Guid Id, string Code, string ShortName, string FullName, OrganKind Kind, bool IsActive);

    /// <summary>Sequence numbers already used in the database: 索引号 prefix → highest number, and 机关代字|year → highest 发文字号 number.</summary>
    public sealed class UsedNumbers
    {
        public Dictionary<string, int> IndexNumbers { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> DocumentNumbers { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>What is decided before any text is written; sorted by publication time, then numbered.</summary>
    public struct Plan
    {
        public int Stream;
        public int Organ;
        public int Topic;
        public Kind Kind;
        public DateOnly WrittenOn;
        public DateTimeOffset PublishedAt;
        public bool HasNumber;
        public string? DocumentNumber;
        public string IndexNumber;
    }

    public enum Kind : byte
    {
        WorkPoints, ImplementationPlan, Opinion, Measures, Notice, Announcement, News, Progress, AnnualReport, Budget,
        Interpretation, WorkSummary, Personnel, Enforcement, List,
    }

    private static readonly (Kind Kind, int Weight, InformationType Type, double NumberChance)[] Kinds =
    [
        (Kind.WorkPoints, 4, InformationType.PolicyDocument, 0.95),
        (Kind.ImplementationPlan, 6, InformationType.Plan, 0.8),
        (Kind.Opinion, 4, InformationType.NormativeDocument, 1.0),
        (Kind.Measures, 3, InformationType.NormativeDocument, 1.0),
        (Kind.Notice, 16, InformationType.Notice, 0.7),
        (Kind.Announcement, 11, InformationType.Notice, 0.0),
        (Kind.News, 26, InformationType.News, 0.0),
        (Kind.Progress, 6, InformationType.Statistics, 0.0),
        (Kind.AnnualReport, 6, InformationType.AnnualReport, 0.0),
        (Kind.Budget, 5, InformationType.Budget, 0.0),
        (Kind.Interpretation, 6, InformationType.PolicyDocument, 0.0),
        (Kind.WorkSummary, 6, InformationType.Plan, 0.0),
        (Kind.Personnel, 2, InformationType.Personnel, 0.0),
        (Kind.Enforcement, 2, InformationType.Enforcement, 0.0),
        (Kind.List, 1, InformationType.List, 0.0),
    ];

    private static readonly int[] KindCumulative = Cumulative(Kinds.Select(k => k.Weight));
    private static readonly int[] TopicCumulative = Cumulative(DemoVocabulary.Topics.Select(t => t.Weight));
    private static readonly (string Text, int From, int To)[][] TopicItems = DemoVocabulary.Topics
        .Select(t => t.Items.Select(ParseItem).ToArray()).ToArray();

    private static readonly int PublicityTopic = TopicIndex("政务公开");
    private static readonly int BudgetTopic = TopicIndex("财政预决算");
    private static readonly int PersonnelTopic = TopicIndex("人事管理");
    private static readonly int[] EnforcementTopics = [TopicIndex("食品药品监管"), TopicIndex("城市管理"), TopicIndex("安全生产"), TopicIndex("生态环境")];

    private readonly int seed;
    private readonly IReadOnlyList<OrganInfo> organs;
    private readonly WorkingDayCalendar calendar;
    private readonly DateTimeOffset now;
    private readonly DateOnly today;
    private readonly string indexTemplate;
    private readonly int[][] organsByTopic;
    private readonly int[] organWeights;

    public DocumentGenerator(int seed, IReadOnlyList<OrganInfo> organs, WorkingDayCalendar calendar, DateTimeOffset now, string indexTemplate)
    {
        if (organs.Count == 0)
        {
            throw new ValidationFailure("数据库中没有机构，无法生成演示信息；请先载入机构（Demo:Organisation）。", "Organs");
        }

        this.seed = seed;
        this.organs = organs;
        this.calendar = calendar;
        this.now = now;
        today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ChineseDates.TimeZone).DateTime);
        if (today <= FirstDay.AddDays(30))
        {
            throw new ValidationFailure("系统日期早于2016年，无法生成演示信息。", "Now");
        }

        this.indexTemplate = indexTemplate;
        var byCode = organs.Select((o, i) => (o.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        organsByTopic = DemoVocabulary.Topics.Select(t => t.Organs.Where(byCode.ContainsKey).Select(c => byCode[c]).ToArray()).ToArray();
        organWeights = organs.Select(o => o.Kind switch
        {
            OrganKind.DistrictGovernment or OrganKind.Department => 4,
            OrganKind.StreetOffice => 3,
            _ => 1,
        }).ToArray();
    }

    public IReadOnlyList<OrganInfo> Organs => organs;

    // --- planning ------------------------------------------------------------------------------------

    /// <summary>Plans <paramref name="count"/> documents, ordered by publication, with 索引号 and 发文字号 continuing <paramref name="used"/>.</summary>
    public Plan[] PlanDocuments(int count, UsedNumbers used)
    {
        reportSlots = ReportSlots();
        nextReportSlot = 0;
        var plans = new Plan[count];
        for (var i = 0; i < count; i++)
        {
            plans[i] = PlanOne(i);
        }

        Array.Sort(plans, static (a, b) =>
        {
            var c = a.PublishedAt.UtcTicks.CompareTo(b.PublishedAt.UtcTicks);
            return c != 0 ? c : a.Stream.CompareTo(b.Stream);
        });

        var layouts = new Dictionary<(int Organ, int Year, int Month), IndexNumbers.Layout>();
        for (var i = 0; i < plans.Length; i++)
        {
            ref var p = ref plans[i];
            var published = LocalDay(p.PublishedAt);
            if (!layouts.TryGetValue((p.Organ, published.Year, published.Month), out var layout))
            {
                layout = IndexNumbers.LayoutFor(indexTemplate, organs[p.Organ].Code, published);
                layouts[(p.Organ, published.Year, published.Month)] = layout;
            }

            var next = used.IndexNumbers.GetValueOrDefault(layout.Prefix) + 1;
            used.IndexNumbers[layout.Prefix] = next;
            p.IndexNumber = layout.Format(next);
            if (p.HasNumber)
            {
                var agency = Agency(organs[p.Organ]);
                var key = agency + "|" + p.WrittenOn.Year.ToString(CultureInfo.InvariantCulture);
                var seq = used.DocumentNumbers.GetValueOrDefault(key) + 1;
                used.DocumentNumbers[key] = seq;
                p.DocumentNumber = new DocumentNumber(agency, p.WrittenOn.Year, seq).ToString();
            }
        }

        return plans;
    }

    private Plan PlanOne(int stream)
    {
        var rng = DemoRandom.For(seed, stream);
        var kindIndex = rng.Weighted(KindCumulative);
        var kind = Kinds[kindIndex].Kind;

        // 成文日期: any day from 2016 to yesterday; an annual report is written in the first quarter of the next year.
        var span = today.DayNumber - FirstDay.DayNumber; // up to yesterday
        var written = DateOnly.FromDayNumber(FirstDay.DayNumber + rng.Next(span));
        int? reportOrgan = null;
        if (kind == Kind.AnnualReport)
        {
            // One report per organ and year (年度报告 column): the next free (organ, year), newest year first; a report
            // is written in the first quarter of the year after the one it reports on. When every slot is taken, a notice.
            var offset = rng.Next(80);
            if (nextReportSlot < reportSlots.Count)
            {
                var (slotOrgan, reportYear) = reportSlots[nextReportSlot++];
                reportOrgan = slotOrgan;
                written = new DateOnly(reportYear + 1, 1, 10).AddDays(offset);
                if (written >= today)
                {
                    written = today.AddDays(-1);
                }
            }
            else
            {
                kind = Kind.Notice;
                written = today.AddDays(-1 - rng.Next(30));
            }
        }

        var topic = kind switch
        {
            Kind.AnnualReport => PublicityTopic,
            Kind.Budget => BudgetTopic,
            Kind.Personnel => PersonnelTopic,
            Kind.Enforcement => EnforcementTopics[rng.Next(EnforcementTopics.Length)],
            _ => DrawTopic(ref rng, written.Year),
        };
        var organ = reportOrgan ?? DrawOrgan(ref rng, topic, written.Year, kind);

        // 发布日期: a few working days after the 成文日期; about 3 % later than the 20-working-day limit of Art. 26.
        var days = rng.Chance(0.03) ? rng.Between(21, 45) : rng.Chance(0.85) ? rng.Between(1, 10) : rng.Between(11, 20);
        var publishedDay = AddWorkingDays(written, days);
        if (publishedDay > today)
        {
            publishedDay = today;
        }

        var local = publishedDay.ToDateTime(new TimeOnly(8, 30)).AddMinutes(rng.Next(9 * 60 + 30));
        var published = ChineseDates.At(local);
        if (published > now)
        {
            published = now.AddMinutes(-1 - rng.Next(60));
        }

        return new Plan
        {
            Stream = stream,
            Organ = organ,
            Topic = topic,
            Kind = kind,
            WrittenOn = written,
            PublishedAt = published,
            HasNumber = rng.Chance(Kinds[kindIndex].NumberChance),
            IndexNumber = "",
        };
    }

    private int DrawTopic(ref DemoRandom rng, int year)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var t = rng.Weighted(TopicCumulative);
            var topic = DemoVocabulary.Topics[t];
            if (year >= topic.From && year <= topic.To)
            {
                return t;
            }
        }

        return PublicityTopic;
    }

    private int DrawOrgan(ref DemoRandom rng, int topic, int year, Kind kind)
    {
        var preferred = organsByTopic[topic];
        if (preferred.Length > 0 && rng.Chance(kind is Kind.Budget or Kind.AnnualReport or Kind.Personnel ? 0.2 : 0.6))
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var o = preferred[rng.Next(preferred.Length)];
                if (Existed(organs[o], year))
                {
                    return o;
                }
            }
        }

        var total = organWeights.Sum();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var x = rng.Next(total);
            var o = 0;
            while (x >= organWeights[o])
            {
                x -= organWeights[o++];
            }

            if (Existed(organs[o], year))
            {
                return o;
            }
        }

        return 0;
    }

    /// <summary>Organs abolished in the 2019 reorganisation (inactive) published until 2018; their successors from 2019.</summary>
    /// <summary>The (organ, year) pairs an annual report can be written for by today: newest year first, organs in their order.</summary>
    private List<(int Organ, int Year)> ReportSlots()
    {
        var slots = new List<(int, int)>();
        for (var year = today.Year - 1; year >= FirstDay.Year; year--)
        {
            if (new DateOnly(year + 1, 1, 10) >= today)
            {
                continue;
            }

            for (var o = 0; o < organs.Count; o++)
            {
                if (Existed(organs[o], year))
                {
                    slots.Add((o, year));
                }
            }
        }

        return slots;
    }

    private List<(int Organ, int Year)> reportSlots = [];
    private int nextReportSlot;

    private static bool Existed(OrganInfo organ, int year) =>
        organ.IsActive ? year >= 2019 || !DemoVocabulary.CreatedIn2019.Contains(organ.Code) : year <= 2018;

    private DateOnly AddWorkingDays(DateOnly from, int days)
    {
        try
        {
            return calendar.AddWorkingDays(from, days);
        }
        catch (CalendarRangeException)
        {
            return from.AddDays(days * 7 / 5);
        }
    }

    private DateOnly? DueOn(DateOnly formed)
    {
        try
        {
            return calendar.AddWorkingDays(formed, SaveDraft.PublishWithinWorkingDays);
        }
        catch (CalendarRangeException)
        {
            return null;
        }
    }

    public static string Agency(OrganInfo organ) =>
        DemoVocabulary.Agencies.TryGetValue(organ.Code, out var a) ? a
        : "西" + new string(organ.ShortName.Replace("区", "").Where(c => !char.IsWhiteSpace(c) && c is not ('〔' or '〕' or '(' or ')' or '（' or '）')).Take(6).ToArray()) + "发";

    private static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, ChineseDates.TimeZone).DateTime);

    // --- writing -------------------------------------------------------------------------------------

    /// <summary>The published document of a plan (not yet saved).</summary>
    public GovDocument Write(in Plan plan)
    {
        var organ = organs[plan.Organ];
        var w = new Writer(this, plan, DemoRandom.For(seed, plan.Stream + (1L << 40)));
        var title = w.Title();
        var body = w.Body(title);
        var summary = w.Summary();
        var keywords = w.Keywords();
        var published = plan.PublishedAt;
        var validity = Validity.Valid;
        DateOnly? changed = null;
        if (Kinds[(int)plan.Kind].Type == InformationType.NormativeDocument && plan.WrittenOn.Year <= 2020 && w.Rng.Chance(0.12))
        {
            validity = w.Rng.Chance(0.5) ? Validity.Repealed : Validity.Expired;
            changed = plan.WrittenOn.AddDays(365 * w.Rng.Between(2, 5));
            if (changed >= today)
            {
                validity = Validity.Valid;
                changed = null;
            }
        }

        var due = DueOn(plan.WrittenOn);
        var doc = new GovDocument
        {
            Id = Guid.CreateVersion7(published),
            OrganId = organ.Id,
            IndexNumber = plan.IndexNumber,
            Title = title,
            DocumentNumber = plan.DocumentNumber,
            SubjectCategory = DemoVocabulary.Topics[plan.Topic].Category,
            InformationType = Kinds[(int)plan.Kind].Type,
            Issuer = organ.FullName,
            WrittenOn = plan.WrittenOn,
            FormedOn = plan.WrittenOn,
            PublishDueOn = due,
            Attribute = DisclosureAttribute.Proactive,
            Keywords = keywords,
            Summary = summary,
            BodyHtml = body.Html,
            BodyText = body.Text,
            Validity = validity,
            ValidityChangedOn = changed,
            ValidityNote = validity == Validity.Valid ? null : validity == Validity.Repealed ? "已被新文件替代" : "有效期届满",
            CreatedAt = ChineseDates.At(plan.WrittenOn, new TimeOnly(9, 0)),
        };
        // Through the workflow like any document: submitted, reviewed half an hour before, published (late after its due date).
        doc.Submit();
        doc.ApproveReview(null, "演示数据", "演示数据：保密审查通过", published.AddMinutes(-30));
        doc.Publish(published, LocalDay(published));
        return doc;
    }

    /// <summary>Fills one document's title, body, summary and keywords from its own random stream.</summary>
    private sealed class Writer
    {
        private readonly DocumentGenerator g;
        private readonly Plan plan;
        private readonly DemoVocabulary.Topic topic;
        private readonly string[] items;
        private readonly OrganInfo organ;
        private readonly string partner;
        private readonly int year;
        private readonly StringBuilder sb = new(256);
        private readonly List<(string Tag, string Text)> blocks = [];
        private readonly string itemSuffixStyle;
        private string item;
        private string item2;
        private int bodyLength;

        public DemoRandom Rng;

        public Writer(DocumentGenerator g, Plan plan, DemoRandom rng)
        {
            this.g = g;
            this.plan = plan;
            Rng = rng;
            topic = DemoVocabulary.Topics[plan.Topic];
            year = plan.WrittenOn.Year;
            items = TopicItems[plan.Topic].Where(i => year >= i.From && year <= i.To).Select(i => i.Text).ToArray();
            if (items.Length == 0)
            {
                items = [topic.Name];
            }

            organ = g.organs[plan.Organ];
            var others = g.organsByTopic[plan.Topic].Where(o => o != plan.Organ && Existed(g.organs[o], year)).ToArray();
            partner = others.Length > 0 ? g.organs[others[Rng.Next(others.Length)]].ShortName : "各相关部门";
            item = Rng.Pick(items);
            item2 = OtherItem(item);
            itemSuffixStyle = Rng.Next(3) switch { 0 => "none", 1 => "inline", _ => "lines" };
        }

        private string OtherItem(string not)
        {
            if (items.Length == 1)
            {
                return items[0];
            }

            string x;
            do
            {
                x = Rng.Pick(items);
            }
            while (x == not);
            return x;
        }

        private void NextItems()
        {
            item = Rng.Pick(items);
            item2 = OtherItem(item);
        }

        private string Q => plan.Kind switch
        {
            Kind.WorkPoints => "要点",
            Kind.ImplementationPlan => "方案",
            Kind.Opinion => "意见",
            Kind.Measures => "办法",
            Kind.WorkSummary => "总结",
            Kind.AnnualReport => "报告",
            _ => "通知",
        };

        /// <summary>Expands a template's slots.</summary>
        private string Fill(string template)
        {
            sb.Clear();
            for (var i = 0; i < template.Length; i++)
            {
                var c = template[i];
                if (c != '{')
                {
                    sb.Append(c);
                    continue;
                }

                var close = template.IndexOf('}', i);
                var slot = template.AsSpan(i + 1, close - i - 1);
                i = close;
                switch (slot)
                {
                    case "T": sb.Append(topic.Name); break;
                    case "I": sb.Append(item); break;
                    case "J": sb.Append(item2); break;
                    case "O": sb.Append(organ.ShortName); break;
                    case "OF": sb.Append(organ.FullName); break;
                    case "P": sb.Append(partner); break;
                    case "S": sb.Append(Rng.Pick(DemoVocabulary.Scopes)); break;
                    case "Y": sb.Append(year); break;
                    case "Y0": sb.Append(Math.Max(2016, year - 1)); break;
                    case "Y1": sb.Append(year - 1); break;
                    case "Y2": sb.Append(year + 2); break;
                    case "W": sb.Append(DemoVocabulary.YearTheme(year)); break;
                    case "D": sb.Append(Fill2(Rng.Pick(DemoVocabulary.Deadlines))); break;
                    case "G": sb.Append(Rng.Pick(DemoVocabulary.Goals)); break;
                    case "M" or "M2" or "M3": sb.Append(Rng.Pick(DemoVocabulary.Measures)); break;
                    case "U": sb.Append(Rng.Pick(DemoVocabulary.UpperDocuments)); break;
                    case "L": sb.Append(topic.Law); break;
                    case "C": sb.Append(Rng.Pick(DemoVocabulary.Channels)); break;
                    case "N": sb.Append(Rng.Between(2, 9)); break;
                    case "R": sb.Append(Rng.Between(120, 9800)); break;
                    case "Q": sb.Append(Q); break;
                    case "Mo": sb.Append(plan.WrittenOn.Month); break;
                    case "Da": sb.Append(plan.WrittenOn.Day); break;
                    case "q": sb.Append((plan.WrittenOn.Month + 2) / 3); break;
                    default: sb.Append(slot); break;
                }
            }

            return sb.ToString();
        }

        /// <summary>Fill for a template used inside another (the builder is in use).</summary>
        private string Fill2(string template)
        {
            var saved = sb.ToString();
            var result = Fill(template);
            sb.Clear().Append(saved);
            return result;
        }

        // --- title, summary, keywords --------------------------------------------------------------

        public string Title()
        {
            var district = organ.Code is "XC000" or "XC002" ? "西城区" : "";
            var full = organ.FullName;
            var shortName = organ.ShortName;
            var t = plan.Kind switch
            {
                Kind.WorkPoints => district.Length > 0
                    ? $"关于印发《西城区{year}年{topic.Name}工作要点》的通知"
                    : $"{full}关于印发《{year}年{topic.Name}工作要点》的通知",
                Kind.ImplementationPlan => Rng.Chance(0.5)
                    ? $"关于印发《西城区{item}实施方案（{year}—{year + 2}年）》的通知"
                    : $"{full}{item}工作方案",
                Kind.Opinion => Rng.Chance(0.6) ? $"关于进一步加强{item}工作的实施意见" : $"关于推进{item}的指导意见",
                Kind.Measures => Rng.Chance(0.6) ? $"北京市西城区{item}管理办法" : $"西城区{item}实施细则",
                Kind.Notice => Rng.Next(3) switch
                {
                    0 => $"关于做好{year}年{item}工作的通知",
                    1 => $"关于开展{item}专项行动的通知",
                    _ => $"{shortName}关于调整{item}有关事项的通知",
                },
                Kind.Announcement => Rng.Next(3) switch
                {
                    0 => $"关于{item}有关事项的公告",
                    1 => $"{year}年{item}名单公示",
                    _ => $"{shortName}关于{item}的通告",
                },
                Kind.News => Rng.Next(4) switch
                {
                    0 => $"{shortName}召开{topic.Name}工作推进会",
                    1 => $"{shortName}开展{item}宣传活动",
                    2 => $"{shortName}联合{partner}开展{item}专项检查",
                    _ => $"{shortName}举办{item}专题培训",
                },
                Kind.Progress => Rng.Chance(0.5)
                    ? $"{year}年第{(plan.WrittenOn.Month + 2) / 3}季度{topic.Name}工作进展情况"
                    : $"{year}年{plan.WrittenOn.Month}月{item}情况",
                Kind.AnnualReport => $"{full}{year - 1}年政府信息公开工作年度报告",
                Kind.Budget => Rng.Next(3) switch
                {
                    0 => $"{full}{year}年部门预算",
                    1 => $"{full}{year - 1}年部门决算",
                    _ => $"{shortName}{year}年“三公”经费预算情况说明",
                },
                Kind.Interpretation => Rng.Chance(0.7) ? $"《关于进一步加强{item}工作的实施意见》政策解读" : $"一图读懂{item}",
                Kind.WorkSummary => plan.WrittenOn.Month >= 7
                    ? $"{shortName}{year}年上半年{topic.Name}工作总结"
                    : $"{shortName}{year - 1}年{topic.Name}工作总结和{year}年工作计划",
                Kind.Personnel => Rng.Next(3) switch
                {
                    0 => $"{full}{year}年公开招聘工作人员公告",
                    1 => $"{shortName}干部任前公示",
                    _ => $"{shortName}{year}年考试录用公务员拟录用人员名单公示",
                },
                Kind.Enforcement => Rng.Chance(0.6)
                    ? $"{shortName}{year}年第{(plan.WrittenOn.Month + 2) / 3}季度行政处罚信息公示"
                    : $"{shortName}关于{item}行政处罚结果的公示",
                _ => Rng.Chance(0.5) ? $"{shortName}权力清单和责任清单" : $"{shortName}{year}年{topic.Name}政务公开清单",
            };
            return t.Length > 300 ? t[..300] : t;
        }

        public string Summary()
        {
            var s = plan.Kind switch
            {
                Kind.News or Kind.Progress => blocks.Count > 0 ? blocks[0].Text : Fill("{O}推进{I}工作。"),
                Kind.AnnualReport => Fill("本报告介绍{OF}{Y1}年政府信息公开工作情况，包括主动公开、依申请公开、行政复议和行政诉讼等数据。"),
                Kind.Budget => Fill("公开{OF}部门职责、收支预算总体情况和“三公”经费等信息。"),
                Kind.Interpretation => Fill("从出台背景、主要内容、适用范围和执行标准等方面，解读{I}相关政策。"),
                _ => Fill(Rng.Chance(0.5)
                    ? "明确{Y}年{T}工作的总体要求、重点任务和保障措施，重点推进{I}、{J}等工作。"
                    : "{O}就{I}作出部署，提出{M}、{M2}等工作措施。"),
            };
            return s.Length > 200 ? s[..200] : s;
        }

        public string Keywords()
        {
            var words = new List<string> { topic.Name };
            foreach (var w in new[] { item, item2, Rng.Pick(items) })
            {
                var clean = w.Replace("“", "").Replace("”", "");
                if (!words.Contains(clean))
                {
                    words.Add(clean);
                }
            }

            var k = string.Join("；", words);
            return k.Length > 200 ? k[..200] : k;
        }

        // --- body --------------------------------------------------------------------------------------

        public (string Html, string Text) Body(string title)
        {
            var target = plan.Kind switch
            {
                Kind.News => Rng.Between(MinBodyLength, 900),
                Kind.Announcement or Kind.Personnel => Rng.Between(MinBodyLength, 1000),
                Kind.AnnualReport => Rng.Between(1500, MaxBodyLength),
                _ => MinBodyLength + (int)((MaxBodyLength - MinBodyLength - 200) * Math.Pow(Rng.NextDouble(), 1.8)),
            };

            switch (plan.Kind)
            {
                case Kind.Measures: Articles(title, target); break;
                case Kind.News: News(target); break;
                case Kind.AnnualReport: AnnualReport(target); break;
                case Kind.Budget: Budget(target); break;
                case Kind.Interpretation: Interpretation(title, target); break;
                case Kind.Enforcement: Enforcement(target); break;
                case Kind.List: List(target); break;
                default: Formal(title, target); break;
            }

            var html = new StringBuilder(bodyLength * 2);
            foreach (var (tag, text) in blocks)
            {
                html.Append('<').Append(tag).Append('>').Append(text).Append("</").Append(tag).Append('>');
            }

            return (html.ToString(), string.Join('\n', blocks.Select(b => b.Text)));
        }

        /// <summary>Adds a block if it fits under the maximum (with room kept for the closing); false when it does not.</summary>
        private bool Add(string tag, string text, int reserve = 0)
        {
            var added = text.Length + (blocks.Count > 0 ? 1 : 0);
            if (bodyLength + added + reserve > MaxBodyLength)
            {
                return false;
            }

            blocks.Add((tag, text));
            bodyLength += added;
            return true;
        }

        private bool Short(int target) => bodyLength < target;

        private string Paragraph(int sentences)
        {
            var p = new StringBuilder();
            for (var i = 0; i < sentences; i++)
            {
                if (Rng.Chance(0.5))
                {
                    NextItems();
                }

                p.Append(Fill(Rng.Pick(DemoVocabulary.Sentences)));
            }

            return p.ToString();
        }

        private void Signature()
        {
            Add("p", organ.FullName);
            Add("p", ChineseDates.Long(plan.WrittenOn));
        }

        private const int ClosingReserve = 120;

        private void Formal(string title, int target)
        {
            if (plan.Kind is Kind.Notice or Kind.WorkPoints || (plan.Kind == Kind.ImplementationPlan && title.StartsWith("关于印发", StringComparison.Ordinal)))
            {
                Add("p", Rng.Pick(DemoVocabulary.Addressees));
            }

            Add("p", Fill(Rng.Pick(DemoVocabulary.Openings)) + (Rng.Chance(0.5) ? Paragraph(1) : ""));
            var heading = 0;
            var headings = DemoVocabulary.Headings.OrderBy(_ => Rng.Next(1000)).ToList();
            var number = 0;
            while (Short(target - ClosingReserve) && heading < 9)
            {
                NextItems();
                if (!Add("h2", Numerals.Heading(heading) + Fill(headings[heading % headings.Count]), ClosingReserve))
                {
                    break;
                }

                heading++;
                var count = Rng.Between(1, 4);
                for (var i = 0; i < count && Short(target - ClosingReserve); i++)
                {
                    if (Rng.Chance(0.3))
                    {
                        NextItems();
                        if (!Add("h3", $"（{Numerals.Chinese(i + 1)}）" + Fill(Rng.Pick(DemoVocabulary.SubHeadings)), ClosingReserve))
                        {
                            break;
                        }
                    }

                    number++;
                    var text = $"{number}.{Paragraph(Rng.Between(1, 3))}";
                    if (itemSuffixStyle == "inline")
                    {
                        text += Fill("（{O}负责落实，完成时限：{Y}年{Mo}月）");
                    }

                    if (!Add("p", text, ClosingReserve))
                    {
                        break;
                    }

                    if (itemSuffixStyle == "lines")
                    {
                        Add("p", "牵头单位：" + organ.ShortName + (Rng.Chance(0.4) ? "、" + partner : ""), ClosingReserve);
                        Add("p", "责任单位：" + Rng.Pick(DemoVocabulary.Scopes), ClosingReserve);
                        Add("p", "完成时限：" + Fill(Rng.Pick(DemoVocabulary.Deadlines)), ClosingReserve);
                    }
                }
            }

            Add("h2", Numerals.Heading(heading) + Rng.Pick(DemoVocabulary.ClosingHeadings), ClosingReserve);
            Add("p", Fill(Rng.Pick(DemoVocabulary.Closings)), 60);
            Signature();
            EnsureMinimum();
        }

        private void Articles(string title, int target)
        {
            var n = 1;
            var name = title.Replace("北京市", "");
            Add("p", $"第{Numerals.Chinese(n++)}条 为了规范{item}工作，保障公民、法人和其他组织的合法权益，根据{topic.Law}等有关规定，结合本区实际，制定本办法。");
            Add("p", $"第{Numerals.Chinese(n++)}条 本办法适用于本区行政区域内的{item}及其监督管理活动。");
            Add("p", $"第{Numerals.Chinese(n++)}条 {organ.ShortName}负责{item}的组织实施和监督管理；{partner}按照各自职责做好相关工作。");
            while (Short(target - 80) && n < 40)
            {
                if (!Add("p", $"第{Numerals.Chinese(n)}条 " + Paragraph(Rng.Between(1, 2)), 80))
                {
                    break;
                }

                n++;
            }

            Add("p", $"第{Numerals.Chinese(n)}条 本办法自{ChineseDates.Long(plan.WrittenOn.AddDays(30))}起施行。{name}的具体应用问题由{organ.ShortName}负责解释。");
            EnsureMinimum();
        }

        private void News(int target)
        {
            Add("p", Fill(Rng.Pick(DemoVocabulary.NewsOpenings)));
            while (Short(target) && Add("p", Paragraph(Rng.Between(1, 3))))
            {
            }

            EnsureMinimum();
        }

        private void AnnualReport(int target)
        {
            var y = year - 1;
            Add("p", $"本报告根据《中华人民共和国政府信息公开条例》和《北京市政府信息公开规定》要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自{y}年1月1日起，至{y}年12月31日止。");
            Add("h2", "一、总体情况");
            Add("p", Paragraph(3));
            Add("h2", "二、主动公开政府信息情况");
            Add("p", $"{y}年主动公开政府信息{Rng.Between(200, 15000)}条，其中规范性文件{Rng.Between(0, 20)}件，政策解读{Rng.Between(5, 260)}篇。通过政府网站公开政府信息{Rng.Between(100, 14000)}条，通过政务新媒体公开政府信息{Rng.Between(100, 12000)}条。");
            Add("h2", "三、收到和处理政府信息公开申请情况");
            var received = Rng.Between(5, 900);
            Add("p", $"{y}年共收到政府信息公开申请{received}件，其中自然人申请{received * 9 / 10}件，法人或其他组织申请{received - received * 9 / 10}件。予以公开{received / 3}件，部分公开{received / 10}件，不予公开{received / 20}件，无法提供{received / 4}件，不予处理{received / 25}件。");
            Add("h2", "四、政府信息公开行政复议、行政诉讼情况");
            Add("p", $"因政府信息公开工作被申请行政复议{Rng.Between(0, 30)}件，被提起行政诉讼{Rng.Between(0, 12)}件，复议和诉讼结果均已依法公开。");
            Add("h2", "五、存在的主要问题及改进情况");
            while (Short(target - 120) && Add("p", Paragraph(Rng.Between(2, 3)), 120))
            {
            }

            Add("h2", "六、其他需要报告的事项");
            Add("p", $"本年度未收取信息处理费。{organ.ShortName}将认真落实{y + 1}年政务公开工作要点，{Rng.Pick(DemoVocabulary.Goals)}。");
            EnsureMinimum();
        }

        private void Budget(int target)
        {
            var total = Rng.Between(800, 90000);
            Add("h2", "一、部门职责及机构设置");
            Add("p", $"{organ.FullName}主要负责{item}、{item2}等工作。本部门预算由本级预算和所属单位预算组成。");
            Add("h2", "二、收支预算总体情况");
            Add("p", $"{year}年收入预算{total}万元，其中财政拨款收入{total * 9 / 10}万元；支出预算{total}万元，其中基本支出{total * 6 / 10}万元，项目支出{total - total * 6 / 10}万元。");
            Add("h2", "三、“三公”经费预算情况说明");
            Add("p", $"{year}年“三公”经费财政拨款预算{Rng.Between(2, 90)}.{Rng.Between(0, 9)}万元，其中因公出国（境）费用0万元，公务用车购置及运行维护费{Rng.Between(1, 40)}.{Rng.Between(0, 9)}万元，公务接待费{Rng.Between(0, 5)}.{Rng.Between(0, 9)}万元。");
            Add("h2", "四、其他重要事项的情况说明");
            while (Short(target) && Add("p", Paragraph(Rng.Between(1, 3))))
            {
            }

            EnsureMinimum();
        }

        private void Interpretation(string title, int target)
        {
            string[] parts = ["一、出台背景", "二、主要内容", "三、适用范围", "四、执行标准", "五、注意事项"];
            foreach (var part in parts)
            {
                if (!Add("h2", part, 60))
                {
                    break;
                }

                var count = part.StartsWith("二", StringComparison.Ordinal) ? Rng.Between(1, 4) : 1;
                for (var i = 0; i < count; i++)
                {
                    if (!Add("p", Paragraph(Rng.Between(1, 3)), 60))
                    {
                        break;
                    }
                }

                if (!Short(target))
                {
                    break;
                }
            }

            Add("p", $"本解读材料由{organ.ShortName}负责解释，政策原文见{title.Replace("政策解读", "")}。");
            EnsureMinimum();
        }

        private void Enforcement(int target)
        {
            Add("p", Fill("根据{L}和政府信息公开有关规定，现将{O}作出的行政处罚决定信息公示如下："));
            var agency = Agency(organ).TrimEnd('发');
            var n = 1;
            while (Short(target - 60) && n < 30)
            {
                NextItems();
                var text = $"{n}.案件名称：{item}违法案；处罚决定书文号：{agency}罚〔{year}〕{Rng.Between(1, 900)}号；违法事实：当事人违反{topic.Law}有关规定；处罚依据：{topic.Law}；处罚结果：警告并罚款{Rng.Between(1, 50)}000元；处罚日期：{ChineseDates.Long(plan.WrittenOn)}。";
                if (!Add("p", text, 60))
                {
                    break;
                }

                n++;
            }

            Add("p", "当事人对处罚决定不服的，可依法申请行政复议或者提起行政诉讼。");
            Signature();
            EnsureMinimum();
        }

        private void List(int target)
        {
            Add("p", Fill("按照{U}要求，现将{O}{T}政务公开清单公布如下："));
            var n = 1;
            foreach (var i in items.Concat(items).Concat(items))
            {
                if (!Short(target) || !Add("p", $"{n}.事项名称：{i}；公开主体：{organ.ShortName}；公开方式：{Rng.Pick(DemoVocabulary.Channels)}；公开时限：信息形成或变更之日起20个工作日内。", 40))
                {
                    break;
                }

                n++;
            }

            Add("p", "清单实行动态管理，根据法律法规和工作职责调整情况及时更新。");
            EnsureMinimum();
        }

        /// <summary>Short bodies (a few short paragraphs drawn) get one more paragraph until they reach the minimum.</summary>
        private void EnsureMinimum()
        {
            while (bodyLength < MinBodyLength)
            {
                var p = Paragraph(2);
                var at = Math.Max(0, blocks.Count - 2);
                blocks.Insert(at, ("p", p));
                bodyLength += p.Length + 1;
            }
        }
    }

    private static (string, int, int) ParseItem(string item)
    {
        var at = item.IndexOf('@');
        if (at < 0)
        {
            return (item, int.MinValue, int.MaxValue);
        }

        var range = item[(at + 1)..].Split('-');
        return (item[..at], int.Parse(range[0], CultureInfo.InvariantCulture), int.Parse(range[1], CultureInfo.InvariantCulture));
    }

    private static int TopicIndex(string name) => Array.FindIndex(DemoVocabulary.Topics, t => t.Name == name) is var i and >= 0
        ? i : throw new InvalidOperationException($"演示主题“{name}”缺失。");

    private static int[] Cumulative(IEnumerable<int> weights)
    {
        var sum = 0;
        return weights.Select(w => sum += w).ToArray();
    }
}

/// <summary>Chinese numerals as documents number their parts: 一、二、…, 第十二条.</summary>
internal static class Numerals
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static string Chinese(int n) => n switch
    {
        < 10 => Digits[n],
        10 => "十",
        < 20 => "十" + Digits[n - 10],
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    public static string Heading(int index) => Chinese(index + 1) + "、";
}
