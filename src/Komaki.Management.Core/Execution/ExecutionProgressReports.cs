using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Execution;

/// 随時の進捗報告 of a 主要事業: added at any date, never replacing another; the latest is what the plan shows first.
public sealed class ExecutionProgressReports(AppDbContext db, RecordSaver saver) : IUseCase
{
    public Task<List<ExecutionProgressReport>> OfAsync(int planId) =>
        db.ExecutionProgressReports.AsNoTracking().Where(r => r.ExecutionPlanId == planId).OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).ToListAsync();

    /// What the day of a validated form must be for the plan: not in the future, within the plan's year or the month after it.
    public static CommandResult CheckDay(ExecutionPlan plan, ProgressReportForm form, DateOnly today)
    {
        if (ProgressReportForm.Day(form.AsOf) is not DateOnly day) return CommandResult.Ok();
        if (day > today) return CommandResult.Refused(nameof(form.AsOf), "進捗の時点に先の日付は入れられません。");
        var (first, last) = (new DateOnly(plan.FiscalYear, 4, 1), new DateOnly(plan.FiscalYear + 1, 4, 30));
        return day < first || day > last
            ? CommandResult.Refused(nameof(form.AsOf), $"{Wareki.FiscalYear(plan.FiscalYear)}の計画の進捗は、{Wareki.Date(first)}から{Wareki.Date(last)}までの日付で報告します。")
            : CommandResult.Ok();
    }

    /// Refused beside its fields: the form's own rules (ProgressReportFormValidator) and the day against the plan.
    public async Task<CommandResult> AddAsync(ExecutionPlan plan, ProgressReportForm form, string byName, DateTime at, DateOnly today)
    {
        var result = CommandResult.Refused(ProgressReportForm.Problems(form).Concat(CheckDay(plan, form, today).Errors));
        if (!result.Succeeded) return result;
        db.ExecutionProgressReports.Add(new ExecutionProgressReport
        {
            ExecutionPlanId = plan.Id, AsOf = ProgressReportForm.Day(form.AsOf)!.Value, ReportStatus = form.ReportStatus!.Value, ReportText = form.ReportText!.Trim(),
            ReportedBy = byName, ReportedAt = at,
        });
        return await saver.SaveAsync();
    }
}
