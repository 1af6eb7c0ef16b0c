using Gongkai.Disclosure.Feeds;
using Gongkai.Platform;
using Gongkai.Platform.Web;
using Microsoft.Extensions.Options;

namespace Gongkai.Policy.Consultations;

/// <summary>RSS 2.0 and Atom of newly opened consultations, written by Disclosure's feed writer.</summary>
internal static class ConsultationFeeds
{
    public static void MapConsultationFeeds(this WebApplication app)
    {
        app.MapGet("/feeds/consultations.{format}", async (string format, ConsultationQueries queries, DocumentFeeds feeds, IOptions<SiteOptions> site,
            HttpContext context, CancellationToken ct) =>
        {
            if (format is not ("rss" or "atom"))
            {
                return Results.NotFound();
            }

            var channel = new DocumentFeeds.Channel($"{site.Value.District} 意见征集", $"{site.Value.District}公开征求意见和重大决策预公开", "/consultations", "/feeds/consultations");
            var items = (await queries.NewestAsync(DocumentFeeds.Size, ct)).Select(c => new DocumentFeeds.Item(c.Id, c.Title,
                $"{c.Kind.Label()}，征集期{ChineseDates.Local(c.OpensAt)}至{ChineseDates.Local(c.ClosesAt)}", "", c.OpensAt,
                c.FeedbackPublishedAt ?? c.OpensAt, c.OrganName, c.Kind.Label(), null, $"/consultations/{c.Id}")).ToList();
            var portal = site.Value.Portal;
            context.Response.Headers.CacheControl = "public, max-age=60";
            return format == "rss"
                ? Results.Bytes(feeds.Rss(channel, items, portal), DocumentFeeds.RssType)
                : Results.Bytes(feeds.Atom(channel, items, portal), DocumentFeeds.AtomType);
        }).ExcludeFromDescription();
    }
}
