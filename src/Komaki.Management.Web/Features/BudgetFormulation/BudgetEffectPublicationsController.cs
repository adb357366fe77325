using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Features.Public;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// 公表 of 評価の効き目: the 財政課 publishes a year's report from a page that shows exactly what citizens will read and
/// says it cannot be undone; publishing keeps a snapshot, and a year published again becomes a new edition.
[Authorize(Policy = Policies.Finance)]
[Route("BudgetFormulation/Effect/{year:int}/Publish")]
public sealed class BudgetEffectPublicationsController(OrgTreeProvider orgTree, EffectPublications publications, BudgetEffect effect, DirectionCatalog directions, ReadCache cache)
    : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Publish(int year)
    {
        if (!Display.IsFiscalYear(year)) return NotFound();
        var model = await ModelAsync(year, new EffectPublishForm());
        model.Form.Shown = BudgetShown.Effect(model.Preview.Rows);
        return View("PublishEffect", model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Publish(int year, EffectPublishForm form)
    {
        if (!Display.IsFiscalYear(year)) return NotFound();
        var org = await orgTree.GetAsync();
        if (await ValidateAsync(form) && Accept(await publications.PublishAsync(year, form, Actor.UserName, Clock.UtcNow, org, directions)))
        {
            TempData["Message"] = $"{Wareki.FiscalYear(year)}の評価の効き目を公表しました。公開サイトとオープンデータに載りました。";
            return RedirectToAction(nameof(BudgetFormulationReportsController.Effect), "BudgetFormulationReports", new { year });
        }
        return View("PublishEffect", await ModelAsync(year, form));
    }

    private async Task<EffectPublishModel> ModelAsync(int year, EffectPublishForm form)
    {
        var org = await orgTree.GetAsync();
        // The screen's kept read model: what the confirmation shows is what the snapshot is taken from.
        var report = await cache.GetAsync($"budget-effect:{year}", BudgetEffect.Areas, () => effect.ReportAsync(year, org));
        var editions = (await publications.EditionsAsync()).Where(e => e.FiscalYear == year).ToList();
        return new EffectPublishModel(year, await publications.ReadinessAsync(year, org), new PublishedEffectTables(year, new EvaluationYears(year).Evaluated, EffectPublications.Snapshot(report, org, directions)) { Detail = false }, editions, form);
    }
}

public sealed record EffectPublishModel(int Year, EffectReadiness Readiness, PublishedEffectTables Preview, IReadOnlyList<EffectPublication> Editions, EffectPublishForm Form);
