namespace Gongkai.Tests.Architecture;

/// <summary>
/// The access rule (docs/ARCHITECTURE.md §The access rule), enforced: a page (its model or its compiled view) or an API
/// endpoint class (…Api, with its lambdas) never reads an organ-scoped table itself. It loads a request through
/// <c>RequestCases</c>, a document through <c>DocumentFinder</c>, a consultation through <c>ConsultationQueries</c>
/// (each filters by the viewer's organ scope, so another organ's record is not found: 404), and asks
/// <c>StaffAccess.RequireAsync</c> what it may do to it (403). Concretely: no entry point calls the accessor of the
/// scoped sets (<c>db.DisclosureRequests</c>, <c>db.Documents</c>, <c>db.Consultations</c>) nor <c>db.Set&lt;T&gt;()</c>
/// (whose entity the compiled code does not name, so it is refused to entry points altogether); a page that did — say
/// to load a record by id — could skip the scope check and show another organ's record.
/// </summary>
public sealed class EntryPointsLoadThroughFindersTests
{
    /// <summary>The organ-scoped sets and the finder each must be read through.</summary>
    private static readonly Dictionary<string, string> ScopedSets = new()
    {
        ["RequestsData.get_DisclosureRequests"] = "Gongkai.Requests.Handling.RequestCases",
        ["DisclosureData.get_Documents"] = "Gongkai.Disclosure.Documents.DocumentFinder",
        ["PolicyData.get_Consultations"] = "Gongkai.Policy.Consultations.ConsultationQueries",
        ["DbContext.Set"] = "the module's finder (RequestCases, DocumentFinder, ConsultationQueries)",
    };

    /// <summary>Pages that call <c>db.Set&lt;T&gt;()</c> for a table that is not organ-scoped, named with the table.</summary>
    private static readonly Dictionary<string, string> SetReaders = new()
    {
        ["Gongkai.Policy.Pages.Admin.Consultations.CommentsModel"] = "Set<AnswerTemplate>, Set<DraftArticle>, Set<DraftVersion> of a consultation found through ConsultationQueries.ForStaffAsync",
        ["Gongkai.Disclosure.Pages.Guide.IndexModel"] = "Set<OpennessGuide>: when each public guide was updated",
        ["Gongkai.Disclosure.Pages.Admin.Guide.IndexModel"] = "Set<OpennessGuide>: when each guide of the scope was updated",
    };

    [Fact]
    public void Pages_and_api_endpoints_read_organ_scoped_records_only_through_their_modules_finder()
    {
        var entryPoints = GongkaiArchitecture.OwnTypes.Where(GongkaiArchitecture.IsEntryPoint).ToList();
        Assert.True(entryPoints.Count > 80, $"only {entryPoints.Count} pages and API classes found: the rule would check nothing");
        var violations = entryPoints
            .SelectMany(t => GongkaiArchitecture.CallsOf(t).Where(ScopedSets.ContainsKey).Distinct()
                .Where(call => !(call == "DbContext.Set" && SetReaders.ContainsKey(t.FullName)))
                .Select(call => $"{t.FullName} reads {call.Replace("get_", "")} directly: load the record through {ScopedSets[call]} (scope-checked, 404 outside the viewer's organs)"))
            .ToList();
        Assert.True(violations.Count == 0, "Pages and API endpoints must load organ-scoped records through the module's finder:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_scoped_sets_are_recognised_where_they_are_read()
    {
        // The rule above is only meaningful if the accessors are recognised in the compiled code: the finders read them.
        Assert.Contains("RequestsData.get_DisclosureRequests", GongkaiArchitecture.CallsOf(Type("Gongkai.Requests.Handling.RequestCases")));
        Assert.Contains("DisclosureData.get_Documents", GongkaiArchitecture.CallsOf(Type("Gongkai.Disclosure.Documents.DocumentFinder")));
        Assert.Contains("DbContext.Set", GongkaiArchitecture.CallsOf(Type("Gongkai.Policy.Consultations.ConsultationQueries")));
    }

    private static ArchUnitNET.Domain.IType Type(string fullName) => GongkaiArchitecture.OwnTypes.Single(t => t.FullName == fullName);
}
