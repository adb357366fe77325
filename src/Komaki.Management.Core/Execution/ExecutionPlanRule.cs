using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Execution;

/// 主要事業実行計画: every staff member reads it; its unit head and planning plan it (PlanAccess.CanEditUnitRecord);
/// the unit's staff report its progress as well (PlanAccess.CanEnterIndicatorValues). A plan not yet made is asked
/// about as a new plan of the project's unit.
public sealed class ExecutionPlanRule : IRecordRule<ExecutionPlan>
{
    /// 進捗: the mid-year and year-end progress and the reports between.
    public const string ReportProgress = nameof(ReportProgress);

    public Task<string?> RefusalAsync(RuleAsker asker, ExecutionPlan record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => PlanAccess.CanEditUnitRecord(asker.Actor, record.OwnerUnitId, asker.Org) ? null : "実行計画を作れるのは、その事業の担当部課の長と企画課です。",
        ReportProgress => PlanAccess.CanEnterIndicatorValues(asker.Actor, record.OwnerUnitId, asker.Org) ? null : "進捗を報告できるのは、その事業の担当課の職員と企画課です。",
        _ => RecordOperation.Unknown(operation),
    });
}
