namespace Komaki.Management.Web.Features.Improvements;

/// Act: improvement actions from the evaluations, followed until a later plan or budget line answers them.
[Authorize(Policy = Policies.Staff)]
[Route("Improvements")]
public sealed class ImprovementsController(ImprovementCommands commands, AppDbContext db, OrgTreeProvider orgTree, CurrentUser me, ReadCache cache) : AppController(db)
{
    public const int PageSize = 50;

    /// What the list reads: the improvements, the evaluations they came from and the projects' codes and names.
    private static readonly IReadOnlyList<string> ListAreas = [DataArea.Check, DataArea.Plan];

    [HttpGet("")]
    public async Task<IActionResult> Index(int? unitId, ImprovementState? state = ImprovementState.Open, int page = 1)
    {
        unitId = ListUnit(unitId);
        var org = await orgTree.GetAsync();
        var (entries, open) = await cache.GetAsync($"improvements:{unitId}:{state}", ListAreas, () => ListAsync(unitId, state, org));
        var rows = entries.Where(x => EvaluationAccess.CanRead(Actor, x.Action, x.Source, org)).Select(x => x.Action).ToList();
        var now = Clock.UtcNow;
        var byUnit = open.GroupBy(a => a.OwnerUnitId)
            .Select(g => (g.Key, org.PathName(g.Key), g.Count(), (int)(now - g.Min(a => a.OpenedAt)).TotalDays))
            .OrderByDescending(x => x.Item2).ToList();
        return View(new ImprovementListModel(unitId, state, HttpContext.Page(rows, page, PageSize), byUnit, UnitOptions.For(org), org, now));
    }

    /// The improvements of the filter with only what the list shows, and when each open one was opened, for everyone;
    /// the list is narrowed to what the reader may read per request.
    private async Task<(List<(ImprovementAction Action, EvaluationState? Source)>, List<(int OwnerUnitId, DateTime OpenedAt)>)> ListAsync(
        int? unitId, ImprovementState? state, OrgTree org)
    {
        var query = Db.ImprovementActions.AsNoTracking();
        if (unitId is int u)
        {
            var units = org.SelfAndDescendants(u).ToList();
            query = query.Where(a => units.Contains(a.OwnerUnitId));
        }
        if (state is ImprovementState s) query = query.Where(a => a.State == s);
        var rows = await query.OrderBy(a => a.OpenedAt).ThenBy(a => a.Project!.Code)
            .Select(a => new
            {
                Action = new ImprovementAction
                {
                    Id = a.Id, FiscalYear = a.FiscalYear, OwnerUnitId = a.OwnerUnitId, Direction = a.Direction, Description = a.Description,
                    State = a.State, OpenedAt = a.OpenedAt, ClosedAt = a.ClosedAt, ProjectId = a.ProjectId,
                    Project = new Core.Plans.Project { Id = a.ProjectId, Code = a.Project!.Code, Name = a.Project.Name },
                },
                Source = (EvaluationState?)a.ProjectEvaluation!.State,
            })
            .ToListAsync();
        var open = await Db.ImprovementActions.AsNoTracking().Where(a => a.State == ImprovementState.Open).Select(a => new { a.OwnerUnitId, a.OpenedAt }).ToListAsync();
        return (rows.Select(r => (r.Action, r.Source)).ToList(), open.Select(o => (o.OwnerUnitId, o.OpenedAt)).ToList());
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var action = await Load(id).AsNoTracking().FirstOrDefaultAsync();
        if (action is null) return NotFound();
        if (!EvaluationAccess.CanRead(Actor, action, action.ProjectEvaluation?.State, await orgTree.GetAsync())) return Forbidden();
        return View(await ModelAsync(action));
    }

    /// Answers the action with a later plan line or budget line of the same project, or closes it with a reason.
    [HttpPost("{id:int}/Answer")]
    public async Task<IActionResult> Answer(int id, int version, int? planLineId, int? budgetLineId, string? note, bool close = false)
    {
        var action = await commands.ForEditAsync(id);
        if (action is null) return NotFound();
        if (!CanAnswer(action, await orgTree.GetAsync())) return Forbidden();
        if (Accept(await commands.AnswerAsync(action, version, planLineId, budgetLineId, note, close, me.DisplayName, Clock.UtcNow)))
        {
            TempData["Message"] = close ? "改善を終了しました。" : "改善の反映先を記録しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        var fresh = await Load(id).AsNoTracking().FirstAsync();
        return View(nameof(Details), await ModelAsync(fresh));
    }

    [HttpPost("{id:int}/Reopen")]
    public async Task<IActionResult> Reopen(int id, int version)
    {
        var action = await Db.ImprovementActions.FirstOrDefaultAsync(a => a.Id == id);
        if (action is null) return NotFound();
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        if ((await commands.ReopenAsync(action, version)).Succeeded) TempData["Message"] = "改善を対応中に戻しました。";
        else TempData["Error"] = "他の職員が先に更新したため、戻せませんでした。";
        return RedirectToAction(nameof(Details), new { id });
    }

    private IQueryable<ImprovementAction> Load(int id) => Db.ImprovementActions.Where(a => a.Id == id)
        .Include(a => a.Project).Include(a => a.ProjectEvaluation)
        .Include(a => a.AnswerPlanLine).ThenInclude(l => l!.ImplementationPlan).Include(a => a.AnswerBudgetLine);

    private bool CanAnswer(ImprovementAction a, OrgTree org) => Actor.IsPlanMasterEditor || EvaluationWorkflow.IsUnitHead(Actor, a.OwnerUnitId, org);

    private async Task<ImprovementDetailsModel> ModelAsync(ImprovementAction a)
    {
        var org = await orgTree.GetAsync();
        var planLines = await Db.ImplementationPlanLines.AsNoTracking().Where(l => l.ProjectId == a.ProjectId && l.FiscalYear > a.FiscalYear)
            .OrderByDescending(l => l.ImplementationPlan!.FiscalYear).ThenBy(l => l.FiscalYear)
            .Select(l => new { l.Id, Edition = l.ImplementationPlan!.FiscalYear, l.FiscalYear, l.Status, l.Cost, l.Content }).ToListAsync();
        var budgetLines = await Db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == a.ProjectId && b.FiscalYear > a.FiscalYear).OrderBy(b => b.FiscalYear).ToListAsync();
        return new ImprovementDetailsModel(a, org.PathName(a.OwnerUnitId),
            planLines.Select(l => new AnswerOption(l.Id, $"{Wareki.FiscalYear(l.Edition)}版 {Wareki.FiscalYear(l.FiscalYear)}：{l.Status.Label()} {Amounts.Thousands(l.Cost)}千円 {(l.Content.Length > 30 ? l.Content[..30] + "…" : l.Content)}")).ToList(),
            budgetLines.Select(b => new AnswerOption(b.Id, $"{Wareki.FiscalYear(b.FiscalYear)}予算：要求 {Amounts.Thousands(b.Requested)}千円／当初 {Amounts.Thousands(b.Initial)}千円")).ToList(),
            CanAnswer(a, org) && a.State == ImprovementState.Open, Actor.IsPlanMasterEditor && a.State != ImprovementState.Open, Clock.UtcNow);
    }
}
