using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Disclosure;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Disclosure;

public abstract class DocumentApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<HttpClient> ApiAsync(string? userId = null)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(userId ?? await app.AdminIdAsync()));
        return client;
    }

    private async Task<object> DocAsync(string title, string body, string organ = "区民政局", string? indexNumber = null, string? attribute = "Proactive",
        string category = "民政、扶贫、救灾\\社会福利", string? number = null) => new
        {
            document = new
            {
                organId = (await app.OrganAsync(organ)).Id,
                title,
                indexNumber,
                documentNumber = number,
                subjectCategory = category,
                informationType = "PolicyDocument",
                writtenOn = "2026-11-02",
                attribute,
                summary = "摘要：" + title,
                body,
            },
        };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> SearchAsync(string query, string extra = "")
    {
        var response = await app.Browser().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}{extra}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task An_administrator_token_creates_and_publishes_a_clean_document()
    {
        var api = await ApiAsync();
        var doc = await CreatedAsync(await api.PostAsJsonAsync("/api/v1/documents",
            await DocAsync("关于调整城乡居民最低生活保障标准的通知", "<p>自2026年11月起，本区城乡居民<strong>最低生活保障</strong>标准调整为每人每月1450元。</p>", number: "西民发[2026]12号")));
        Assert.Equal("Published", doc.GetProperty("status").GetString());
        Assert.Equal("西民发〔2026〕12号", doc.GetProperty("documentNumber").GetString());
        // The index number carries the year of publication: the district year of the application's clock.
        Assert.Matches($@"^XC\d{{3}}/{app.Today.Year}-\d{{5}}$", doc.GetProperty("indexNumber").GetString());
        Assert.Equal("2026-11-30", doc.GetProperty("publishDueOn").GetString());

        var id = doc.GetProperty("id").GetString();
        var fetched = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        Assert.Equal("关于调整城乡居民最低生活保障标准的通知", fetched.GetProperty("title").GetString());
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["document.create", "document.submit", "document.review.approve", "document.publish"], actions);
    }

    [Fact]
    public async Task Personal_data_blocks_publication_with_422_and_the_findings()
    {
        var api = await ApiAsync();
        var response = await api.PostAsJsonAsync("/api/v1/documents",
            await DocAsync("低保对象公示", "<p>申请人张三，身份证110102198001011239，电话13800138000。</p>"));
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var findings = problem.GetProperty("findings");
        Assert.Equal(2, findings.GetArrayLength());
        Assert.Equal("110***********1239", findings[0].GetProperty("maskedText").GetString());
        Assert.DoesNotContain("110102198001011239", problem.GetRawText());
        var id = problem.GetProperty("documentId").GetString();
        Assert.Equal("Submitted", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(0, (await SearchAsync("低保对象公示")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(null, "请选择公开属性")]
    [InlineData("OnRequest", "必须说明理由和法律依据")]
    public async Task A_missing_or_unexplained_attribute_is_refused(string? attribute, string message)
    {
        var api = await ApiAsync();
        var response = await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("属性测试" + attribute, "<p>正文</p>", attribute: attribute));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.False(await app.WithDbAsync(db => db.Documents.AnyAsync(d => d.Title == "属性测试" + attribute)));
    }

    [Fact]
    public async Task A_refusal_at_the_last_step_of_create_and_publish_leaves_nothing_behind()
    {
        var api = await ApiAsync();
        const string title = "依申请公开的信息不经接口直接发布";
        var body = await DocAsync(title, "<p>正文</p>", attribute: "OnRequest");
        var document = JsonSerializer.SerializeToElement(body).GetProperty("document");
        var withReason = JsonSerializer.Deserialize<Dictionary<string, object?>>(document.GetRawText())!;
        withReason["attributeReason"] = "涉及特定申请人";
        withReason["attributeLegalBasis"] = "《条例》第二十七条";

        // Draft, submission and review pass; the publication refuses a 依申请公开 document.
        var response = await api.PostAsJsonAsync("/api/v1/documents", new { document = withReason, publish = true });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不得主动发布", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.False(await app.WithDbAsync(db => db.Documents.AnyAsync(d => d.Title == title)));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Summary != null && e.Summary.Contains(title))));

        // The same document saved as a draft only is kept: the transaction is committed when every step passed.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/documents", new { document = withReason, publish = false })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Documents.AnyAsync(d => d.Title == title)));
    }

    [Fact]
    public async Task Script_in_the_body_and_a_duplicate_index_number_are_refused()
    {
        var api = await ApiAsync();
        var script = await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("脚本测试", "<p onclick=\"alert(1)\">正文</p><script>alert(2)</script>"));
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("不安全内容", (await script.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await CreatedAsync(await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("索引号一", "<p>一</p>", indexNumber: "XC015/2026-99001")));
        var dup = await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("索引号二", "<p>二</p>", indexNumber: "XC015/2026-99001"));
        Assert.Equal(HttpStatusCode.BadRequest, dup.StatusCode);
        Assert.Contains("索引号“XC015/2026-99001”已被其他信息使用", (await dup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_editor_token_drafts_but_cannot_publish_and_another_organ_is_403()
    {
        var organ = (await app.OrganAsync("区教委")).Id;
        var editor = await app.StaffAsync("doc-editor", "Editor-pass-9", (StaffRole.Editor, organ));
        var api = await ApiAsync(editor.Id);
        var doc = await CreatedAsync(await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("义务教育入学工作通知", "<p>适龄儿童入学登记。</p>", organ: "区教委")));
        Assert.Equal("Submitted", doc.GetProperty("status").GetString());

        var foreign = await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("越权起草", "<p>正文</p>", organ: "区财政局"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("起草", (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_finds_one_two_and_many_character_queries_phrases_and_filters_with_highlight()
    {
        var api = await ApiAsync();
        await CreatedAsync(await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("西城区垃圾分类工作实施方案",
            "<p>全面推进生活垃圾分类，提高资源化利用水平。各街道负责垃圾分类宣传。</p>", organ: "区城市管理委", category: "城乡建设、环境保护\\环境监测、保护与治理")));
        await CreatedAsync(await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("老旧小区综合整治计划",
            "<p>2026年完成老旧小区改造20个，涉及居民3000户。房屋税费减免按规定执行。</p>", organ: "区住房城市建设委", category: "城乡建设、环境保护\\城乡建设（含住房）")));
        await CreatedAsync(await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("分类垃圾桶采购公告",
            "<p>采购分类垃圾桶一批。</p>", organ: "区城市管理委", category: "城乡建设、环境保护\\其他")));

        var many = await SearchAsync("垃圾分类");
        Assert.Equal(1, many.GetProperty("total").GetInt32());
        Assert.Equal("西城区垃圾分类工作实施方案", many.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Contains("<mark>垃圾分类</mark>", many.GetProperty("items")[0].GetProperty("snippet").GetString());

        Assert.Equal(2, (await SearchAsync("垃圾")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync("税")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync("老旧小区改造")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchAsync("\"小区 垃圾\"")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync("垃圾 街道")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchAsync("不存在的词语组合")).GetProperty("total").GetInt32());

        var organ = (await app.OrganAsync("区住房城市建设委")).Id;
        Assert.Equal(0, (await SearchAsync("垃圾", $"&organ={organ}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync("老旧小区", $"&organ={organ}&category={Uri.EscapeDataString("城乡建设、环境保护")}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchAsync("老旧小区", $"&category={Uri.EscapeDataString("综合政务")}")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await SearchAsync("垃圾", "&from=2026-01-01&to=2099-12-31&sort=date")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchAsync("垃圾", "&to=2020-01-01")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_withdrawn_document_is_gone_from_search_in_the_very_next_request()
    {
        var api = await ApiAsync();
        var doc = await CreatedAsync(await api.PostAsJsonAsync("/api/v1/documents", await DocAsync("营商环境优化措施", "<p>持续优化营商环境。</p>", organ: "区发展改革委")));
        var id = doc.GetProperty("id").GetString();
        Assert.Equal(1, (await SearchAsync("营商环境")).GetProperty("total").GetInt32());

        var withdrawn = await api.PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new { reason = "内容有误，重新发布" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(0, (await SearchAsync("营商环境")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<Gongkai.Platform.Search.SearchEntry>().AnyAsync(s => s.OwnerId == Guid.Parse(id!))));

        var again = await api.PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new { reason = "再次" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var noReason = await api.PostAsJsonAsync($"/api/v1/documents/{Guid.NewGuid()}/withdraw", new { reason = "" });
        Assert.Equal(HttpStatusCode.NotFound, noReason.StatusCode);
    }

    [Fact]
    public async Task Search_needs_a_query_and_valid_dates()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().GetAsync("/api/v1/search?q=")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().GetAsync("/api/v1/search?q=x&from=2026-13-01")).StatusCode);
    }

    [Theory]
    [InlineData("q=" + "%E5%85%AC%E5%BC%80", 101, "搜索词不能超过100个字")]
    [InlineData("sort=newest&q=" + "%E5%85%AC%E5%BC%80", 1, "排序方式只能是")]
    [InlineData("from=2026-05-01&to=2026-04-01&q=" + "%E5%85%AC%E5%BC%80", 1, "起始日期不能晚于截止日期")]
    [InlineData("category=%E6%B2%A1%E6%9C%89%E7%9A%84%E5%88%86%E7%B1%BB&q=" + "%E5%85%AC%E5%BC%80", 1, "这个主题分类")]
    [InlineData("page=10001&q=" + "%E5%85%AC%E5%BC%80", 1, "页码")]
    public async Task What_the_search_page_refuses_the_API_refuses_with_the_same_message_instead_of_truncating(string query, int repeat, string message)
    {
        // The query term repeated: 公开 × 101 is 202 characters, past the limit of 100.
        var q = string.Concat(Enumerable.Repeat("%E5%85%AC%E5%BC%80", repeat));
        var parameters = query.Replace("q=%E5%85%AC%E5%BC%80", "q=" + q, StringComparison.Ordinal);
        var page = await app.Browser().GetAsync("/search?" + parameters);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, (await page.Content.ReadAsStringAsync()).Text());

        var api = await app.Browser().GetAsync("/api/v1/search?" + parameters);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("detail").GetString());
    }
}

public sealed class DocumentApiTests_Sqlite(SqliteApp app) : DocumentApiTests<SqliteApp>(app);

public sealed class DocumentApiTests_Postgres(PostgresApp app) : DocumentApiTests<PostgresApp>(app);
