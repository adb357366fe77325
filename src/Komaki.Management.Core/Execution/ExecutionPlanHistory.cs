using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Execution;

/// A 主要事業実行計画 with its months and progress reports (filed under the plan): every staff member reads it.
public sealed class ExecutionPlanHistory(AppDbContext db) : HistoryKind<ExecutionPlan>(typeof(ExecutionPlanMonth), typeof(ExecutionProgressReport))
{
    public override Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) => HistoryOpening.ByIdAsync(recordId,
        id => db.ExecutionPlans.Where(e => e.Id == id).Select(e => new { e.FiscalYear, e.ProjectId, e.Project!.Code, e.Project.Name }).FirstOrDefaultAsync(),
        e => HistoryOpening.Read($"{e.Code} {e.Name} {Wareki.FiscalYear(e.FiscalYear)} 主要事業実行計画",
            new("ExecutionPlans", "Details", new { year = e.FiscalYear, projectId = e.ProjectId })));
}
