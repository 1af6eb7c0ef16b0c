using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Requests;

/// <summary>
/// Art. 44 on both databases: several applicants' requests for the same information are listed for the office with a
/// link to draft a document, the case page points to the others, and another organ's staff see none of them.
/// </summary>
public abstract class IdenticalRequestsHttpTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private readonly RequestTestKit kit = new(app);

    [Fact]
    public async Task Several_applicants_asking_for_the_same_information_are_suggested_for_proactive_disclosure()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-03-02");
        var zhang = await FileAsync("区民政局", "张三", "本区2025年养老服务驿站运营补贴发放情况");
        var sun1 = await FileAsync("区民政局", "孙八", "区民政局2026年社会救助资金预算表");
        app.Clock.SetDay("2026-03-05");
        var li = await FileAsync("区民政局", "李四", "申请公开2025年本区养老服务驿站运营补贴的发放情况");
        var sun2 = await FileAsync("区民政局", "孙八", "区民政局2026年社会救助资金预算表格");
        var zhao = await FileAsync("区民政局", "赵六", "本区2024年城市道路维修计划");
        var qian = await FileAsync("区财政局", "钱七", "本区2025年养老服务驿站运营补贴发放情况");
        app.Clock.SetDay("2026-03-10");
        var wang = await FileAsync("区民政局", "王五", "请提供本区2025年度养老服务驿站运营补贴发放明细");

        var handler = kit.Api(staff.Handler);
        var found = await RequestTestKit.OkAsync(await handler.GetAsync("/api/v1/admin/requests/identical"));
        Assert.Equal("2025-03-10", found.GetProperty("from").GetString());
        var group = Assert.Single(found.GetProperty("groups").EnumerateArray());
        Assert.Equal(3, group.GetProperty("applicants").GetInt32());
        Assert.Equal([zhang.Number, li.Number, wang.Number], group.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("trackingNumber").GetString()));
        Assert.DoesNotContain(found.ToString(), zhao.Number);
        Assert.DoesNotContain(found.ToString(), sun1.Number); // one applicant asking twice is not Art. 44's case
        Assert.DoesNotContain(found.ToString(), sun2.Number);
        Assert.DoesNotContain(found.ToString(), qian.Number); // another organ's request is compared only with that organ's

        // A period that ends before the later requests finds no group; a reversed period is refused.
        var early = await RequestTestKit.OkAsync(await handler.GetAsync("/api/v1/admin/requests/identical?from=2026-03-01&to=2026-03-04"));
        Assert.Empty(early.GetProperty("groups").EnumerateArray());
        var reversed = await handler.GetAsync("/api/v1/admin/requests/identical?from=2026-03-09&to=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("开始日期不能晚于结束日期", await reversed.Content.ReadAsStringAsync());

        // Another organ's handler sees none of 区民政局's requests.
        var foreign = await RequestTestKit.OkAsync(await kit.Api(staff.Foreign).GetAsync("/api/v1/admin/requests/identical"));
        Assert.Empty(foreign.GetProperty("groups").EnumerateArray());
        Assert.Equal(1, foreign.GetProperty("compared").GetInt32());

        var browser = app.Browser();
        await browser.SignInOkAsync("mz-cbr", "Handling-pass-1");
        var list = (await browser.GetStringAsync("/admin/requests/identical")).Text();
        Assert.Contains("第1组：3位申请人，3件申请", list);
        Assert.Contains(wang.Number, list);
        Assert.DoesNotContain(zhao.Number, list);
        var organ = (await app.OrganAsync("区民政局")).Id;
        Assert.Contains($"/admin/documents/edit?organId={organ}&title={Uri.EscapeDataString("本区2025年养老服务驿站运营补贴发放情况")}", list);

        var casePage = (await browser.GetStringAsync($"/admin/requests/{li.Id}")).Text();
        Assert.Contains("相同申请提示（条例第四十四条）", casePage);
        Assert.Contains("3位申请人共3件申请", casePage);
        Assert.Contains(zhang.Number, casePage);
        Assert.Contains(wang.Number, casePage);
        Assert.DoesNotContain("相同申请提示", (await browser.GetStringAsync($"/admin/requests/{zhao.Id}")).Text());
        Assert.DoesNotContain("相同申请提示", (await browser.GetStringAsync($"/admin/requests/{sun1.Id}")).Text());

        // The link opens a draft for the organ with the suggested title.
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var draft = (await admin.GetStringAsync($"/admin/documents/edit?organId={organ}&title={Uri.EscapeDataString("本区2025年养老服务驿站运营补贴发放情况")}")).Text();
        Assert.Contains("value=\"本区2025年养老服务驿站运营补贴发放情况\"", draft);
    }

    private async Task<(Guid Id, string Number)> FileAsync(string organ, string name, string wanted)
    {
        var organId = (await app.OrganAsync(organ)).Id;
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/requests", new
        {
            organId,
            applicantType = "NaturalPerson",
            applicantName = name,
            idDocumentType = "ResidentIdCard",
            idNumber = "110102199003070026",
            phone = "13900139000",
            informationWanted = wanted,
            form = "Electronic",
            delivery = "Email",
            email = "a@example.cn",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
        return (await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync()), number);
    }
}

public sealed class IdenticalRequestsHttpTests_Sqlite(ClockedSqliteApp app) : IdenticalRequestsHttpTests<ClockedSqliteApp>(app);

public sealed class IdenticalRequestsHttpTests_Postgres(ClockedPostgresApp app) : IdenticalRequestsHttpTests<ClockedPostgresApp>(app);
