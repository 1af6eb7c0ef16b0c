using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Policy.Consultations;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Policy;

namespace Gongkai.Tests.Platform;

/// <summary>
/// Every form shows all its errors at once (issue 16 item 6; docs/ARCHITECTURE.md §Rich text and forms): each form below
/// is sent with two (or more) wrong fields and answers with every message in the focused summary, each field marked
/// <c>aria-invalid</c> and pointing at its message, the title beginning 错误：, and what was typed kept. The public forms
/// first (网站找错, the staff sign-in, a comment on a consultation), then the staff forms most used (document, request
/// registration, organ, policy evaluation).
/// </summary>
public abstract partial class AllErrorsAtOnceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();

    [Fact]
    public async Task The_site_error_form_names_every_problem_and_keeps_the_page_address()
    {
        var reporter = app.Browser();
        var response = await reporter.SubmitAsync("/site-errors", [new("Input.PageUrl", "/guide/XC015"), new("Input.Message", "错"), new("Input.Contact", new string('1', 101))]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await RefusedAsync(response,
            ("Input_Message", "问题描述太短，请至少写5个字，说明哪里有错。"),
            ("Input_Contact", "联系方式不能超过100个字。"));
        Assert.Contains("value=\"/guide/XC015\"", html);
        Assert.DoesNotMatch(FieldTag("Input_PageUrl") + "[^>]*aria-invalid", html);
    }

    [Fact]
    public async Task The_sign_in_form_names_both_missing_fields_and_keeps_the_user_name()
    {
        var person = app.Browser();
        var html = await RefusedAsync(await person.SubmitAsync("/account/login", [new("UserName", ""), new("Password", "")]),
            ("UserName", "请输入用户名。"), ("Password", "请输入密码。"));
        Assert.Contains("id=\"error-summary\"", html);

        var kept = await (await person.SubmitAsync("/account/login", [new("UserName", "zhang.san"), new("Password", "")])).Content.ReadAsStringAsync();
        Assert.Contains("value=\"zhang.san\"", kept);
        Assert.Contains("请输入密码。", kept);
        Assert.DoesNotContain("请输入用户名。", kept);
    }

    [Fact]
    public async Task The_comment_form_names_every_problem_and_keeps_what_was_typed()
    {
        app.Clock.Now = ConsultationInput.Instant(ConsultationKit.Local("2026-04-06 10:00"));
        var c = await app.OpenAsync("关于街巷绿化养护的意见征集", "2026-04-07 09:00", "2026-05-08 17:00");
        app.Clock.Now = ConsultationInput.Instant(ConsultationKit.Local("2026-04-08 10:00"));
        var citizen = app.Browser();
        var page = $"/consultations/{c.Id}/comment";
        var response = await citizen.SubmitAsync(page, [new("Input.Body", "   "), new("Input.Name", new string('张', 101)), new("Input.Contact", "13800138000"),
            new("Input.SubmissionKey", Guid.NewGuid().ToString("N"))]);
        var html = await RefusedAsync(response, ("Input_Body", "请填写意见内容。"), ("Input_Name", "姓名或单位名称不能超过100字。"));
        Assert.Contains("value=\"13800138000\"", html);
        Assert.Empty(await app.CommentsAsync(c.Id));
    }

    [Fact]
    public async Task The_document_form_names_every_problem_and_keeps_what_was_typed()
    {
        var staff = await StaffAsync();
        var organ = await app.OrganAsync("区民政局");
        var response = await staff.SubmitAsync("/admin/documents/edit", [
            new("Input.OrganId", organ.Id.ToString()), new("Input.Title", ""), new("Input.Attribute", "Proactive"),
            new("Input.SubjectCategory", "综合政务\\政务公开"), new("Input.InformationType", "Notice"), new("Input.Summary", "保留的内容概述"),
            new("Input.IndexNumber", new string('9', 65))]);
        var html = await RefusedAsync(response,
            ("Input_Title", "请填写标题。"), ("Input_WrittenOn", "请填写成文日期。"), ("Input_IndexNumber", "索引号不能超过64个字。"));
        Assert.Contains("保留的内容概述", html);
    }

    [Fact]
    public async Task The_request_registration_form_names_the_applicant_and_channel_problems_together()
    {
        var staff = await StaffAsync();
        var organ = await app.OrganAsync("区民政局");
        var response = await staff.SubmitAsync("/admin/requests/new", [
            new("Input.OrganId", organ.Id.ToString()), new("Input.ApplicantType", "NaturalPerson"), new("Input.ApplicantName", "登记的申请人"),
            new("Input.IdDocumentType", "ResidentIdCard"), new("Input.IdNumber", "110102199003070026"), new("Input.Phone", "12"),
            new("Input.InformationWanted", "本区2025年老旧小区改造计划"), new("Input.Form", "Paper"), new("Input.Delivery", "InPerson")]);
        var html = await RefusedAsync(response,
            ("Input_Phone", "联系电话格式不正确，请填写手机号码或带区号的固定电话。"),
            ("Input_Channel", "请选择申请渠道（当面、邮寄、平常信函、传真或口头）。"));
        Assert.Contains("登记的申请人", html);
    }

    [Fact]
    public async Task The_organ_form_names_every_problem_and_keeps_what_was_typed()
    {
        var staff = await StaffAsync();
        var response = await staff.SubmitAsync("/admin/organs/edit", [
            new("Input.Code", "XC 99"), new("Input.ShortName", ""), new("Input.FullName", "北京市西城区测试管理中心"), new("Input.Kind", "Department"),
            new("Input.SortOrder", "1")]);
        var html = await RefusedAsync(response,
            ("Input_Code", "机构代码只能由字母、数字、“-”和“_”组成（用于索引号）。"), ("Input_ShortName", "请填写简称。"));
        Assert.Contains("北京市西城区测试管理中心", html);
    }

    [Fact]
    public async Task The_evaluation_form_names_every_problem_and_keeps_what_was_typed()
    {
        var staff = await StaffAsync();
        var organ = await app.OrganAsync("区民政局");
        var response = await staff.SubmitAsync("/admin/evaluations", [
            new("Input.OrganId", organ.Id.ToString()), new("Input.Year", "1999"), new("Input.PolicyTitle", " "), new("Input.Scope", "全区低保家庭"),
            new("Input.Method", ""), new("Input.Findings", "认定准确。"), new("Input.FollowUp", "加强共享。")]);
        var html = await RefusedAsync(response,
            ("Input_Year", "评价年度应在2023年至"), ("Input_PolicyTitle", "请填写被评价的政策。"), ("Input_Method", "请填写评价方式。"));
        Assert.Contains("全区低保家庭", html);
        Assert.Matches($"<option value=\"{organ.Id}\" selected", html);
    }

    [Fact]
    public async Task The_new_consultation_form_names_every_problem_and_keeps_the_draft()
    {
        var staff = await StaffAsync();
        var organ = await app.OrganAsync("区民政局");
        var response = await staff.SubmitAsync("/admin/consultations/new", [
            new("Input.OrganId", organ.Id.ToString()), new("Input.Kind", "Solicitation"), new("Input.Title", ""), new("Input.ClosesAt", "2026-05-30T17:00"),
            new("Input.DraftText", "第一条 保留的征求意见稿正文。")]);
        var html = await RefusedAsync(response, ("Input_Title", "请填写标题（不超过300字）。"), ("Input_OpensAt", "请填写征集开始时间。"));
        Assert.Contains("第一条 保留的征求意见稿正文。", html);
    }

    private async Task<HttpClient> StaffAsync()
    {
        var staff = app.Browser();
        await staff.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        return staff;
    }

    private static string FieldTag(string id) => $"<(input|select|textarea)\\b[^>]*\\bid=\"{id}\"";

    /// <summary>
    /// The answer is the form again (not a redirect), titled 错误：…, with a summary that takes focus and lists each
    /// message (given as its beginning) linked to its field, and each field marked invalid and described by its message.
    /// </summary>
    private static async Task<string> RefusedAsync(HttpResponseMessage response, params (string Field, string Message)[] errors)
    {
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var html = raw.Text();
        Assert.StartsWith("错误：", WebUtility.HtmlDecode(Title().Match(raw).Groups[1].Value).Trim());
        var summary = Regex.Match(html, "<div class=\"error-summary\" id=\"error-summary\"[^>]*tabindex=\"-1\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(summary.Success, "no focusable error summary in:\n" + html[..Math.Min(html.Length, 3000)]);
        foreach (var (field, message) in errors)
        {
            Assert.Matches($"<a href=\"#{field}\"[^>]*>{Regex.Escape(message)}", summary.Groups[1].Value);
            var tag = Regex.Match(html, FieldTag(field) + "[^>]*>");
            Assert.True(tag.Success, $"no field {field}");
            Assert.Contains("aria-invalid=\"true\"", tag.Value);
            Assert.Matches($"aria-describedby=\"{field}-error", tag.Value);
            Assert.Matches($"id=\"{field}-error\"[^>]*>{Regex.Escape(message)}", html);
        }

        return html;
    }
}

public sealed class AllErrorsAtOnceTests_Sqlite(ClockedSqliteApp app) : AllErrorsAtOnceTests<ClockedSqliteApp>(app);

public sealed class AllErrorsAtOnceTests_Postgres(ClockedPostgresApp app) : AllErrorsAtOnceTests<ClockedPostgresApp>(app);
