using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gongkai.Platform.Pages.Admin.Organs;

public sealed class EditModel(GongkaiDb db, StaffAccess access, SaveOrgan save, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public OrganInput Input { get; set; } = new();

    public List<Organ> Parents { get; private set; } = [];
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var (organ, role) = await LoadAsync(id, ct);
        if (role is null)
        {
            return NotFound();
        }

        if (organ is not null)
        {
            Input = new OrganInput
            {
                Code = organ.Code,
                ShortName = organ.ShortName,
                FullName = organ.FullName,
                EnglishName = organ.EnglishName,
                Aliases = string.Join("、", organ.Aliases.Select(a => a.Name)),
                Kind = organ.Kind,
                ParentId = organ.ParentId,
                ReceivesRequests = organ.ReceivesRequests,
                IsActive = organ.IsActive,
                SortOrder = organ.SortOrder,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var (organ, role) = await LoadAsync(id, ct);
        if (role is null)
        {
            return NotFound();
        }

        var ok = await this.TryAsync(async () =>
        {
            if (organ is null)
            {
                organ = await save.CreateAsync(Input, role, ct);
            }
            else
            {
                await save.UpdateAsync(organ, Input, role, ct);
            }
        });
        if (!ok)
        {
            return Page();
        }

        TempData["Message"] = string.Format(L["已保存机构“{0}”。"], organ!.FullName);
        return Redirect("/admin/organs");
    }

    /// <summary>The organ (null when creating) and the role that allows the change; a null role means 404.</summary>
    private async Task<(Organ? Organ, StaffRole? Role)> LoadAsync(Guid? id, CancellationToken ct)
    {
        Parents = await db.Organs.AsNoTracking().OrderBy(o => o.SortOrder).ToListAsync(ct);
        if (id is null)
        {
            IsNew = true;
            return (null, await access.DistrictRoleAsync(OrganLabels.Creators));
        }

        var organ = await db.Organs.Include(o => o.Aliases).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organ is null)
        {
            return (null, null);
        }

        Parents.RemoveAll(p => p.Id == organ.Id);
        return (organ, await access.RoleForAsync(organ.Id, OrganLabels.Viewers));
    }
}
