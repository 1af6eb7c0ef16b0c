using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;

namespace Gongkai.Requests.Applicants;

/// <summary>The applicant's personal data in clear.</summary>
public sealed record ApplicantDetails(string IdNumber, string Phone, string? Address, string? Email);

/// <summary>
/// A handler opens the applicant's personal data. Every such view is audited (issue 4 “Security”): who, when, which
/// request, from where; the audit summary itself holds no personal data.
/// </summary>
public sealed class ViewApplicant(GongkaiDb db, AuditLog audit, StaffAccess access, ApplicantProtector protector)
{
    public async Task<ApplicantDetails> HandleAsync(DisclosureRequest request, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "查看申请人信息：", RequestAccess.Records);
        audit.Record(RequestAuditActions.ApplicantView, "DisclosureRequest", request.Id.ToString(), $"查看申请{request.TrackingNumber}的申请人身份证明和联系方式", request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return new(protector.Unprotect(request.IdNumberProtected)!, protector.Unprotect(request.PhoneProtected)!,
            protector.Unprotect(request.AddressProtected), protector.Unprotect(request.EmailProtected));
    }

    /// <summary>The masked form shown by default.</summary>
    public ApplicantDetails Masked(DisclosureRequest request) => new(
        ApplicantMask.IdNumber(protector.Unprotect(request.IdNumberProtected)),
        ApplicantMask.Phone(protector.Unprotect(request.PhoneProtected)),
        ApplicantMask.Address(protector.Unprotect(request.AddressProtected)),
        ApplicantMask.Email(protector.Unprotect(request.EmailProtected)));
}
