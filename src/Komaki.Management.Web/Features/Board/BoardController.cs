using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Web.Features.Board;

public sealed record Progress(int Done, int Of)
{
    public decimal? Percent => Of == 0 ? null : Math.Round(Done * 100m / Of, 0);
}

/// Where one division stands in the cycle for a fiscal year.
public sealed record CycleRow(
    int UnitId, string Department, string Unit, Progress PlanLines, Progress Budgets, Progress ExecutionMidYear,
    Progress GoalsAgreed, Progress GoalsAssessed, Progress EvaluationsReviewed, Progress EvaluationsPublished, int OpenImprovements, Progress IndicatorsUpdated);

public sealed record CycleBoardModel(int Year, IReadOnlyList<CycleRow> Rows);

/// PDCAボード: per division, how far the year's cycle has come — plan entries, budget, execution-plan progress,
/// goals agreed and assessed, evaluations reviewed and published, improvements still open, and the share of
/// indicators whose last-year actual has been entered. Each figure links to the list of what is behind it.
[Authorize(Roles = Roles.Staff)]
[Route("Board")]
public sealed class BoardController(AppDbContext db, OrgTreeProvider orgTree) : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? Display.CurrentFiscalYear();
        var org = await orgTree.GetAsync();
        var projects = await Db.Projects.AsNoTracking().Where(p => p.RetiredAt == null && p.StartYear <= y && (p.EndYear == null || p.EndYear >= y))
            .Select(p => new { p.Id, p.OwnerUnitId, p.IsMajor }).ToListAsync();
        var edition = await Db.ImplementationPlans.AsNoTracking().Where(p => p.FiscalYear <= y).OrderByDescending(p => p.FiscalYear).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var planned = (await Db.ImplementationPlanLines.AsNoTracking().Where(l => l.ImplementationPlanId == edition && l.FiscalYear == y).Select(l => l.ProjectId).ToListAsync()).ToHashSet();
        var budgeted = (await Db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == y && b.Initial != null).Select(b => b.ProjectId).ToListAsync()).ToHashSet();
        var execution = await Db.ExecutionPlans.AsNoTracking().Where(e => e.FiscalYear == y).Select(e => new { e.OwnerUnitId, Filed = e.MidYearStatus != null }).ToListAsync();
        var goals = await Db.OrganizationalGoals.AsNoTracking().Where(g => g.FiscalYear == y).Select(g => new { g.OrgUnitId, g.State }).ToListAsync();
        var evaluations = await Db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == y - 1).Select(e => new { e.OwnerUnitId, e.State }).ToListAsync();
        var evaluable = await Db.Projects.AsNoTracking().Where(p => p.StartYear <= y - 1 && (p.EndYear == null || p.EndYear >= y - 1)).Select(p => new { p.OwnerUnitId }).ToListAsync();
        var open = await Db.ImprovementActions.AsNoTracking().Where(a => a.State == ImprovementState.Open).Select(a => a.OwnerUnitId).ToListAsync();
        var indicators = await Db.Indicators.AsNoTracking().Where(i => i.ProjectId != null && i.RetiredAt == null)
            .Select(i => new { i.Project!.OwnerUnitId, Due = i.Values.Any(v => v.FiscalYear == y - 1 && v.Target != null), Entered = i.Values.Any(v => v.FiscalYear == y - 1 && v.Actual != null) })
            .ToListAsync();

        var rows = org.Flatten(u => u.IsValidIn(y)).Where(x => x.Unit.Level == OrgUnitLevel.Division).Select(x =>
        {
            var id = x.Unit.Id;
            var mine = projects.Where(p => p.OwnerUnitId == id).ToList();
            var myGoals = goals.Where(g => g.OrgUnitId == id).ToList();
            var myEvaluations = evaluations.Where(e => e.OwnerUnitId == id).ToList();
            var myExecution = execution.Where(e => e.OwnerUnitId == id).ToList();
            var myIndicators = indicators.Where(i => i.OwnerUnitId == id && i.Due).ToList();
            return new CycleRow(id, org.DepartmentOf(id)?.Name ?? "", x.Unit.Name,
                new Progress(mine.Count(p => planned.Contains(p.Id)), mine.Count),
                new Progress(mine.Count(p => budgeted.Contains(p.Id)), mine.Count),
                new Progress(myExecution.Count(e => e.Filed), myExecution.Count),
                new Progress(myGoals.Count(g => g.State >= GoalState.Agreed && g.State != GoalState.ChangesRequested), myGoals.Count),
                new Progress(myGoals.Count(g => g.State >= GoalState.SelfAssessed), myGoals.Count),
                new Progress(myEvaluations.Count(e => e.State >= EvaluationState.SecondReviewed), evaluable.Count(p => p.OwnerUnitId == id)),
                new Progress(myEvaluations.Count(e => e.State == EvaluationState.Published), evaluable.Count(p => p.OwnerUnitId == id)),
                open.Count(u => u == id),
                new Progress(myIndicators.Count(i => i.Entered), myIndicators.Count));
        }).Where(r => r.PlanLines.Of + r.GoalsAgreed.Of + r.EvaluationsPublished.Of + r.OpenImprovements > 0).ToList();
        return View(new CycleBoardModel(y, rows));
    }
}
