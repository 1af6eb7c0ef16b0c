using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Platform.Web;

/// <summary>
/// Turns a clerk's mistake into a clear message: ProblemDetails on the API, the error page elsewhere. A database or
/// disk outage (see <see cref="InfrastructureFailure"/>) is answered 503 with Retry-After and says nothing was saved.
/// </summary>
internal static class ErrorHandling
{
    public static void UseGongkaiErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A clerk's mistake is answered, not logged: it is not a fault, and its message may echo what they typed.
            SuppressDiagnosticsCallback = context => IsExpected(context.Exception),
            StatusCodeSelector = ex => ex switch
            {
                ValidationFailure or CalendarRangeException or BadHttpRequestException => StatusCodes.Status400BadRequest,
                ForbiddenAction => StatusCodes.Status403Forbidden,
                Staff.StaffNotFound => StatusCodes.Status404NotFound,
                _ when EditConflict.Is(ex) => StatusCodes.Status409Conflict,
                _ when InfrastructureFailure.Is(ex) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            ExceptionHandler = async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var problem = ToProblem(error);
                context.Response.StatusCode = problem.Status ?? 500;
                if (problem.Status == StatusCodes.Status503ServiceUnavailable)
                {
                    context.Response.Headers.RetryAfter = InfrastructureFailure.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(problem).ExecuteAsync(context);
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    $"<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>{problem.Title}</title>" +
                    $"<link rel=\"stylesheet\" href=\"/css/site.css\"><main class=\"container\"><h1>{problem.Title}</h1>" +
                    $"<p>{System.Net.WebUtility.HtmlEncode(problem.Detail)}</p><p><a href=\"/\">返回首页</a></p></main></html>");
            },
        });
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            if (context.Request.Path.StartsWithSegments("/api") && context.Response.ContentLength is null && !context.Response.HasStarted)
            {
                var title = context.Response.StatusCode switch
                {
                    401 => "需要接口令牌",
                    403 => "无权执行此操作",
                    404 => "未找到",
                    429 => "请求过于频繁",
                    _ => "请求失败",
                };
                await Results.Problem(statusCode: context.Response.StatusCode, title: title).ExecuteAsync(context);
            }
            else if (context.Response.StatusCode == 404 && context.Response.ContentLength is null && !context.Response.HasStarted
                && HttpMethods.IsGet(context.Request.Method))
            {
                // A page or file that is not there (or not public, such as a withdrawn document): say so in Chinese.
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>未找到 - 政务公开</title>" +
                    "<link rel=\"stylesheet\" href=\"/css/site.css\"><main class=\"container\"><h1>未找到您要访问的页面</h1>" +
                    "<p>该页面不存在，或者相关信息已撤回、尚未公开。</p>" +
                    "<p><a href=\"/search\">搜索政府信息</a>　<a href=\"/catalogue\">政府信息公开目录</a>　<a href=\"/\">返回首页</a></p></main></html>");
            }
        });
    }

    private static bool IsExpected(Exception error) =>
        error is ValidationFailure or CalendarRangeException or ForbiddenAction or Staff.StaffNotFound or BadHttpRequestException || EditConflict.Is(error);

    public static ProblemDetails ToProblem(Exception? error) => error switch
    {
        ValidationFailure v => new ProblemDetails
        {
            Status = 400,
            Title = "输入有误",
            Detail = v.Message,
            Extensions =
            {
                ["field"] = v.Field,
                ["errors"] = v.Errors.Select(e => new { field = e.Field, message = e.Message }).ToList(),
            },
        },
        ForbiddenAction f => new ProblemDetails { Status = 403, Title = "无权执行此操作", Detail = f.Message },
        Staff.StaffNotFound n => new ProblemDetails { Status = 404, Title = "未找到该账号", Detail = n.Message },
        CalendarRangeException c => new ProblemDetails { Status = 400, Title = "无法计算工作日", Detail = c.Message },
        BadHttpRequestException b => new ProblemDetails { Status = 400, Title = "请求格式不正确", Detail = b.Message },
        // A lost edit race (stale version, or the same next number taken by another editor): nothing was saved.
        _ when EditConflict.Is(error) => new ProblemDetails { Status = 409, Title = "已被他人修改", Detail = EditConflict.Text },
        _ when InfrastructureFailure.Is(error) => new ProblemDetails { Status = 503, Title = InfrastructureFailure.Title, Detail = InfrastructureFailure.Detail },
        _ => new ProblemDetails { Status = 500, Title = "系统出错", Detail = "处理请求时发生错误，已记录，请稍后重试。" },
    };
}
