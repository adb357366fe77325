using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Evaluation;

/// 施策評価: every staff member reads it; the measure's owning division head (or a head above it) and planning assess
/// the measure (PlanAccess.CanEditUnitRecord).
public sealed class MeasureEvaluationRule(AppDbContext db) : IRecordRule<MeasureEvaluation>
{
    public async Task<string?> RefusalAsync(RuleAsker asker, MeasureEvaluation record, string operation)
    {
        switch (operation)
        {
            case RecordOperation.Read:
                return null;
            case RecordOperation.Edit:
                var owner = record.Measure?.OwnerUnitId
                    ?? await db.Measures.AsNoTracking().Where(m => m.Id == record.MeasureId).Select(m => m.OwnerUnitId).FirstOrDefaultAsync();
                return PlanAccess.CanEditUnitRecord(asker.Actor, owner, asker.Org) ? null : "施策評価を入力できるのは、その施策の担当部課の長と企画課です。";
            default:
                return RecordOperation.Unknown(operation);
        }
    }
}
