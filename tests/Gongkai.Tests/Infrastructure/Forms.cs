using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Tests.Infrastructure;

/// <summary>Fills in server-rendered forms the way a browser does: GET the page, keep its antiforgery token, POST.</summary>
public static partial class Forms
{
    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    public static async Task<string> CsrfTokenAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var match = CsrfField().Match(html);
        Assert.True(match.Success, $"no antiforgery field on {pageUrl}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>POSTs a form found on <paramref name="pageUrl"/> to <paramref name="action"/> (default: the page itself).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var token = await client.CsrfTokenAsync(pageUrl);
        var content = new FormUrlEncodedContent(fields.Append(new("__csrf", token)));
        return await client.PostAsync(action ?? pageUrl, content);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password)
    {
        var response = await client.SubmitAsync("/account/login", [new("UserName", userName), new("Password", password)]);
        return response;
    }

    public static async Task SignInOkAsync(this HttpClient client, string userName, string password)
    {
        var response = await client.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static string Text(this string html) => WebUtility.HtmlDecode(html);
}
