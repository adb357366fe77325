using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// A later plan or budget line of the project that can answer an improvement, as the answer form offers it.
public sealed record AnswerOption(int Id, string Text);

/// The improvements of a list filter with only what the list shows and the state of the evaluation each came from
/// (to narrow it per reader), and when each open improvement of the city was opened.
public sealed record ImprovementList(IReadOnlyList<(ImprovementAction Action, EvaluationState? Source)> Entries, IReadOnlyList<(int OwnerUnitId, DateTime OpenedAt)> Open);

/// Reads of the improvement pages: the list, one improvement and what may answer it.
public sealed class ImprovementPages(AppDbContext db) : IUseCase
{
    /// The same for every reader of the filter (units: the unit asked for and those under it; null for the city).
    public async Task<ImprovementList> ListAsync(IReadOnlySet<int>? units, ImprovementState? state)
    {
        var query = db.ImprovementActions.AsNoTracking();
        if (units is not null)
        {
            var ids = units.ToList();
            query = query.Where(a => ids.Contains(a.OwnerUnitId));
        }
        if (state is ImprovementState s) query = query.Where(a => a.State == s);
        var rows = await query.OrderBy(a => a.OpenedAt).ThenBy(a => a.Project!.Code)
            .Select(a => new
            {
                Action = new ImprovementAction
                {
                    Id = a.Id, FiscalYear = a.FiscalYear, OwnerUnitId = a.OwnerUnitId, Direction = a.Direction, Description = a.Description,
                    State = a.State, OpenedAt = a.OpenedAt, ClosedAt = a.ClosedAt, ProjectId = a.ProjectId,
                    Project = new Project { Id = a.ProjectId, Code = a.Project!.Code, Name = a.Project.Name },
                },
                Source = (EvaluationState?)a.ProjectEvaluation!.State,
            })
            .ToListAsync();
        var open = await db.ImprovementActions.AsNoTracking().Where(a => a.State == ImprovementState.Open).Select(a => new { a.OwnerUnitId, a.OpenedAt }).ToListAsync();
        return new ImprovementList(rows.Select(r => (r.Action, r.Source)).ToList(), open.Select(o => (o.OwnerUnitId, o.OpenedAt)).ToList());
    }

    /// One improvement with its project, the evaluation it came from and what answered it.
    public Task<ImprovementAction?> FindAsync(int id) => db.ImprovementActions.AsNoTracking().Where(a => a.Id == id)
        .Include(a => a.Project).Include(a => a.ProjectEvaluation)
        .Include(a => a.AnswerPlanLine).ThenInclude(l => l!.ImplementationPlan).Include(a => a.AnswerBudgetLine)
        .FirstOrDefaultAsync();

    /// The project's plan lines (newest edition first) and budget lines of years after the evaluation's.
    public async Task<(IReadOnlyList<AnswerOption> PlanLines, IReadOnlyList<AnswerOption> BudgetLines)> AnswersAsync(ImprovementAction a, Identity.Actor actor, Organization.OrgTree org)
    {
        var planLines = await db.ImplementationPlanLines.AsNoTracking().Where(l => l.ProjectId == a.ProjectId && l.FiscalYear > a.FiscalYear)
            .OrderByDescending(l => l.ImplementationPlan!.FiscalYear).ThenBy(l => l.FiscalYear)
            .Select(l => new { l.Id, Edition = l.ImplementationPlan!.FiscalYear, l.FiscalYear, l.Status, l.Cost, l.Content }).ToListAsync();
        var budgetLines = await db.BudgetLines.AsNoTracking().Include(b => b.Project).Where(b => b.ProjectId == a.ProjectId && b.FiscalYear > a.FiscalYear).OrderBy(b => b.FiscalYear).ToListAsync();
        // A year under 予算編成 shows its 要求額 only to those who read the request until the 予算案 (UndecidedBudgets).
        var undecided = budgetLines.Count == 0 ? UndecidedBudgets.None : await UndecidedBudgets.LoadAsync(db, budgetLines.Select(b => b.FiscalYear).ToList());
        return (
            planLines.Select(l => new AnswerOption(l.Id, $"{Wareki.FiscalYear(l.Edition)}版 {Wareki.FiscalYear(l.FiscalYear)}：{l.Status.Label()} {Amounts.Thousands(l.Cost)}千円 {(l.Content.Length > 30 ? l.Content[..30] + "…" : l.Content)}")).ToList(),
            budgetLines.Select(b => new AnswerOption(b.Id, undecided.Hides(actor, b.FiscalYear, b.Project!.OwnerUnitId, org)
                ? $"{Wareki.FiscalYear(b.FiscalYear)}予算：要求 予算編成中（確定前）"
                : $"{Wareki.FiscalYear(b.FiscalYear)}予算：要求 {Amounts.Thousands(b.Requested)}千円／当初 {Amounts.Thousands(b.Initial)}千円")).ToList());
    }
}
