using Komaki.Management.Core.Common;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Plans;

/// The comprehensive plans, their periods and the names of their levels: data, because each mayoral
/// election can redraw the plan.
[Authorize(Policy = Policies.PlanMasterEditors)]
public sealed class PlansController(PlanPages pages, PlanCommands commands) : AppController()
{
    public async Task<IActionResult> Index() => View(await pages.PlansAsync());

    public IActionResult Create() => View("Edit", new PlanForm { StartYear = Clock.FiscalYear + 1, EndYear = Clock.FiscalYear + 8 });

    [HttpPost]
    public async Task<IActionResult> Create(PlanForm form)
    {
        form.Id = null;
        if (!await ValidateAsync(form) || !Accept(await commands.CreatePlanAsync(form))) return View("Edit", form);
        TempData["Message"] = $"「{form.Name.Trim()}」を登録しました。続けて計画期間（基本計画）を追加してください。";
        return RedirectToAction(nameof(Index));
    }

    public async Task<IActionResult> Edit(int id)
    {
        var p = await pages.PlanAsync(id);
        if (p is null) return NotFound();
        return View(PlanCommands.FormOf(p));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, PlanForm form)
    {
        var plan = await pages.PlanAsync(id, tracking: true);
        if (plan is null) return NotFound();
        form.Id = id;
        if (await ValidateAsync(form) && Accept(await commands.EditPlanAsync(plan, form)))
        {
            TempData["Message"] = $"「{plan.Name}」を更新しました。";
            return RedirectToAction(nameof(Index));
        }
        return View(form);
    }

    public async Task<IActionResult> CreateBasicPlan(int planId)
    {
        var plan = await pages.PlanAsync(planId);
        if (plan is null) return NotFound();
        return View("EditBasicPlan", new BasicPlanForm { ComprehensivePlanId = planId, StartYear = plan.StartYear, EndYear = plan.EndYear });
    }

    [HttpPost]
    public async Task<IActionResult> CreateBasicPlan(BasicPlanForm form)
    {
        form.Id = null;
        if (!await pages.PlanExistsAsync(form.ComprehensivePlanId)) return NotFound();
        if (!await ValidateAsync(form) || !Accept(await commands.CreateBasicPlanAsync(form))) return View("EditBasicPlan", form);
        TempData["Message"] = $"計画期間「{form.Name}」を追加しました。";
        return RedirectToAction(nameof(Index));
    }

    public async Task<IActionResult> EditBasicPlan(int id)
    {
        var b = await pages.BasicPlanAsync(id);
        if (b is null) return NotFound();
        return View(PlanPages.FormOf(b));
    }

    [HttpPost]
    public async Task<IActionResult> EditBasicPlan(int id, BasicPlanForm form)
    {
        var b = await pages.BasicPlanAsync(id, tracking: true);
        if (b is null) return NotFound();
        form.Id = id;
        form.ComprehensivePlanId = b.ComprehensivePlanId;
        if (await ValidateAsync(form) && Accept(await commands.EditBasicPlanAsync(b, form)))
        {
            TempData["Message"] = $"計画期間「{b.Name}」を更新しました。";
            return RedirectToAction(nameof(Index));
        }
        return View(form);
    }

    /// Starts the next edition of the plan (after a mayoral election) as a copy of this one.
    public async Task<IActionResult> CopyBasicPlan(int id)
    {
        var b = await pages.BasicPlanAsync(id);
        if (b is null) return NotFound();
        ViewData["From"] = b;
        return View(new BasicPlanForm { ComprehensivePlanId = b.ComprehensivePlanId, Name = "", StartYear = Clock.FiscalYear + 1, EndYear = Clock.FiscalYear + 4 });
    }

    [HttpPost]
    public async Task<IActionResult> CopyBasicPlan(int id, BasicPlanForm form)
    {
        var b = await pages.BasicPlanAsync(id);
        if (b is null) return NotFound();
        form.ComprehensivePlanId = b.ComprehensivePlanId;
        var (copied, edition) = await ValidateAsync(form) ? await commands.CopyBasicPlanAsync(b, form) : (new CommandResult(), null);
        if (!Accept(copied) || edition is null)
        {
            ViewData["From"] = b;
            return View(form);
        }
        TempData["Message"] = $"「{b.Name}」を写して「{edition.Name}」を作成しました。施策の名称・内容を見直してください。事務事業は、新しい計画期間が始まるときに「事務事業と指標を移す」で移します。";
        return RedirectToAction(nameof(CompareBasicPlan), new { id = edition.Id });
    }

    /// A redrawn edition against the one it was drawn from: 新規 / 修正 / 継続 / 廃止 by level and code.
    public async Task<IActionResult> CompareBasicPlan(int id)
    {
        var compared = await pages.CompareAsync(id);
        return compared is { } c ? View(c) : NotFound();
    }

    [HttpPost]
    public async Task<IActionResult> MoveWork(int id)
    {
        var newer = await pages.BasicPlanAsync(id);
        if (newer?.CopiedFromId is null) return NotFound();
        var (projects, indicators) = await commands.MoveWorkAsync(id);
        TempData["Message"] = $"事務事業 {projects:N0} 件と施策の指標 {indicators:N0} 件を「{newer.Name}」の同じコードの施策に移しました。";
        return RedirectToAction(nameof(CompareBasicPlan), new { id });
    }
}
