using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Cycle;

/// 対応待ち of the improvements (改善): a unit's head has the unit's improvements still to answer — those sent back
/// (or reopened) first named so —, due by the 予算要求 that can first carry them (the cycle calendar's BudgetRequest of
/// the year after the evaluation is done); planning has the proposals waiting for its confirmation, but not those of its
/// own unit nor its own (ImprovementActionRule.ConfirmRefusal). The cycle counts them because their due date is its calendar's.
public sealed class ImprovementWork(AppDbContext db) : IWaitingContribution
{
    public IReadOnlyCollection<Type> Covers { get; } = [typeof(ImprovementAction)];

    /// The improvements and the evaluations they came from, the projects' codes and names, the calendar, the units.
    public IReadOnlyList<string>? AreasFor(Actor actor) => [DataArea.Check, DataArea.Plan, DataArea.Cycle, DataArea.Organization];

    public async Task<IReadOnlyList<WaitingItem>> ForAsync(WorkAsker asker, CancellationToken ct = default)
    {
        var (actor, org) = (asker.Actor, asker.Org);
        var head = actor.IsIn(Roles.DepartmentHead) && actor.UnitId is not null;
        var confirms = actor.IsPlanMasterEditor;
        if (!head && !confirms) return [];
        var units = head ? org.SelfAndDescendants(actor.UnitId!.Value).ToList() : [];
        var rows = await db.ImprovementActions.AsNoTracking()
            .Where(a => a.State == ImprovementState.Open && units.Contains(a.OwnerUnitId) || confirms && a.State == ImprovementState.Proposed)
            .Select(a => new
            {
                a.Id, a.State, a.OwnerUnitId, a.FiscalYear, a.ProposedAt, a.ProposedByUser, a.ProjectEvaluationId, a.Project!.Code, a.Project.Name,
                Source = (EvaluationState?)a.ProjectEvaluation!.State,
            })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var open = rows.Where(r => r.State == ImprovementState.Open).ToList();
        var deadlines = open.Count == 0 ? null : await CycleSnapshot.DeadlinesAsync(db, open.Min(r => r.FiscalYear) + 2, open.Max(r => r.FiscalYear) + 2);
        var items = new List<WaitingItem>();
        foreach (var r in rows)
        {
            var record = new ImprovementAction { Id = r.Id, State = r.State, OwnerUnitId = r.OwnerUnitId, ProposedByUser = r.ProposedByUser, ProjectEvaluationId = r.ProjectEvaluationId };
            if (ImprovementActionRule.ReadRefusal(actor, record, r.Source, org) is not null) continue;
            var link = new WorkLink("Improvements", "Details", new { id = r.Id });
            if (r.State == ImprovementState.Open && EvaluationWorkflow.IsUnitHead(actor, r.OwnerUnitId, org))
            {
                var sentBack = r.ProposedAt is not null;
                items.Add(new WaitingItem(WaitingSection.Unit, "improvement", deadlines![r.FiscalYear + 2][CycleStage.BudgetRequest],
                    sentBack ? $"改善の反映案の出し直し（差し戻し・{Wareki.FiscalYear(r.FiscalYear)}評価）" : $"改善の反映案（{Wareki.FiscalYear(r.FiscalYear)}評価）",
                    $"{r.Code} {r.Name}", org.PathName(r.OwnerUnitId), link)
                {
                    Kind = sentBack ? "ImprovementSentBack" : "Improvement", Stage = nameof(CycleStage.BudgetRequest), Code = r.Code, Name = r.Name, Year = r.FiscalYear,
                });
            }
            else if (r.State == ImprovementState.Proposed && ImprovementActionRule.ConfirmRefusal(actor, record, org) is null)
            {
                items.Add(new WaitingItem(WaitingSection.Other, "improvement", null, $"改善の反映案の確認（{r.Code} {r.Name}・{Wareki.FiscalYear(r.FiscalYear)}評価）",
                    org.PathName(r.OwnerUnitId), org.PathName(r.OwnerUnitId), link)
                {
                    Kind = "ImprovementConfirmation", Code = r.Code, Name = r.Name, Year = r.FiscalYear,
                });
            }
        }
        return items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.Code, CodeOrder.Instance).ToList();
    }
}
