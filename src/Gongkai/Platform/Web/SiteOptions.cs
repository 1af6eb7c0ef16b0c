namespace Gongkai.Platform.Web;

/// <summary>The site's identity shown in the header, footer and page metadata (configuration section "Site").</summary>
public sealed class SiteOptions
{
    public string District { get; set; } = "北京市西城区人民政府";
    public string Organiser { get; set; } = "北京市西城区人民政府办公室";
    public string Operator { get; set; } = "西城区政务公开办公室";
    public string Address { get; set; } = "";
    public string SiteIdCode { get; set; } = "";
    public string Icp { get; set; } = "";
}
