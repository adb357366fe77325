using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// 事務事業評価: starting a sheet, saving the department's entry and taking a review step.
public sealed class EvaluationCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    /// A new sheet for the project and year, unless one exists; 目的・手段 start as last year's sheet said them.
    /// The evaluation to edit or take a step on, tracked so the change saves it.
    public Task<ProjectEvaluation?> ToChangeAsync(int projectId, int year) =>
        db.ProjectEvaluations.FirstOrDefaultAsync(x => x.ProjectId == projectId && x.FiscalYear == year);

    /// Starts the year's sheet unless the project has one; whether it was started now.
    public async Task<bool> StartIfMissingAsync(Project project, int year, long staffCostPerPersonYear)
    {
        if (await db.ProjectEvaluations.AnyAsync(e => e.ProjectId == project.Id && e.FiscalYear == year)) return false;
        await StartAsync(project, year, staffCostPerPersonYear);
        return true;
    }

    public async Task StartAsync(Project project, int year, long staffCostPerPersonYear)
    {
        if (await db.ProjectEvaluations.AnyAsync(e => e.ProjectId == project.Id && e.FiscalYear == year)) return;
        var settled = await db.BudgetLines.Where(b => b.ProjectId == project.Id && b.FiscalYear == year).Select(b => b.Settled).FirstOrDefaultAsync();
        var last = await db.ProjectEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ProjectId == project.Id && e.FiscalYear == year - 1);
        db.ProjectEvaluations.Add(new ProjectEvaluation
        {
            ProjectId = project.Id, FiscalYear = year, OwnerUnitId = project.OwnerUnitId, SettledCost = settled,
            StaffCostPerPersonYear = staffCostPerPersonYear, StaffPersonYears = last?.StaffPersonYears ?? 0,
            PurposeTarget = last?.PurposeTarget, PurposeIntent = last?.PurposeIntent, Means = last?.Means ?? project.Description,
        });
        await saver.SaveAsync();
    }

    public static EvaluationForm FormOf(ProjectEvaluation e) => new()
    {
        Version = e.Version, StaffPersonYears = NumberText.Format(e.StaffPersonYears),
        ReappointedPersonYears = NumberText.Format(e.ReappointedPersonYears), FiscalYearPersonYears = NumberText.Format(e.FiscalYearPersonYears),
        Necessity = e.Necessity, NecessityReason = e.NecessityReason, Effectiveness = e.Effectiveness, EffectivenessReason = e.EffectivenessReason,
        Efficiency = e.Efficiency, EfficiencyReason = e.EfficiencyReason, Equity = e.Equity, EquityReason = e.EquityReason,
        FirstDirection = e.FirstDirection, Improvement = e.Improvement,
        PurposeTarget = e.PurposeTarget, PurposeIntent = e.PurposeIntent, Means = e.Means,
    };

    /// Saves the department's entry (the form has passed EvaluationFormValidator).
    public Task<CommandResult> EditAsync(ProjectEvaluation e, EvaluationForm form)
    {
        e.StaffPersonYears = NumberText.TryParse(form.StaffPersonYears, out var personYears) ? personYears ?? 0 : 0;
        // Both blank: the division did not break the 人工 down; one given: the other blank reads as none of that kind.
        var hasBreakdown = !string.IsNullOrWhiteSpace(form.ReappointedPersonYears) || !string.IsNullOrWhiteSpace(form.FiscalYearPersonYears);
        e.ReappointedPersonYears = !hasBreakdown ? null : NumberText.TryParse(form.ReappointedPersonYears, out var re) ? re ?? 0 : 0;
        e.FiscalYearPersonYears = !hasBreakdown ? null : NumberText.TryParse(form.FiscalYearPersonYears, out var fy) ? fy ?? 0 : 0;
        (e.Necessity, e.NecessityReason) = (form.Necessity, Trim(form.NecessityReason));
        (e.Effectiveness, e.EffectivenessReason) = (form.Effectiveness, Trim(form.EffectivenessReason));
        (e.Efficiency, e.EfficiencyReason) = (form.Efficiency, Trim(form.EfficiencyReason));
        (e.Equity, e.EquityReason) = (form.Equity, Trim(form.EquityReason));
        (e.FirstDirection, e.Improvement) = (form.FirstDirection, Trim(form.Improvement));
        (e.PurposeTarget, e.PurposeIntent, e.Means) = (Trim(form.PurposeTarget), Trim(form.PurposeIntent), Trim(form.Means));
        return saver.SaveEditAsync(e, form.Version, e.AuditTarget);
    }

    /// A review step after EvaluationSteps found nothing to refuse; the second review opens the improvement its
    /// direction promises (anything but 維持), followed until a plan or budget answers it; publication keeps the sheet
    /// as it reads that day (PublishedSheet).
    public async Task<CommandResult> TakeStepAsync(ProjectEvaluation e, EvaluationStep step, StepInput input, IReadOnlyList<EvaluationFinding> findings,
        int version, string displayName, DateTime now, DirectionCatalog directions)
    {
        EvaluationSteps.Take(e, step, input, findings, displayName, now);
        if (step == EvaluationStep.Publish) e.PublishedSheet = (await Evaluation.PublishedSheet.TakeAsync(db, [e], now))[e.Id].ToJson();
        if (step == EvaluationStep.SecondReview && ImprovementLabels.OpenedBy(e, now, directions) is { } action
            && !await db.ImprovementActions.AnyAsync(a => a.ProjectEvaluationId == e.Id))
            db.ImprovementActions.Add(action);
        return await saver.SaveEditAsync(e, version, e.AuditTarget);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
