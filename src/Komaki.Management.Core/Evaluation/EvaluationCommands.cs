namespace Komaki.Management.Core.Evaluation;

public sealed record EvaluationRow(int ProjectId, string Code, string Name, int OwnerUnitId, ProjectEvaluation? Evaluation, bool CanOpen);

/// The year's projects with their evaluations as one reader may open them, and the counts the list shows.
public sealed record EvaluationYear(
    IReadOnlyList<(EvaluationRow Row, int MeasureId)> All, IReadOnlyDictionary<Direction, int> DirectionCounts,
    IReadOnlyDictionary<EvaluationState, int> StateCounts, int NotStarted);

/// 事務事業評価: the year's list, starting a sheet, saving the department's entry and taking a review step.
public sealed class EvaluationCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    /// Every project running in the year or evaluated for it; directions are counted over what the reader may open.
    public async Task<EvaluationYear> YearAsync(int year, Actor actor, OrgTree org)
    {
        var evaluations = await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == year).ToDictionaryAsync(e => e.ProjectId);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.StartYear <= year && (p.EndYear == null || p.EndYear >= year) || evaluations.Keys.Contains(p.Id))
            .OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name, p.OwnerUnitId, p.MeasureId }).ToListAsync();
        var all = projects.Select(p =>
        {
            evaluations.TryGetValue(p.Id, out var e);
            var canOpen = e is null || EvaluationAccess.CanRead(actor, e, org);
            return (new EvaluationRow(p.Id, p.Code, p.Name, e?.OwnerUnitId ?? p.OwnerUnitId, e, canOpen), p.MeasureId);
        }).ToList();
        var directionCounts = all.Where(x => x.Item1.CanOpen && x.Item1.Evaluation?.FinalDirection is not null && x.Item1.Evaluation.State != EvaluationState.Draft)
            .GroupBy(x => x.Item1.Evaluation!.FinalDirection!.Value).ToDictionary(g => g.Key, g => g.Count());
        var stateCounts = all.Where(x => x.Item1.Evaluation is not null).GroupBy(x => x.Item1.Evaluation!.State).ToDictionary(g => g.Key, g => g.Count());
        return new EvaluationYear(all, directionCounts, stateCounts, all.Count(x => x.Item1.Evaluation is null));
    }

    /// A new sheet for the project and year, unless one exists; 目的・手段 start as last year's sheet said them.
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
        Necessity = e.Necessity, NecessityReason = e.NecessityReason, Effectiveness = e.Effectiveness, EffectivenessReason = e.EffectivenessReason,
        Efficiency = e.Efficiency, EfficiencyReason = e.EfficiencyReason, Equity = e.Equity, EquityReason = e.EquityReason,
        FirstDirection = e.FirstDirection, Improvement = e.Improvement,
        PurposeTarget = e.PurposeTarget, PurposeIntent = e.PurposeIntent, Means = e.Means,
    };

    /// Saves the department's entry (the form has passed EvaluationFormValidator).
    public Task<CommandResult> EditAsync(ProjectEvaluation e, EvaluationForm form)
    {
        e.StaffPersonYears = NumberText.TryParse(form.StaffPersonYears, out var personYears) ? personYears ?? 0 : 0;
        (e.Necessity, e.NecessityReason) = (form.Necessity, Trim(form.NecessityReason));
        (e.Effectiveness, e.EffectivenessReason) = (form.Effectiveness, Trim(form.EffectivenessReason));
        (e.Efficiency, e.EfficiencyReason) = (form.Efficiency, Trim(form.EfficiencyReason));
        (e.Equity, e.EquityReason) = (form.Equity, Trim(form.EquityReason));
        (e.FirstDirection, e.Improvement) = (form.FirstDirection, Trim(form.Improvement));
        (e.PurposeTarget, e.PurposeIntent, e.Means) = (Trim(form.PurposeTarget), Trim(form.PurposeIntent), Trim(form.Means));
        return saver.SaveEditAsync(e, form.Version, e.AuditTarget);
    }

    /// A review step after EvaluationSteps found nothing to refuse; the second review opens the improvement its
    /// direction promises (anything but 維持), followed until a plan or budget answers it.
    public async Task<CommandResult> TakeStepAsync(ProjectEvaluation e, EvaluationStep step, StepInput input, IReadOnlyList<EvaluationFinding> findings,
        int version, string displayName, DateTime now, DirectionCatalog directions)
    {
        EvaluationSteps.Take(e, step, input, findings, displayName, now);
        if (step == EvaluationStep.SecondReview && ImprovementLabels.OpenedBy(e, now, directions) is { } action
            && !await db.ImprovementActions.AnyAsync(a => a.ProjectEvaluationId == e.Id))
            db.ImprovementActions.Add(action);
        return await saver.SaveEditAsync(e, version, e.AuditTarget);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
