using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Budgets;

/// Reads of the budget-line form: the project, its line of a year and the plan's cost for it.
public sealed class BudgetPages(AppDbContext db) : IUseCase
{
    public Task<Project?> ProjectAsync(int projectId) => db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId);

    public Task<BudgetLine?> LineAsync(int projectId, int year) =>
        db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(b => b.ProjectId == projectId && b.FiscalYear == year);

    /// The year's projects with plan cost and budget figures (cache by BudgetData.Areas).
    public async Task<(string? EditionTitle, List<BudgetRow> Rows)> YearAsync(int year)
    {
        var edition = await BudgetData.PlanEditionForAsync(db, year);
        return (edition?.Title, await BudgetData.LoadAsync(db, year, edition?.Id));
    }

    /// The cost the implementation plan gives the project for the year, from the edition that plans it.
    public async Task<long?> PlanCostAsync(int projectId, int year) =>
        await BudgetData.PlanEditionForAsync(db, year) is { } edition
            ? await db.ImplementationPlanLines.Where(l => l.ImplementationPlanId == edition.Id && l.ProjectId == projectId && l.FiscalYear == year)
                .Select(l => (long?)l.Cost).FirstOrDefaultAsync()
            : null;

    public static BudgetForm FormOf(BudgetLine? line) => new()
    {
        Version = line?.Version ?? 0,
        Requested = Amounts.Thousands(line?.Requested), Assessed = Amounts.Thousands(line?.Assessed), Initial = Amounts.Thousands(line?.Initial),
        Supplementary = Amounts.Thousands(line?.Supplementary), Settled = Amounts.Thousands(line?.Settled),
    };
}

/// Saving one project's budget line of a year from its form.
public sealed class BudgetCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public const string FromFormulationNote = "この年度は予算編成で要求と査定を扱うため、要求額と査定額は予算編成の各段階（要求・査定）で記録された額が入ります。ここでは変更できません。";
    public const string RequestedFromFormulation = "要求額は予算編成の「要求」で提出された額です。ここでは変更できません（予算編成の画面で扱います）。";
    public const string AssessedFromFormulation = "査定額は予算編成の査定で確定した額です。ここでは変更できません（予算編成の画面で扱います）。";

    /// Whether a form changes a stage after the request (査定・当初・補正・決算): who may is BudgetLineRule.EnterLaterStages.
    public static bool ChangesLaterStages(BudgetForm form, BudgetLine? line) =>
        Yen(form.Assessed) != line?.Assessed || Yen(form.Initial) != line?.Initial
            || Yen(form.Supplementary) != line?.Supplementary || Yen(form.Settled) != line?.Settled;

    /// Saves a validated form. Once the year's 予算編成 has a submitted request for the project, 要求額 and 査定額 come
    /// from its stages: a form that changes them is refused beside the field. RecordId is null when there was nothing to save.
    public async Task<CommandResult> SaveAsync(int projectId, int year, BudgetForm form, bool stagesFromFormulation)
    {
        var line = await db.BudgetLines.FirstOrDefaultAsync(b => b.ProjectId == projectId && b.FiscalYear == year);
        var (requested, assessed, initial, supplementary, settled) = (Yen(form.Requested), Yen(form.Assessed), Yen(form.Initial), Yen(form.Supplementary), Yen(form.Settled));
        if (stagesFromFormulation)
        {
            var refused = new CommandResult();
            if (requested != line?.Requested) refused.Add(nameof(form.Requested), RequestedFromFormulation);
            if (assessed != line?.Assessed) refused.Add(nameof(form.Assessed), AssessedFromFormulation);
            if (!refused.Succeeded) return refused;
        }
        if (line is null && requested is null && assessed is null && initial is null && supplementary is null && settled is null) return CommandResult.Ok();
        if (line is null)
        {
            line = new BudgetLine { ProjectId = projectId, FiscalYear = year };
            db.BudgetLines.Add(line);
        }
        (line.Requested, line.Assessed, line.Initial, line.Supplementary, line.Settled) = (requested, assessed, initial, supplementary, settled);
        var saved = await saver.SaveEditsAsync([(line, line.Id == 0 ? 0 : form.Version)], line.AuditTarget);
        return saved.Succeeded ? saved.WithRecord(line.Id) : saved;
    }

    private static long? Yen(string? text) => BudgetFormValidator.Yen(text);
}
