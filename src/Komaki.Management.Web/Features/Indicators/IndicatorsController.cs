using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Indicators;

/// Indicators of measures and projects, and their yearly targets and actuals.
[Authorize(Policy = Policies.Staff)]
public sealed class IndicatorsController(OrgTreeProvider orgTree, IndicatorPages pages, IndicatorCommands commands) : AppController()
{
    [HttpGet("Indicators/{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var indicator = await pages.FindAsync(id);
        if (indicator is null) return NotFound();
        var owner = await pages.OwnerOfAsync(indicator);
        var org = await orgTree.GetAsync();
        return View(new IndicatorDetailsModel(indicator, owner, org.PathName(owner.UnitId),
            await MayAsync(indicator, RecordOperations.Edit), await RefusalAsync(indicator, IndicatorRule.EnterValues) is null));
    }

    [HttpGet("Indicators/Create")]
    public async Task<IActionResult> Create(PlanLevel level, int ownerId)
    {
        var owner = await pages.OwnerAsync(level, ownerId);
        if (owner is null) return NotFound();
        if (await RefusalAsync(NewOf(owner), RecordOperations.Edit) is string refused) return Forbidden(refused);
        var form = new IndicatorForm { Kind = level == PlanLevel.Measure ? IndicatorKind.Outcome : IndicatorKind.Activity, BaselineYear = Clock.FiscalYear - 1 };
        return View("Edit", new IndicatorFormModel(form, owner, null));
    }

    [HttpPost("Indicators/Create")]
    public async Task<IActionResult> Create(PlanLevel level, int ownerId, [FromForm] IndicatorForm form)
    {
        var owner = await pages.OwnerAsync(level, ownerId);
        if (owner is null) return NotFound();
        if (await RefusalAsync(NewOf(owner), RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (!await ValidateAsync(form)) return View("Edit", new IndicatorFormModel(form, owner, null));
        var created = await commands.CreateAsync(owner, form);
        if (!Accept(created)) return View("Edit", new IndicatorFormModel(form, owner, null));
        TempData["Message"] = $"指標「{form.Name.Trim()}」を追加しました。年度ごとの目標値を入力してください。";
        return RedirectToAction(nameof(Values), new { id = created.RecordId });
    }

    [HttpGet("Indicators/{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var indicator = await pages.FindAsync(id);
        if (indicator is null) return NotFound();
        var owner = await pages.OwnerOfAsync(indicator);
        if (await RefusalAsync(indicator, RecordOperations.Edit) is string refused) return Forbidden(refused);
        return View(new IndicatorFormModel(IndicatorForm.From(indicator), owner, id));
    }

    [HttpPost("Indicators/{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, [FromForm] IndicatorForm form)
    {
        var indicator = await pages.FindAsync(id, tracking: true);
        if (indicator is null) return NotFound();
        var owner = await pages.OwnerOfAsync(indicator);
        if (await RefusalAsync(indicator, RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.EditAsync(indicator, form)))
        {
            TempData["Message"] = "指標を更新しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        return View(new IndicatorFormModel(form, owner, id));
    }

    /// focus: the year 対応待ち opened the form for; its actual gets the cursor.
    [HttpGet("Indicators/{id:int}/Values")]
    public async Task<IActionResult> Values(int id, int? focus)
    {
        ViewData["Focus"] = focus;
        var indicator = await pages.FindAsync(id);
        if (indicator is null) return NotFound();
        var owner = await pages.OwnerOfAsync(indicator);
        if (await RefusalAsync(indicator, IndicatorRule.EnterValues) is string refused) return Forbidden(refused);
        return View(new ValuesModel(await pages.ValuesFormAsync(indicator, Actor), indicator, owner));
    }

    [HttpPost("Indicators/{id:int}/Values")]
    public async Task<IActionResult> Values(int id, [FromForm] ValuesForm form)
    {
        var indicator = await pages.FindAsync(id, tracking: true);
        if (indicator is null) return NotFound();
        var owner = await pages.OwnerOfAsync(indicator);
        if (await RefusalAsync(indicator, IndicatorRule.EnterValues) is string refused) return Forbidden(refused);
        await pages.LockAsync(form, Actor);
        if (await ValidateAsync(form) && Accept(await commands.SaveValuesAsync(indicator, form, Actor)))
        {
            TempData["Message"] = "目標値・実績値を保存しました。達成率は自動で計算されます。";
            return RedirectToAction(nameof(Details), new { id });
        }
        return View(new ValuesModel(form, (await pages.FindAsync(id))!, owner));
    }

    [HttpPost("Indicators/{id:int}/Retire")]
    public async Task<IActionResult> Retire(int id, int version)
    {
        var indicator = await pages.FindAsync(id, tracking: true);
        if (indicator is null) return NotFound();
        var owner = await pages.OwnerOfAsync(indicator);
        if (await RefusalAsync(indicator, RecordOperations.Edit) is string refused) return Forbidden(refused);
        TempData["Message"] = (await commands.ToggleRetiredAsync(indicator, version)).Succeeded
            ? indicator.RetiredAt is null ? "指標を再び有効にしました。" : "指標を廃止しました。値と履歴は残ります。"
            : "他の職員が先に更新したため、操作できませんでした。内容を確認してもう一度操作してください。";
        return RedirectToAction(nameof(Details), new { id });
    }

    /// The indicator about to be added to the owner, as its rule is asked about it.
    private static Indicator NewOf(IndicatorOwner owner) =>
        owner.Level == PlanLevel.Project ? new Indicator { ProjectId = owner.Id } : new Indicator { MeasureId = owner.Id };
}
