using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// 復活要求 after 内示: the 課's head names the amount and the reason, and the 財政課 answers with what it grants.
[Authorize(Policy = Policies.Staff)]
[Route("BudgetFormulation")]
public sealed class BudgetRestorationsController(OrgTreeProvider orgTree, BudgetFormulationPages pages, BudgetFormulationCommands commands) : BudgetDoorController()
{
    [HttpGet("{year:int}/Lines/{id:int}/Restoration/Create")]
    public async Task<IActionResult> Restoration(int year, int id)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (await RefusalAsync(line.Request, BudgetRequestRule.Restore) is { } refused) return Forbidden(refused);
        return View(new RestoreModel(year, line, null, null, org));
    }

    [HttpPost("{year:int}/Lines/{id:int}/Restoration/Create")]
    public async Task<IActionResult> Restoration(int year, int id, RestorationForm form)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (await RefusalAsync(line.Request, BudgetRequestRule.Restore) is { } refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.RestoreAsync(id, form, Actor, org)))
        {
            TempData["Message"] = $"{line.Code} {line.Name} の復活要求を出しました。財政課が回答します。";
            return RedirectToAction(nameof(BudgetRequestsController.Line), "BudgetRequests", new { year, id });
        }
        return View(new RestoreModel(year, line, form.Amount, form.Reason, org));
    }

    [HttpGet("{year:int}/Restorations/{id:int}/Answer/Submit")]
    public async Task<IActionResult> Answer(int year, int id)
    {
        var org = await orgTree.GetAsync();
        var (line, restoration) = await RestorationAsync(id, org);
        if (line is null || restoration is null || line.Request.FiscalYear != year) return NotFound();
        if (await RefusalAsync(line.Request, BudgetRequestRule.Assess(BudgetStage.RestorationAssessment)) is { } refused) return Forbidden(refused);
        return View(new AnswerModel(year, line, restoration, Amounts.Thousands(restoration.Granted), restoration.Answer, org));
    }

    [HttpPost("{year:int}/Restorations/{id:int}/Answer/Submit")]
    public async Task<IActionResult> Answer(int year, int id, AnswerForm form)
    {
        var org = await orgTree.GetAsync();
        var (line, restoration) = await RestorationAsync(id, org);
        if (line is null || restoration is null || line.Request.FiscalYear != year) return NotFound();
        if (await RefusalAsync(line.Request, BudgetRequestRule.Assess(BudgetStage.RestorationAssessment)) is { } refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.AnswerAsync(id, form, Actor, org)))
        {
            TempData["Message"] = $"{line.Code} {line.Name} の復活要求に回答しました。";
            return RedirectToAction(nameof(BudgetRequestsController.Line), "BudgetRequests", new { year, id = line.Request.Id });
        }
        return View(new AnswerModel(year, line, restoration, form.Granted, form.Answer, org));
    }

    private async Task<(FormulationLine?, BudgetRestoration?)> RestorationAsync(int id, OrgTree org)
    {
        var requestId = await pages.RequestOfRestorationAsync(id);
        var line = requestId is int r ? await pages.LineAsync(r, org) : null;
        return (line, line?.Request.Restorations.FirstOrDefault(x => x.Id == id));
    }
}
