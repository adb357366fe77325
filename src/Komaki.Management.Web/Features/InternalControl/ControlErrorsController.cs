using Komaki.Management.Core.Common;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.InternalControl;

/// 事務処理ミス: a division reports its own (what happened, cause, impact, correction, prevention, the risk it shows);
/// the 推進部局, the 評価部局 and the executives see all; planning publishes.
[Authorize(Policy = Policies.Staff)]
[Route("Control/Errors")]
public sealed class ControlErrorsController(OrgTreeProvider orgTree, ControlPages pages, ControlCommands commands) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year) => View("Errors", await ModelAsync(year ?? Clock.FiscalYear, new ProcessingErrorForm { OccurredOn = Clock.Today }));

    [HttpPost("")]
    public async Task<IActionResult> Create(int year, ProcessingErrorForm form)
    {
        if (await RefusalAsync(new ProcessingError { FiscalYear = year, OrgUnitId = form.OrgUnitId }, RecordOperations.Edit) is string refused) return Forbidden(refused);
        var org = await orgTree.GetAsync();
        var risks = await pages.RegisterAsync(Actor, await pages.PolicyAsync(), org, year, [form.OrgUnitId]);
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.RecordErrorAsync(form, year, risks)) is not null)
        {
            TempData["Message"] = "事務処理ミスを記録しました。";
            return RedirectToAction(nameof(Index), new { year });
        }
        return View("Errors", await ModelAsync(year, form));
    }

    [HttpPost("{id:int}/Publish")]
    public async Task<IActionResult> Publish(int id, int year)
    {
        if (await pages.ErrorAsync(id) is not { } error) return NotFound();
        if (await RefusalAsync(error, ProcessingErrorRule.Publish) is string refused) return Forbidden(refused);
        var result = await commands.PublishErrorAsync(id, Clock.Today);
        if (result.Succeeded) TempData["Message"] = "事務処理ミスを公表済にしました。市民向けサイトの「内部統制」に載ります。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index), new { year });
    }

    private async Task<ErrorsModel> ModelAsync(int year, ProcessingErrorForm form)
    {
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        var all = await pages.ErrorsAsync(year);
        var seen = all.Where(e => ProcessingErrorRule.ReadRefusal(Actor, e, policy, org) is null).ToList();
        var mine = ControlPages.EntryUnits(Actor, org, year, errors: true).Select(x => new SelectListItem(x.Name, x.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        if (form.OrgUnitId == 0 && mine.Count > 0) form.OrgUnitId = int.Parse(mine[0].Value, CultureInfo.InvariantCulture);
        var risks = mine.Count == 0 ? [] : await pages.RegisterAsync(Actor, policy, org, year, mine.Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList());
        return new ErrorsModel(year, seen, org, mine, risks, form, await RefusalAsync(new ProcessingError { FiscalYear = year }, ProcessingErrorRule.Publish) is null);
    }
}
