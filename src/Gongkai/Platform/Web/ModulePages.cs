using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Web;

/// <summary>
/// Pages live in their module's folder (<c>Requests/Pages/…</c>, <c>Plans/Pages/…</c>; docs/ARCHITECTURE.md "One room per
/// capability"): the Razor Pages root is the whole project, and each page names its URL in its <c>@page "/…"</c> directive,
/// so moving a file never moves a URL. Who may open a page follows from that URL: everything under <c>/admin</c> and the
/// staff account pages need a signed-in member of staff. Shared partials (layout, pager, messages) are in
/// <c>Platform/Pages/Shared</c>; a module's own partials sit in its <c>Pages</c> folder, found by walking up from the page.
/// </summary>
public static class ModulePages
{
    /// <summary>URLs outside /admin that still need a signed-in member of staff.</summary>
    private static readonly string[] StaffAccountPages = ["account/password", "account/two-factor"];

    public static IMvcBuilder AddModulePages(this IServiceCollection services, string staffPolicy) =>
        services
            .Configure<RazorViewEngineOptions>(o =>
            {
                o.PageViewLocationFormats.Add("/Platform/Pages/Shared/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Platform/Pages/Shared/{0}" + RazorViewEngine.ViewExtension);
            })
            .AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.Add(new AbsoluteRoutes());
                o.Conventions.Add(new StaffPages(staffPolicy));
            });

    /// <summary>Whether a page at this route template (no leading slash) is for staff only.</summary>
    public static bool IsStaffRoute(string template) =>
        template.Equals("admin", StringComparison.OrdinalIgnoreCase)
        || template.StartsWith("admin/", StringComparison.OrdinalIgnoreCase)
        || StaffAccountPages.Contains(template, StringComparer.OrdinalIgnoreCase);

    /// <summary>A page without <c>@page "/…"</c> would get a URL from its folder: refused when the application starts.</summary>
    private sealed class AbsoluteRoutes : IPageRouteModelConvention
    {
        public void Apply(PageRouteModel model)
        {
            // By now a route from @page "/…" has lost its slash; a route made from the file's folder starts with that folder.
            var folder = model.ViewEnginePath[..model.ViewEnginePath.LastIndexOf('/')].TrimStart('/');
            foreach (var selector in model.Selectors)
            {
                var template = selector.AttributeRouteModel?.Template ?? "";
                if (folder.Length == 0
                    || template.Equals(folder, StringComparison.OrdinalIgnoreCase)
                    || template.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException(
                        $"页面 {model.RelativePath} 必须以 @page \"/…\" 写明自己的网址（docs/ARCHITECTURE.md §One room per capability）。");
                }
            }
        }
    }

    private sealed class StaffPages(string policy) : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            var template = model.ActionDescriptor.AttributeRouteInfo?.Template ?? "";
            if (IsStaffRoute(template.TrimStart('/')))
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
            }
        }
    }
}
