using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core;

/// What ties a measure or project to citizens and the top: the promises it carries, what citizens said about it,
/// how they rated it, and the unit goals that serve it.
public sealed record Connections(
    IReadOnlyList<(int Id, string Number, string Title, string Term, string? Via)> Promises,
    IReadOnlyList<CitizenInput> Voices, int VoiceCount,
    IReadOnlyList<SurveyResult> Survey,
    IReadOnlyList<(int Id, string Title, int Year, int UnitId, GoalState State)> Goals,
    ProjectMoney? Money);

/// A project's money over the years: what each year's plan says (from the latest edition planning it) and
/// its budget from request to settlement, plus the years it has an execution plan.
public sealed record ProjectMoney(IReadOnlyList<ProjectMoneyYear> Years, int? LatestEdition, IReadOnlyList<int> ExecutionYears, int OwnerUnitId, UndecidedBudgets Undecided)
{
    /// The years as this reader may read them: undecided 要求額・査定額 withheld (UndecidedBudgets).
    public ProjectMoney SeenBy(Identity.Actor actor, Organization.OrgTree org) =>
        this with { Years = Years.Select(y => Undecided.Hides(actor, y.Year, OwnerUnitId, org) ? y with { Budget = y.Budget.Withhold() } : y).ToList() };
}

public sealed record ProjectMoneyYear(int Year, int? EditionYear, ImplementationStatus? Status, long? PlanCost, BudgetFigures Budget);

/// What other features say about a measure or project, for its page. It reads Manifesto, CitizenVoice, Goals and a
/// project's money (Implementation, Budgets, Execution), so it sits above the features rather than in Plans.
public sealed class ElementConnections(AppDbContext db) : IUseCase
{
    public async Task<Connections> OfAsync(PlanElement element)
    {
        var (measureId, policyId, projectId) = element switch
        {
            Project p => (p.MeasureId, await db.Measures.Where(m => m.Id == p.MeasureId).Select(m => m.PolicyId).FirstAsync(), (int?)p.Id),
            Measure m => (m.Id, m.PolicyId, (int?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(element)),
        };
        var links = await db.ManifestoLinks.AsNoTracking().Include(l => l.ManifestoItem).ThenInclude(i => i!.MayorTerm)
            .Where(l => l.ProjectId != null && l.ProjectId == projectId || l.MeasureId == measureId || l.PolicyId == policyId).ToListAsync();
        var promises = links
            .Select(l => (l.ManifestoItem!.Id, l.ManifestoItem.Number, l.ManifestoItem.Title, l.ManifestoItem.MayorTerm!.Title,
                Via: l.ProjectId is not null || (projectId is null && l.MeasureId is not null) ? null : l.MeasureId is not null ? "施策を通じて" : "政策を通じて"))
            .OrderBy(x => x.Via is not null).ThenBy(x => x.Number, StringComparer.Ordinal)
            .DistinctBy(x => x.Id).ToList();
        var voices = db.CitizenInputs.AsNoTracking().Where(c => c.Links.Any(l => projectId != null
            ? l.ProjectId == projectId
            : l.MeasureId == measureId || l.Project!.MeasureId == measureId));
        var survey = projectId is null
            ? await db.SurveyResults.AsNoTracking().Where(r => r.MeasureId == measureId).OrderByDescending(r => r.FiscalYear).Take(5).ToListAsync()
            : [];
        var goals = await db.OrganizationalGoals.AsNoTracking()
            .Where(g => g.Links.Any(l => projectId != null ? l.ProjectId == projectId : l.MeasureId == measureId))
            .OrderByDescending(g => g.FiscalYear).Take(10)
            .Select(g => new { g.Id, g.Title, g.FiscalYear, g.OrgUnitId, g.State }).ToListAsync();
        return new Connections(promises, await voices.OrderByDescending(c => c.ReceivedOn).Take(10).ToListAsync(), await voices.CountAsync(), survey,
            goals.Select(g => (g.Id, g.Title, g.FiscalYear, g.OrgUnitId, g.State)).ToList(), element is Project project ? await MoneyOfAsync(project.Id, project.OwnerUnitId) : null);
    }

    private async Task<ProjectMoney> MoneyOfAsync(int projectId, int ownerUnitId)
    {
        var lines = await db.ImplementationPlanLines.AsNoTracking().Where(l => l.ProjectId == projectId)
            .Select(l => new { l.FiscalYear, Edition = l.ImplementationPlan!.FiscalYear, l.Status, l.Cost }).ToListAsync();
        var budgets = await db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == projectId).ToListAsync();
        var years = lines.Select(l => l.FiscalYear).Concat(budgets.Select(b => b.FiscalYear)).Distinct().Order().ToList();
        var rows = years.Select(y =>
        {
            var plan = lines.Where(l => l.FiscalYear == y && l.Edition <= y).OrderByDescending(l => l.Edition).FirstOrDefault()
                ?? lines.Where(l => l.FiscalYear == y).OrderBy(l => l.Edition).FirstOrDefault();
            var b = budgets.FirstOrDefault(x => x.FiscalYear == y);
            return new ProjectMoneyYear(y, plan?.Edition, plan?.Status, plan?.Cost,
                new BudgetFigures(plan?.Cost, b?.Requested, b?.Assessed, b?.Initial, b?.Supplementary, b?.Settled));
        }).ToList();
        var execution = await db.ExecutionPlans.AsNoTracking().Where(e => e.ProjectId == projectId).Select(e => e.FiscalYear).OrderBy(y => y).ToListAsync();
        var undecided = budgets.Count == 0 ? UndecidedBudgets.None : await UndecidedBudgets.LoadAsync(db, budgets.Select(b => b.FiscalYear).ToList());
        return new ProjectMoney(rows, lines.Count == 0 ? null : lines.Max(l => l.Edition), execution, ownerUnitId, undecided);
    }
}
