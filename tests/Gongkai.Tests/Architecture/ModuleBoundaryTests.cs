namespace Gongkai.Tests.Architecture;

/// <summary>
/// Module boundaries (docs/ARCHITECTURE.md §Module boundaries), enforced: the modules (Gongkai.Requests, .Disclosure,
/// .Policy, .Plans, .Reports) build on Gongkai.Platform and do not use each other's types, except the few named here.
/// Each entry is a seam that exists today, recorded with its reason (Reports and Requests read each other: the statistics
/// and table 三 share their cells); a new one is added here with its reason, never by accident, and an entry goes when a
/// named Platform interface replaces it.
/// </summary>
public sealed class ModuleBoundaryTests
{
    /// <summary>Module → the types of other modules it may use, with why.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Requests"] =
        [
            // → Disclosure: a reply 予以公开（已主动公开） links the published document (Regulation Art. 36 (1)); the case page shows it.
            "Gongkai.Disclosure.Documents.PublishedDocumentLink",
            "Gongkai.Disclosure.Documents.PublishedDocuments",
            // → Reports: the request statistics page counts the module's requests with the annual report's cells (表三), so the two agree.
            "Gongkai.Reports.Annual.OutcomeRow",
            "Gongkai.Reports.Annual.OutcomeRows",
            "Gongkai.Reports.Statistics.RequestCell",
            "Gongkai.Reports.Statistics.RequestFigures",
            "Gongkai.Reports.Statistics.RequestSet",
            "Gongkai.Reports.Statistics.RequestStatistics",
            "Gongkai.Reports.Statistics.StatisticsPeriod",
        ],
        ["Disclosure"] = [],
        ["Policy"] =
        [
            // → Disclosure: interpretations, evaluations and consultations hang on published documents (links, relations, the publish check) and reuse the personal-data scanner for comments.
            "Gongkai.Disclosure.Documents.DocumentAccess",
            "Gongkai.Disclosure.Documents.DocumentReference",
            "Gongkai.Disclosure.Documents.GovDocument",
            "Gongkai.Disclosure.Documents.IDocumentRelations",
            "Gongkai.Disclosure.Documents.IPublishCheck",
            "Gongkai.Disclosure.Documents.PublishedDocumentLink",
            "Gongkai.Disclosure.Documents.PublishedDocuments",
            "Gongkai.Disclosure.Documents.RelatedLink",
            "Gongkai.Disclosure.Feeds.DocumentFeeds",
            "Gongkai.Disclosure.Review.MaskingRules",
            "Gongkai.Disclosure.Review.PersonalDataFinding",
            "Gongkai.Disclosure.Review.PersonalDataKind",
            "Gongkai.Disclosure.Review.PersonalDataScanner",
        ],
        ["Plans"] =
        [
            // → Disclosure: a plan's score counts the organ's published documents.
            "Gongkai.Disclosure.DisclosureData",
            "Gongkai.Disclosure.Documents.GovDocument",
            // → Reports: a plan's score counts the organ's requests over the report's statistics period.
            "Gongkai.Reports.Statistics.RequestStatistics",
            "Gongkai.Reports.Statistics.StatisticsPeriod",
            // → Requests: a plan's score counts the organ's requests.
            "Gongkai.Requests.DisclosureRequest",
            "Gongkai.Requests.RequestsData",
        ],
        ["Reports"] =
        [
            // → Disclosure: table 二 counts documents, and the annual report is published as a document.
            "Gongkai.Disclosure.DisclosureData",
            "Gongkai.Disclosure.Documents.DocumentLabels",
            "Gongkai.Disclosure.Documents.GeneratedDocument",
            "Gongkai.Disclosure.Documents.GeneratedFile",
            "Gongkai.Disclosure.Documents.GovDocument",
            "Gongkai.Disclosure.Documents.PublishGeneratedDocument",
            "Gongkai.Disclosure.Documents.Validity",
            // → Plans: a published report's text is read with the plan module's document reader.
            "Gongkai.Plans.Parsing.PlanDocumentReader",
            "Gongkai.Plans.Parsing.PlanParseException",
            // → Requests: table 三 and its records are computed from requests, fees and appeals; a report cell links to the request statistics records.
            "Gongkai.Requests.Appeals.AppealCase",
            "Gongkai.Requests.Appeals.AppealKind",
            "Gongkai.Requests.Appeals.AppealLabels",
            "Gongkai.Requests.Appeals.AppealResult",
            "Gongkai.Requests.Applicants.ApplicantType",
            "Gongkai.Requests.Applicants.ApplicantTypes",
            "Gongkai.Requests.Clock.Timeliness",
            "Gongkai.Requests.DisclosureRequest",
            "Gongkai.Requests.Fees.FeeAssessment",
            "Gongkai.Requests.Intake.RequestChannel",
            "Gongkai.Requests.LettersData",
            "Gongkai.Requests.Pages.Admin.StatisticsRecordsModel",
            "Gongkai.Requests.RequestOutcome",
            "Gongkai.Requests.RequestsData",
        ],
    };

    [Fact]
    public void Modules_depend_on_Platform_and_not_on_each_other_except_through_the_named_types()
    {
        var types = GongkaiArchitecture.OwnTypes.Where(t => GongkaiArchitecture.ModuleOf(t) is not null).ToList();
        Assert.True(GongkaiArchitecture.Modules.All(m => types.Any(t => GongkaiArchitecture.ModuleOf(t) == m)), "a module has no types: the rule would check nothing");
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var module = GongkaiArchitecture.ModuleOf(type)!;
            foreach (var target in GongkaiArchitecture.DependenciesOf(type).Select(d => d.Target))
            {
                var outer = target.FullName.Split('+', '/')[0];
                var other = GongkaiArchitecture.ModuleOf(target);
                if (other is not null && other != module && !Allowed[module].Contains(outer))
                {
                    violations.Add($"{module} → {other}: {type.FullName} uses {outer}");
                }
            }
        }

        Assert.True(violations.Count == 0,
            "Modules depend on Gongkai.Platform, not on each other; use a Platform seam or add the type, with its reason, to ModuleBoundaryTests.Allowed:\n"
            + string.Join("\n", violations));
    }
}
