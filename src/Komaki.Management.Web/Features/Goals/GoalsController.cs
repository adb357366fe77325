using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Goals;

/// 組織目標: each unit's goals for the year, the workflow from draft to confirmation, the board of where every
/// unit stands, "waiting for me", the hearing list in Excel and the printable unit sheet.
[Authorize(Policy = Policies.Staff)]
[Route("Goals")]
public sealed class GoalsController(OrgTreeProvider orgTree, CurrentUser me, GoalPages pages, GoalCommands commands, ReadCache cache)
    : AppController()
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? unitId, GoalState? state, int page = 1)
    {
        unitId = ListUnit(unitId);
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var units = unitId is int u ? org.SelfAndDescendants(u).ToList() : null;
        var all = await cache.GetAsync($"goals:{y}:{unitId}:{state}", GoalPages.Areas, () => pages.OfYearAsync(org, y, units, state));
        var shown = HttpContext.Page(all.Where(g => GoalWorkflow.CanRead(Actor, g, org)).ToList(), page, PageSize);
        var rows = shown.Items.Select(g => new GoalRow(g, org.PathName(g.OrgUnitId), GoalWorkflow.NextActions(Actor, g, org))).ToList();
        return View(new GoalListModel(y, unitId, state, new Paged<GoalRow>(rows, shown.Page, shown.PageSize, shown.Total), UnitOptions.For(org), CreatableUnits(org, y)));
    }

    [HttpGet("Board")]
    public async Task<IActionResult> Board(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        // The same for everyone: the rows are kept until a goal or the organisation changes.
        return View(await cache.GetAsync($"goal-board:{y}", [DataArea.Goals, DataArea.Organization], async () =>
        {
            var counts = await pages.CountsAsync(y);
            var byUnit = counts.ToLookup(c => c.UnitId);
            var rows = org.Flatten(u => u.IsValidIn(y)).Where(x => x.Unit.Level == OrgUnitLevel.Division)
                .Select(x => new BoardRow(x.Unit.Id, org.DepartmentOf(x.Unit.Id)?.Name ?? "", x.Unit.Name, byUnit[x.Unit.Id].ToDictionary(c => c.State, c => c.Count)))
                .ToList();
            return new BoardModel(y, rows, counts.GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)));
        }));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var goal = await pages.FindAsync(id);
        if (goal is null) return NotFound();
        if (!await MayAsync(goal, RecordOperations.Read)) return Forbidden();
        return View(await DetailsModelAsync(goal, new ActForm { Version = goal.Version }));
    }

    [HttpGet("Create")]
    public async Task<IActionResult> Create(int? unitId, int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var units = CreatableUnits(org, y);
        if (units.Count == 0) return Forbidden();
        var form = new GoalForm { FiscalYear = y, OrgUnitId = unitId ?? int.Parse(units[0].Value, CultureInfo.InvariantCulture) };
        if (!GoalWorkflow.CanCreateFor(Actor, form.OrgUnitId, org)) return Forbidden();
        form.Pad();
        return View("Edit", new GoalFormModel(null, form, units, await pages.TermTitleAsync()));
    }

    [HttpPost("Create")]
    public async Task<IActionResult> Create(GoalForm form)
    {
        var org = await orgTree.GetAsync();
        if (!GoalWorkflow.CanCreateFor(Actor, form.OrgUnitId, org)) return Forbidden();
        if (form.AddRowIfAsked() || form.PickIfAsked()) return View("Edit", new GoalFormModel(null, form, CreatableUnits(org, form.FiscalYear), await pages.TermTitleAsync()));
        if (await LookupAsync(form) is { } found) return View("Edit", new GoalFormModel(null, form, CreatableUnits(org, form.FiscalYear), await pages.TermTitleAsync()) { Lookup = found });
        var created = await RunAsync(form, () => commands.CheckAsync(form, org), () => commands.CreateAsync(form, org, Author()));
        if (created is null)
        {
            form.Pad();
            return View("Edit", new GoalFormModel(null, form, CreatableUnits(org, form.FiscalYear), await pages.TermTitleAsync()));
        }
        TempData["Message"] = "組織目標を下書きとして保存しました。内容が整ったら「提出」してください。";
        return RedirectToAction(nameof(Details), new { id = created.RecordId });
    }

    [HttpGet("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var goal = await pages.FindAsync(id);
        if (goal is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!await MayAsync(goal, RecordOperations.Edit)) return EditRefused(goal, org);
        var form = GoalPages.FormOf(goal);
        form.Pad();
        return View(new GoalFormModel(id, form, [new SelectListItem(org.PathName(goal.OrgUnitId), goal.OrgUnitId.ToString(CultureInfo.InvariantCulture))], await pages.TermTitleAsync()));
    }

    [HttpPost("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, GoalForm form)
    {
        var goal = await commands.ForEditAsync(id);
        if (goal is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!await MayAsync(goal, RecordOperations.Edit)) return EditRefused(goal, org);
        form.OrgUnitId = goal.OrgUnitId;
        form.FiscalYear = goal.FiscalYear;
        var unitOption = new SelectListItem(org.PathName(goal.OrgUnitId), goal.OrgUnitId.ToString(CultureInfo.InvariantCulture));
        if (form.AddRowIfAsked() || form.PickIfAsked()) return View(new GoalFormModel(id, form, [unitOption], await pages.TermTitleAsync()));
        if (await LookupAsync(form) is { } found) return View(new GoalFormModel(id, form, [unitOption], await pages.TermTitleAsync()) { Lookup = found });
        if (await RunAsync(form, () => commands.CheckAsync(form, org), () => commands.EditAsync(goal, form, Author())) is not null)
        {
            TempData["Message"] = "組織目標を保存しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        form.Pad();
        return View(new GoalFormModel(id, form, [unitOption], await pages.TermTitleAsync()));
    }

    /// 提出 and 確定 cannot be taken back by the one who does them: each is asked on a page of its own first.
    [HttpGet("{id:int}/Steps/{step}")]
    public async Task<IActionResult> Step(int id, GoalAction step)
    {
        if (step is not (GoalAction.Submitted or GoalAction.Confirmed)) return NotFound();
        var goal = await pages.FindAsync(id);
        if (goal is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!await MayAsync(goal, RecordOperations.Read)) return Forbidden();
        if (GoalWorkflow.Check(Actor, goal, step, org) is string refusal)
        {
            TempData["Error"] = refusal;
            return RedirectToAction(nameof(Details), new { id });
        }
        var consequences = GoalSteps.Consequences(step);
        var detailsUrl = Url.Action(nameof(Details), new { id })!;
        return View("Confirm", new ConfirmStep(step == GoalAction.Submitted ? "組織目標の提出" : "組織目標の確定", $"{org.PathName(goal.OrgUnitId)}「{goal.Title}」",
            consequences, Url.Action(nameof(Act), new { id })!, step == GoalAction.Submitted ? "提出する" : "確定する", detailsUrl,
            new Dictionary<string, string> { ["Action"] = step.ToString(), ["Version"] = goal.Version.ToString(CultureInfo.InvariantCulture) }, "コメント（任意）"));
    }

    /// A workflow step. The order and who may take it are GoalWorkflow's; a step out of order is refused with the reason.
    [HttpPost("{id:int}/Act")]
    public async Task<IActionResult> Act(int id, ActForm form)
    {
        var goal = await commands.ForEditAsync(id);
        if (goal is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!await MayAsync(goal, RecordOperations.Read)) return Forbidden();
        var input = new GoalStepInput(form.Comment, form.MidYearReview, form.Grade, form.GradeEvidence, form.Actuals);
        var (forbidden, result) = await ValidateAsync(form) ? await commands.TakeStepAsync(goal, form.Action, input, form.Version, Actor, org, Author()) : (false, CommandResult.Ok());
        if (forbidden) return Forbidden();
        if (!ModelState.IsValid || !Accept(result)) return View(nameof(Details), await DetailsModelAsync((await pages.FindAsync(id))!, form));
        TempData["Message"] = $"「{goal.Title}」を{form.Action.Label()}しました（{goal.State.Label()}）。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/Comment")]
    public async Task<IActionResult> Comment(int id, GoalCommentForm form)
    {
        var goal = await pages.FindAsync(id);
        if (goal is null) return NotFound();
        if (!GoalWorkflow.CanComment(Actor, goal, await orgTree.GetAsync())) return Forbidden();
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.CommentAsync(id, form, Author())) is null)
            return View(nameof(Details), await DetailsModelAsync(goal, new ActForm { Version = goal.Version }));
        TempData["Message"] = "コメントを記録しました。";
        return RedirectToAction(nameof(Details), new { id });
    }

    private IActionResult EditRefused(OrganizationalGoal goal, OrgTree org)
    {
        if (!GoalWorkflow.IsUnitHead(Actor, goal.OrgUnitId, org) && !Actor.IsPlanMasterEditor) return Forbidden();
        TempData["Error"] = $"この目標は「{goal.State.Label()}」のため内容を変更できません。変更が必要なときは、ヒアリングで修正依頼を受けてください。";
        return RedirectToAction(nameof(Details), new { id = goal.Id });
    }

    private List<SelectListItem> CreatableUnits(OrgTree org, int year) =>
        GoalWorkflow.CreatableUnits(Actor, org, year).Select(id => new SelectListItem(org.PathName(id), id.ToString(CultureInfo.InvariantCulture))).ToList();

    private GoalAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow);

    /// 探す: codes found by code or name, searched on the server so it works without script; the form comes back as typed.
    private async Task<(string, IReadOnlyList<(string, string)>)?> LookupAsync(GoalForm form)
    {
        if (form.LookupField is not string field || !GoalPages.CodeFields.Contains(field)) return null;
        var found = await pages.LookupAsync(field, form.Lookup.GetValueOrDefault(field) ?? "");
        ModelState.Clear();
        form.Pad();
        return (field, found);
    }

    private async Task<GoalDetailsModel> DetailsModelAsync(OrganizationalGoal goal, ActForm act) =>
        GoalDetailsModel.For(goal, act, Actor, await orgTree.GetAsync(), Url);
}
