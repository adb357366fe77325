using Komaki.Management.Core;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.PlanElements;

/// Details, create, edit, retire and reinstate for every level of the policy tree.
[Authorize(Policy = Policies.Staff)]
[Route("Plan/{level}")]
public sealed class PlanElementsController(OrgTreeProvider orgTree, ReadCache cache, PlanElementPages pages, PlanElementCommands commands,
    ElementConnections connectionsOf)
    : AppController()
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(PlanLevel level, int id)
    {
        var org = await orgTree.GetAsync();
        // What the page shows is the same for everyone; only the buttons depend on who is looking.
        var view = await cache.GetAsync($"element:{level}:{id}", DataArea.All, async () => await pages.DetailsAsync(level, id) is { } d
            ? new ElementView(d, d.Element is Measure or Project ? await connectionsOf.OfAsync(d.Element) : null)
            : null);
        if (view is null) return NotFound();
        var details = view.Details;
        var owner = details.OwnerUnitId;
        // The cached page holds every goal that serves the element; each viewer sees those they may read.
        var connections = view.Connections is { } c
            ? c with { Goals = c.Goals.Where(g => GoalWorkflow.CanRead(Actor, g.State, g.UnitId, org)).ToList(), Money = c.Money?.SeenBy(Actor, org) }
            : null;
        return View(new ElementPage(details, org, connections,
            CanEditStructure: await MayAsync(details.Element, RecordOperations.Named(PlanElementRule.EditStructure)),
            CanEditRecord: await MayAsync(details.Element, RecordOperations.Edit),
            CanEnterValues: IndicatorRule.EnterValuesRefusal(Actor, owner, org) is null));
    }

    [HttpGet("Create")]
    public async Task<IActionResult> Create(PlanLevel level, int parentId)
    {
        if (await RefusalAsync(PlanElementCommands.New(level, parentId), PlanElementRule.EditStructure) is string refused) return Forbidden(refused);
        var form = new PlanElementForm { Level = level, ParentId = parentId, StartYear = Clock.FiscalYear + 1 };
        return await FormViewAsync("Edit", form, structureLocked: false);
    }

    [HttpPost("Create")]
    public async Task<IActionResult> Create(PlanLevel level, [FromForm] PlanElementForm form)
    {
        if (await RefusalAsync(PlanElementCommands.New(level, form.ParentId), PlanElementRule.EditStructure) is string refused) return Forbidden(refused);
        form.Level = level;
        var valid = await ValidateAsync(form);
        var done = valid ? await commands.CreateAsync(form) : await commands.CheckReferencesAsync(form);
        if (!Accept(done) || !valid) return await FormViewAsync("Edit", form, structureLocked: false);
        TempData["Message"] = $"「{form.Name.Trim()}」を登録しました。";
        return RedirectToAction(nameof(Details), new { level, id = done.RecordId });
    }

    [HttpGet("{id:int}/Edit")]
    public async Task<IActionResult> Edit(PlanLevel level, int id)
    {
        var element = await pages.FindAsync(level, id);
        if (element is null) return NotFound();
        if (await RefusalAsync(element, RecordOperations.Edit) is string refused) return Forbidden(refused);
        var access = PlanElementCommands.EditAccess(Actor, element, await orgTree.GetAsync());
        return await FormViewAsync("Edit", PlanElementForm.From(element), structureLocked: access == ElementEditAccess.RecordOnly);
    }

    [HttpPost("{id:int}/Edit")]
    public async Task<IActionResult> Edit(PlanLevel level, int id, [FromForm] PlanElementForm form)
    {
        var element = await pages.FindAsync(level, id, tracking: true);
        if (element is null) return NotFound();
        if (await RefusalAsync(element, RecordOperations.Edit) is string refused) return Forbidden(refused);
        var granted = PlanElementCommands.EditAccess(Actor, element, await orgTree.GetAsync())!.Value;
        form.Level = level;
        form.Id = id;
        if (granted == ElementEditAccess.RecordOnly) PlanElementCommands.KeepStructure(form, element);
        var valid = await ValidateAsync(form);
        var done = valid ? await commands.EditAsync(element, form, granted) : await commands.CheckReferencesAsync(form);
        if (Accept(done) && valid)
        {
            TempData["Message"] = $"「{element.Name}」を更新しました。";
            return RedirectToAction(nameof(Details), new { level, id });
        }
        return await FormViewAsync("Edit", form, structureLocked: granted == ElementEditAccess.RecordOnly);
    }

    [HttpGet("{id:int}/Retire")]
    public async Task<IActionResult> Retire(PlanLevel level, int id)
    {
        var element = await pages.FindAsync(level, id);
        if (element is null) return NotFound();
        if (await RefusalAsync(element, PlanElementRule.EditStructure) is string refused) return Forbidden(refused);
        return await RetireViewAsync(element, new RetireForm { Version = element.Version });
    }

    [HttpPost("{id:int}/Retire")]
    public async Task<IActionResult> Retire(PlanLevel level, int id, [FromForm] RetireForm form)
    {
        var element = await pages.FindAsync(level, id, tracking: true);
        if (element is null) return NotFound();
        if (await RefusalAsync(element, PlanElementRule.EditStructure) is string refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.RetireAsync(element, form, Clock.UtcNow)))
        {
            TempData["Message"] = $"「{element.Name}」を廃止しました。記録と履歴は残ります。";
            return RedirectToAction(nameof(Details), new { level, id });
        }
        return await RetireViewAsync((await pages.FindAsync(level, id))!, form);
    }

    [HttpPost("{id:int}/Reinstate")]
    public async Task<IActionResult> Reinstate(PlanLevel level, int id, int version)
    {
        var element = await pages.FindAsync(level, id, tracking: true);
        if (element is null) return NotFound();
        if (await RefusalAsync(element, PlanElementRule.EditStructure) is string refused) return Forbidden(refused);
        TempData["Message"] = (await commands.ReinstateAsync(element, version)).Succeeded
            ? $"「{element.Name}」を再び有効にしました。"
            : "他の職員が先に更新したため、再開できませんでした。内容を確認してもう一度操作してください。";
        return RedirectToAction(nameof(Details), new { level, id });
    }

    private async Task<IActionResult> RetireViewAsync(PlanElement element, RetireForm form)
    {
        var context = await pages.ContextOfAsync(element);
        return View("Retire", new RetireModel(form, element, context.Plan, await pages.ActiveChildCountAsync(element)));
    }

    private async Task<IActionResult> FormViewAsync(string view, PlanElementForm form, bool structureLocked)
    {
        var choices = await pages.ChoicesAsync(form.Level, form.ParentId);
        if (choices is null) return NotFound();
        static List<SelectListItem> Items(IEnumerable<(int Id, string Text)> options) =>
            options.Select(o => new SelectListItem(o.Text, o.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        return View(view, new ElementFormModel(form, choices.Plan, Items(choices.Parents), Items(choices.BasicProjects),
            UnitOptions.For(await orgTree.GetAsync()), structureLocked));
    }
}
