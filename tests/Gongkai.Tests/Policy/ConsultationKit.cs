using System.Globalization;
using Gongkai.Platform.Data;
using Gongkai.Policy.Consultations;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Policy;

/// <summary>Test arrangement for consultations: opened and announced through the real use cases, acting as the administrator.</summary>
public static class ConsultationKit
{
    public const string Draft = "西城区养老服务补贴办法（征求意见稿）\n第一条 为了规范养老服务补贴，制定本办法。\n第二条 补贴标准为每人每月100元。按季度发放。\n第三条 本办法自发布之日起施行。";

    public static DateTime Local(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture);

    public static Task<Consultation> OpenAsync(this GongkaiApp app, string title, string opens, string closes, string draft = Draft,
        string organ = "区民政局", bool announce = true) =>
        app.AsAdminAsync(async sp =>
        {
            var organId = (await app.OrganAsync(organ)).Id;
            var manage = sp.GetRequiredService<ManageConsultation>();
            var c = await manage.CreateAsync(new ConsultationInput
            {
                OrganId = organId,
                Title = title,
                Explanation = "为落实养老服务体系建设要求，起草了本办法。",
                OpensAt = Local(opens),
                ClosesAt = Local(closes),
                DraftText = draft,
            });
            if (announce)
            {
                await manage.AnnounceAsync(c);
            }

            return c;
        });

    /// <summary>Runs a use case on the consultation as loaded fresh (tracked) in the administrator's scope.</summary>
    public static Task<T> OnAsync<T>(this GongkaiApp app, Guid id, Func<IServiceProvider, Consultation, Task<T>> work) =>
        app.AsAdminAsync(async sp =>
        {
            var c = await sp.GetRequiredService<GongkaiDb>().Set<Consultation>().Include(x => x.Basis).SingleAsync(x => x.Id == id);
            return await work(sp, c);
        });

    public static Task<List<ConsultationComment>> CommentsAsync(this GongkaiApp app, Guid id) =>
        app.WithDbAsync(db => db.Set<ConsultationComment>().AsNoTracking().Where(x => x.ConsultationId == id).OrderBy(x => x.Id).ToListAsync());

    public static Task<List<DraftArticle>> ArticlesAsync(this GongkaiApp app, Guid id, int version) =>
        app.WithDbAsync(db => db.Set<DraftArticle>().AsNoTracking()
            .Where(a => db.Set<DraftVersion>().Any(v => v.Id == a.VersionId && v.ConsultationId == id && v.Number == version))
            .OrderBy(a => a.Position).ToListAsync());
}
