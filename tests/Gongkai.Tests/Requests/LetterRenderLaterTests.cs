using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform;
using Gongkai.Platform.Documents;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Requests;

/// <summary>
/// Delivery never depends on rendering: with no usable font (a configured font file that is not there), the reply is
/// delivered and the request closes, the letter's text is kept, and its PDF is rendered from that text once the font is
/// back, when the letter is first opened.
/// </summary>
public abstract class LetterRenderLaterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IMissingFontApp
{
    [Fact]
    public async Task A_reply_is_delivered_without_a_font_and_its_letter_is_rendered_later_from_the_kept_text()
    {
        var kit = new RequestTestKit(app);
        var staff = await kit.StaffAsync();
        var (id, number, _) = await kit.SubmitAsync("无字体申请人");
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);
        var today = ChineseDates.Iso(app.Today);
        foreach (var (client, step, body) in new (HttpClient, string, object?)[]
        {
            (handler, "register", null),
            (head, "assign", new { userName = "mz-cbr" }),
            (handler, "reply", new { outcome = "NotHeld", legalGround = "《政府信息公开条例》第三十六条第四项" }),
            (head, "review", new { approve = true, opinion = "同意" }),
            (handler, "delivery", new { method = "Email", on = today }),
        })
        {
            var stepUrl = $"/api/v1/admin/requests/{id}/{step}";
            var done = body is null ? await client.PostAsync(stepUrl, null) : await client.PostAsJsonAsync(stepUrl, body);
            Assert.True(done.IsSuccessStatusCode, $"{step}: {await done.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(RequestStage.Closed, (await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.Id == id))).Stage);
        var kept = Assert.Single((await RequestTestKit.OkAsync(await handler.GetAsync($"/api/v1/admin/requests/{id}"))).GetProperty("sentLetters").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("sha256").ValueKind);
        var stored = await app.WithDbAsync(db => db.SentLetters.SingleAsync(l => l.RequestId == id));
        Assert.Contains("《政府信息公开条例》第三十六条第四项", stored.Content);
        Assert.Contains("未能生成", (await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "request.deliver" && e.TargetId == id.ToString()))).Summary);

        // Still no font: the download says why, in Chinese, and nothing changes.
        var url = kept.GetProperty("url").GetString()!;
        var refused = await handler.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("暂时无法生成PDF", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Null((await app.WithDbAsync(db => db.SentLetters.SingleAsync(l => l.RequestId == id))).Sha256);

        // The font is back: the first download renders the kept text, stores it and audits that.
        File.WriteAllBytes(app.FontPath, DocumentFonts.ShippedFont());
        var bytes = await handler.GetByteArrayAsync(url);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            Assert.Contains(number, text);
            Assert.Contains("《政府信息公开条例》第三十六条第四项", text);
        }

        var rendered = await app.WithDbAsync(db => db.SentLetters.SingleAsync(l => l.RequestId == id));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), rendered.Sha256);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "request.letter.sent.render" && e.TargetId == id.ToString())));
        Assert.Equal(bytes, await handler.GetByteArrayAsync(url)); // rendered once, then served as stored
    }
}

public interface IMissingFontApp
{
    string FontPath { get; }
}

public sealed class MissingFontSqliteApp : SqliteApp, IMissingFontApp
{
    public string FontPath { get; } = Path.Combine(Path.GetTempPath(), $"gk-font-{Guid.NewGuid():N}.ttf");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Documents:FontFile"] = FontPath };
}

public sealed class MissingFontPostgresApp : PostgresApp, IMissingFontApp
{
    public string FontPath { get; } = Path.Combine(Path.GetTempPath(), $"gk-font-{Guid.NewGuid():N}.ttf");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Documents:FontFile"] = FontPath };
}

public sealed class LetterRenderLaterTests_Sqlite(MissingFontSqliteApp app) : LetterRenderLaterTests<MissingFontSqliteApp>(app);

public sealed class LetterRenderLaterTests_Postgres(MissingFontPostgresApp app) : LetterRenderLaterTests<MissingFontPostgresApp>(app);
