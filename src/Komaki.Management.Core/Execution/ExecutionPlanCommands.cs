using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Execution;

/// Writing a project's execution plan of a year and the department's progress on it. The forms have passed their validators.
public sealed class ExecutionPlanCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public const string UnitNotValid = "この年度の組織から担当課を選んでください。";

    /// The unit responsible must exist in the plan's year.
    public static CommandResult CheckUnit(ExecutionPlanForm form, int year, OrgTree org) =>
        org.Find(form.OwnerUnitId) is { } unit && unit.IsValidIn(year) ? CommandResult.Ok() : CommandResult.Refused(nameof(form.OwnerUnitId), UnitNotValid);

    /// Writes the project's plan of the year: the tracked plan (ExecutionPlanPages.PlanAsync with tracking), or a new
    /// one when the project has none yet. Refused beside the fields for a unit not valid in the year, a text longer
    /// than its column or a plan saved by someone else since the form was opened.
    public async Task<CommandResult> SaveAsync(ExecutionPlan? plan, int year, int projectId, ExecutionPlanForm form, OrgTree org)
    {
        var refused = CheckUnit(form, year, org);
        if (!refused.Succeeded) return refused;
        if (plan is null)
        {
            plan = new ExecutionPlan { FiscalYear = year, ProjectId = projectId };
            db.ExecutionPlans.Add(plan);
        }
        plan.OwnerUnitId = form.OwnerUnitId;
        plan.Goal = form.Goal!.Trim();
        plan.Content = (form.Content ?? "").Trim();
        foreach (var month in ExecutionPlan.Months) plan.SetWork(month, form.Months.FirstOrDefault(m => m.Month == month)?.Work);
        var saved = await saver.SaveEditsAsync([(plan, plan.Id == 0 ? 0 : form.Version)], plan.AuditTarget);
        return saved.Succeeded ? saved.WithRecord(plan.Id) : saved;
    }

    /// Writes the mid-year and year-end progress of a tracked plan (ExecutionPlanPages.PlanAsync with tracking).
    public Task<CommandResult> SaveProgressAsync(ExecutionPlan plan, ProgressForm form)
    {
        plan.MidYearStatus = form.MidYearStatus;
        plan.MidYearProgress = string.IsNullOrWhiteSpace(form.MidYearProgress) ? null : form.MidYearProgress.Trim();
        plan.YearEndStatus = form.YearEndStatus;
        plan.YearEndProgress = string.IsNullOrWhiteSpace(form.YearEndProgress) ? null : form.YearEndProgress.Trim();
        return saver.SaveEditAsync(plan, form.Version, plan.AuditTarget);
    }
}
