using Gongkai.Disclosure;
using Gongkai.Disclosure.Catalogue;
using Gongkai.Disclosure.Demo;
using Gongkai.Disclosure.Documents;
using Gongkai.Disclosure.Review;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Organisation;

namespace Gongkai.Tests.Disclosure;

/// <summary>The demo generator: the same seed gives the same documents, and what it writes looks like a district's output.</summary>
public sealed class DocumentGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<DocumentGenerator.OrganInfo> Organs = DemoOrganisation.Organs
        .Select((o, i) => new DocumentGenerator.OrganInfo(new Guid(i + 1, 0, 0, new byte[8]), o.Code, o.ShortName, o.FullName, o.Kind, o.IsActive))
        .ToList();

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Create(
        ShippedSchedules.All.Select(s => s.Year),
        ShippedSchedules.All.SelectMany(s => s.Days).Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil)));

    private static List<GovDocument> Generate(int count, int seed)
    {
        var generator = new DocumentGenerator(seed, Organs, Calendar, Now, "{organ}/{year}-{seq:5}");
        return generator.PlanDocuments(count, new DocumentGenerator.UsedNumbers()).Select(p => generator.Write(p)).ToList();
    }

    [Fact]
    public void The_same_seed_writes_the_same_documents_and_another_seed_other_ones()
    {
        var a = Generate(300, 7);
        var b = Generate(300, 7);
        var c = Generate(300, 8);
        Assert.Equal(a.Select(d => (d.IndexNumber, d.Title, d.BodyHtml, d.DocumentNumber, d.PublishedAt)),
            b.Select(d => (d.IndexNumber, d.Title, d.BodyHtml, d.DocumentNumber, d.PublishedAt)));
        Assert.True(a.Zip(c).Count(p => p.First.Title == p.Second.Title) < 30, "another seed should give other titles");
    }

    [Fact]
    public void Documents_spread_over_organs_categories_types_and_years_with_unique_numbers()
    {
        var docs = Generate(3_000, 2026);
        Assert.Equal(docs.Count, docs.Select(d => d.IndexNumber).Distinct().Count());
        var numbers = docs.Where(d => d.DocumentNumber is not null).Select(d => d.DocumentNumber).ToList();
        Assert.True(numbers.Count > 300, $"only {numbers.Count} documents carry a 发文字号");
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.True(docs.Select(d => d.OrganId).Distinct().Count() >= 40, "documents of most organs");
        Assert.True(docs.Select(d => d.SubjectCategory.Split('\\')[0]).Distinct().Count() >= 10, "many top 主题分类");
        Assert.True(docs.Select(d => d.InformationType).Distinct().Count() >= 5, "several 信息类别");
        var years = docs.Select(d => d.WrittenOn.Year).Distinct().Order().ToList();
        Assert.True(years.First() <= 2017 && years.Last() == 2026, string.Join(",", years));
        Assert.All(docs, d =>
        {
            Assert.Equal(DocumentStatus.Published, d.Status);
            Assert.True(d.PublishedAt <= Now, $"{d.Title} published in the future");
            Assert.True(DateOnly.FromDateTime(d.PublishedAt!.Value.UtcDateTime.AddHours(8)) >= d.WrittenOn, $"{d.Title} published before it was written");
            Assert.InRange(d.BodyText.Length, DocumentGenerator.MinBodyLength / 2, DocumentGenerator.MaxBodyLength * 2);
            Assert.True(SubjectCategories.IsValid(d.SubjectCategory), d.SubjectCategory);
        });
    }

    [Fact]
    public void Generated_text_holds_no_personal_data_the_scan_would_block()
    {
        foreach (var d in Generate(500, 11))
        {
            var findings = PersonalDataScanner.Scan(d.Title + "\n" + d.Summary + "\n" + d.BodyText, new DateOnly(2026, 11, 23));
            Assert.True(findings.Count == 0, $"{d.Title}: {string.Join("、", findings.Select(f => f.Kind + " " + f.Text))}");
        }
    }

    [Fact]
    public void Real_search_terms_occur_in_the_generated_texts()
    {
        var docs = Generate(5_000, 2026);
        foreach (var term in new[] { "低保", "垃圾分类", "老旧小区改造", "营商环境", "义务教育入学" })
        {
            Assert.True(docs.Count(d => d.Title.Contains(term) || d.BodyText.Contains(term)) >= 5, $"{term} is too rare for a search benchmark");
        }
    }

    [Fact]
    public void Annual_reports_are_typed_as_such_one_per_organ_and_year_newest_years_complete()
    {
        var docs = Generate(3_000, 2026);
        var reports = docs.Where(d => d.InformationType == InformationType.AnnualReport).ToList();
        Assert.True(reports.Count > 100, $"only {reports.Count} annual reports");
        Assert.DoesNotContain(docs, d => d.InformationType == InformationType.Other && d.Title.Contains("年度报告"));
        var keys = reports.Select(r => (r.OrganId, Year: Gongkai.Disclosure.Portal.AnnualReportDocuments.YearOf(r.Title, r.WrittenOn))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        // The last full year (2025, written in the first quarter of 2026) has a report from every organ that existed then.
        var existing = Organs.Where(o => o.IsActive).Select(o => o.Id).ToHashSet();
        Assert.Superset(existing, keys.Where(k => k.Year == 2025).Select(k => k.OrganId).ToHashSet());
        Assert.All(reports, r =>
        {
            Assert.Equal(Gongkai.Disclosure.Portal.AnnualReportDocuments.YearOf(r.Title, r.WrittenOn) + 1, r.WrittenOn.Year);
            Assert.InRange(r.WrittenOn.Month, 1, 3);
        });
    }
}
