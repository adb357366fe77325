using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Cycle;

/// 対応待ち of the cycle's stages, whose due dates are the cycle calendar's (CycleDeadline): a unit's plan lines,
/// budget requests, evaluations and 主要事業 progress, and the goals waiting for the person (WorkList). The features
/// behind them cannot name the calendar themselves — the cycle counts them. The indicator actuals are apart
/// (CycleActualsWork), so the values saved all through the busy season do not make this part be read again.
public sealed class CycleWork(AppDbContext db) : IWaitingContribution
{
    public IReadOnlyCollection<Type> Covers { get; } = [typeof(CycleDeadline), typeof(GoalWorkflow), typeof(EvaluationWorkflow)];

    public IReadOnlyList<string>? AreasFor(Actor actor) => WorkList.StepAreasFor(actor);

    public async Task<IReadOnlyList<WaitingItem>> ForAsync(WorkAsker asker, CancellationToken ct = default) =>
        ItemsOf(await WorkList.StepsAsync(db, asker.Actor, asker.Org, asker.FiscalYear, asker.Today, ct), asker);

    /// As the unit's section of the list shows them.
    public static List<WaitingItem> ItemsOf(IEnumerable<WorkItem> items, WorkAsker asker) =>
        items.Select(i => new WaitingItem(WaitingSection.Unit, "plan", i.DueOn, i.Task, i.Code.Length > 0 ? $"{i.Code} {i.Name}" : i.Name, asker.Org.PathName(i.UnitId), LinkOf(i))
        {
            Kind = i.Kind.ToString(), Stage = i.Stage?.ToString(), Code = i.Code, Name = i.Name, Year = i.Year,
        }).ToList();

    /// The exact form: the indicator's values with the missing year focused, the 主要事業's progress form, the
    /// evaluation sheet (or its 一次評価 step), the plan line, the budget line, the goal.
    public static WorkLink LinkOf(WorkItem i) => i.Kind switch
    {
        WorkKind.PlanLine => new("ImplementationPlans", "Edit", new { year = i.Year, projectId = i.RecordId }),
        WorkKind.BudgetRequest => new("Budgets", "Edit", new { year = i.Year, projectId = i.RecordId }),
        WorkKind.IndicatorActual => new("Indicators", "Values", new { id = i.RecordId, focus = i.Year }, $"actual-{i.Year}"),
        WorkKind.Evaluation => new("Evaluations", "Details", new { year = i.Year, projectId = i.RecordId }),
        WorkKind.EvaluationReview => new("Evaluations", "Step", new { year = i.Year, projectId = i.RecordId, step = EvaluationStep.FirstReview }),
        WorkKind.UnenteredActuals => new("UnenteredActuals", "Index", new { year = i.Year, unitId = i.RecordId }),
        WorkKind.ExecutionProgress => new("ExecutionPlans", "Progress", new { year = i.Year, projectId = i.RecordId }),
        _ => new("Goals", "Details", new { id = i.RecordId }),
    };
}

/// 対応待ち of the indicator actuals the cycle calendar asks for: a unit's missing actuals until the year is published,
/// then planning's count per 課 (WorkList.ActualsAsync). Kept apart from CycleWork, under the areas it reads alone.
public sealed class CycleActualsWork(AppDbContext db) : IWaitingContribution
{
    public IReadOnlyCollection<Type> Covers { get; } = [typeof(CycleDeadline)];

    public IReadOnlyList<string>? AreasFor(Actor actor) => WorkList.ActualsAreasFor(actor);

    public async Task<IReadOnlyList<WaitingItem>> ForAsync(WorkAsker asker, CancellationToken ct = default) =>
        CycleWork.ItemsOf(await WorkList.ActualsAsync(db, asker.Actor, asker.Org, asker.FiscalYear, asker.Today, ct), asker);
}

/// The city-wide stages planning and the executives answer for (DueWork), counted per stage from the cycle's
/// snapshots: listing the hundreds of records behind them would hide the few that matter.
public sealed class CityStageWork(ICycleSnapshots cycles) : IWaitingContribution
{
    public IReadOnlyCollection<Type> Covers { get; } = [typeof(CycleDeadline)];

    public IReadOnlyList<string>? AreasFor(Actor actor) => CycleSnapshotAreas.All;

    public async Task<IReadOnlyList<WaitingItem>> ForAsync(WorkAsker asker, CancellationToken ct = default)
    {
        // Only planning and the executives own city-wide stages: nobody else needs the snapshots read.
        if (!asker.Actor.IsIn(Roles.Planning) && !asker.Actor.IsIn(Roles.Executive)) return [];
        var snapshots = new List<CycleSnapshot>();
        foreach (var y in WorkWindow.YearsAround(asker.FiscalYear)) snapshots.Add(await cycles.GetAsync(y));
        return DueWork.For(asker.Actor, asker.Org, snapshots).Where(d => d.Stage.Owner() is StageOwner.Planning or StageOwner.Executive)
            .Select(d => new WaitingItem(WaitingSection.City, "city", d.DueOn, d.Stage.Label(), $"{Wareki.FiscalYearShort(d.Year)}・未了 {d.Missing:#,##0}件", "全庁",
                new WorkLink("Board", "Index", new { year = d.Year }))
            {
                Kind = d.Stage.ToString(), Stage = d.Stage.ToString(), Year = d.Year, Missing = d.Missing,
                Detail = string.Join("、", d.Units.Take(8).Select(u => $"{u.Division.Unit} {u.Missing}")) + (d.Units.Count > 8 ? $" ほか{d.Units.Count - 8}課" : ""),
            }).ToList();
    }
}

/// A fiscal year's cycle snapshot as the app keeps it (built once per day and data change for everyone).
public interface ICycleSnapshots
{
    Task<CycleSnapshot> GetAsync(int year);
}

/// What a snapshot counts: every stage of the cycle, over the organisation, and whether the year's actuals are
/// published (then what is missing of them is planning's). Not the citizens' voice or the settings.
public static class CycleSnapshotAreas
{
    public static readonly IReadOnlyList<string> All =
        [DataArea.Plan, DataArea.Indicators, DataArea.Do, DataArea.Check, DataArea.Goals, DataArea.Cycle, DataArea.Organization, DataArea.Publishing];
}
