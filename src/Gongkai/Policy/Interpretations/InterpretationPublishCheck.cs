using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Interpretations;

/// <summary>
/// 三同步 at publication: a policy flagged as needing an interpretation is published only with one prepared and linked,
/// or with the reviewer's recorded reason why none is needed.
/// </summary>
internal sealed class InterpretationPublishCheck(GongkaiDb db) : IPublishCheck
{
    public async Task CheckAsync(GovDocument doc, CancellationToken ct)
    {
        var req = await db.Set<InterpretationRequirement>().AsNoTracking().FirstOrDefaultAsync(r => r.DocumentId == doc.Id, ct);
        if (req is null || req.WaiverReason is not null)
        {
            return;
        }

        var live = db.Set<Interpretation>().Where(i => i.Status != InterpretationStatus.Withdrawn).Select(i => i.Id);
        if (!await db.Set<InterpretedPolicy>().AnyAsync(p => p.DocumentId == doc.Id && live.Contains(p.InterpretationId), ct))
        {
            throw new ValidationFailure("该政策文件需要同步解读（三同步）：请先起草政策解读并关联本文件，或由审核人记录不需要解读的理由后再发布。", "Interpretation");
        }
    }
}

/// <summary>What a public document page links to from this module: its interpretations and the consultation it came from.</summary>
internal sealed class PolicyDocumentRelations(GongkaiDb db) : IDocumentRelations
{
    public async Task<IReadOnlyList<RelatedLink>> ForAsync(Guid documentId, CancellationToken ct)
    {
        var interpretations = await db.Set<InterpretedPolicy>().Where(p => p.DocumentId == documentId)
            .Join(db.Set<Interpretation>().Where(i => i.Status == InterpretationStatus.Published), p => p.InterpretationId, i => i.Id, (p, i) => new { i.Id, i.Title, i.Form })
            .ToListAsync(ct);
        var consultations = await db.Set<Consultations.Consultation>().Where(c => c.DecisionDocumentId == documentId && c.AnnouncedAt != null)
            .Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        return
        [
            .. interpretations.Select(i => new RelatedLink("政策解读（" + i.Form.Label() + "）", i.Title, $"/interpretations/{i.Id}")),
            .. consultations.Select(c => new RelatedLink("意见征集", c.Title, $"/consultations/{c.Id}")),
        ];
    }
}
