using Microsoft.Extensions.Localization;

namespace Gongkai.Platform.Web;

/// <summary>
/// What the English pages say about the district (configuration section "Site:English"; the demo fills it in
/// appsettings.json). Content, not interface text: interface text is in Resources/SharedResource.en.resx.
/// </summary>
public sealed class EnglishSiteOptions
{
    /// <summary>The district government's English name; blank means the English resource for <see cref="SiteOptions.District"/>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Paragraphs of the "About the district" page, in English.</summary>
    public string[] About { get; set; } = [];

    public string NameOr(SiteOptions site, IStringLocalizer localizer) =>
        Name.Trim().Length > 0 ? Name.Trim() : localizer[site.District].Value;
}
