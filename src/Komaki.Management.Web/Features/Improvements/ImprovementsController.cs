using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Improvements;

/// Act: improvement actions from the evaluations, followed until a later plan or budget line answers them.
[Authorize(Policy = Policies.Staff)]
[Route("Improvements")]
public sealed class ImprovementsController(ImprovementPages pages, ImprovementCommands commands, OrgTreeProvider orgTree, CurrentUser me, ReadCache cache) : AppController()
{
    public const int PageSize = 50;

    /// What the list reads: the improvements, the evaluations they came from and the projects' codes and names.
    private static readonly IReadOnlyList<string> ListAreas = [DataArea.Check, DataArea.Plan];

    [HttpGet("")]
    public async Task<IActionResult> Index(int? unitId, ImprovementState? state = ImprovementState.Open, int page = 1)
    {
        unitId = ListUnit(unitId);
        var org = await orgTree.GetAsync();
        var list = await cache.GetAsync($"improvements:{unitId}:{state}", ListAreas, () => pages.ListAsync(unitId is int u ? org.SelfAndDescendants(u) : null, state));
        var rows = list.Entries.Where(x => ImprovementActionRule.ReadRefusal(Actor, x.Action, x.Source, org) is null).Select(x => x.Action).ToList();
        var now = Clock.UtcNow;
        var byUnit = list.Open.GroupBy(a => a.OwnerUnitId)
            .Select(g => (g.Key, org.PathName(g.Key), g.Count(), (int)(now - g.Min(a => a.OpenedAt)).TotalDays))
            .OrderByDescending(x => x.Item2).ToList();
        return View(new ImprovementListModel(unitId, state, HttpContext.Page(rows, page, PageSize), byUnit, UnitOptions.For(org), org, now));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var action = await pages.FindAsync(id);
        if (action is null) return NotFound();
        if (await RefusalAsync(action, RecordOperations.Read) is string refused) return Forbidden(refused);
        return View(await ModelAsync(action));
    }

    /// The division proposes a later plan line or budget line of the same project as the answer, or closing with a reason.
    [HttpPost("{id:int}/Answer")]
    public async Task<IActionResult> Answer(int id, ImprovementAnswerForm form)
    {
        var action = await commands.ForEditAsync(id);
        if (action is null) return NotFound();
        if (await RefusalAsync(action, RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.AnswerAsync(action, form, me.DisplayName, Actor.UserName, Clock.UtcNow)))
        {
            TempData["Message"] = form.Close ? "終了の申し出を出しました。企画課が確認します。" : "反映案を出しました。企画課が確認します。";
            return RedirectToAction(nameof(Details), new { id });
        }
        var fresh = (await pages.FindAsync(id))!;
        return View(nameof(Details), await ModelAsync(fresh) with { Closing = form.Close });
    }

    /// Someone outside the division confirms the proposed answer, or sends it back with the reason.
    [HttpPost("{id:int}/Confirm")]
    public async Task<IActionResult> Confirm(int id, ImprovementConfirmForm form)
    {
        var action = await commands.ForEditAsync(id);
        if (action is null) return NotFound();
        if (await RefusalAsync(action, ImprovementActionRule.Confirm) is string refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.ConfirmAsync(action, form, me.DisplayName, Clock.UtcNow)))
        {
            TempData["Message"] = form.SendBack ? "反映案を所属に差し戻しました。" : "反映案を確認しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        var fresh = (await pages.FindAsync(id))!;
        return View(nameof(Details), await ModelAsync(fresh));
    }

    [HttpPost("{id:int}/Reopen")]
    public async Task<IActionResult> Reopen(int id, int version)
    {
        var action = await commands.ForEditAsync(id);
        if (action is null) return NotFound();
        if (await RefusalAsync(action, ImprovementActionRule.Reopen) is string refused) return Forbidden(refused);
        if ((await commands.ReopenAsync(action, version)).Succeeded) TempData["Message"] = "改善を対応中に戻しました。";
        else TempData["Error"] = "他の職員が先に更新したため、戻せませんでした。";
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<ImprovementDetailsModel> ModelAsync(ImprovementAction a)
    {
        var org = await orgTree.GetAsync();
        var (planLines, budgetLines) = await pages.AnswersAsync(a, Actor, org);
        return new ImprovementDetailsModel(a, org.PathName(a.OwnerUnitId), planLines, budgetLines,
            a.State == ImprovementState.Open && await MayAsync(a, RecordOperations.Edit),
            a.State is ImprovementState.Answered or ImprovementState.Closed && await RefusalAsync(a, ImprovementActionRule.Reopen) is null,
            a.State == ImprovementState.Proposed && await RefusalAsync(a, ImprovementActionRule.Confirm) is null, Clock.UtcNow);
    }
}
