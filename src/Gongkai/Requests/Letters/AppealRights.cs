using Gongkai.Platform.Organisation;

namespace Gongkai.Requests.Letters;

/// <summary>
/// The bodies named in the appeal-rights sentence of every reply (configuration section “Letters”). 行政复议法 (2023)
/// Art. 20 and Art. 24: 60 days, before the government at the level above a department (区人民政府), or the city
/// government for the district government itself; 行政诉讼法 Art. 46: six months, before the competent people's court
/// (Art. 14–15: a basic court for a department, an intermediate court for the district government). Which court has
/// jurisdiction is set locally (Beijing concentrates some administrative cases), so the names are configurable.
/// </summary>
public sealed class AppealRightsOptions
{
    public string ReconsiderationBody { get; set; } = "北京市西城区人民政府";
    public string Court { get; set; } = "北京市西城区人民法院";
    public string DistrictGovernmentReconsiderationBody { get; set; } = "北京市人民政府";
    public string DistrictGovernmentCourt { get; set; } = "北京市第四中级人民法院";

    public string Sentence(OrganKind organ)
    {
        var government = organ == OrganKind.DistrictGovernment;
        return $"如对本告知不服，可以自收到本告知书之日起六十日内向{(government ? DistrictGovernmentReconsiderationBody : ReconsiderationBody)}申请行政复议，"
            + $"或者自收到本告知书之日起六个月内向{(government ? DistrictGovernmentCourt : Court)}提起行政诉讼。";
    }
}
