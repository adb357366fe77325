using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// 評価の効き目 on the citizens' site: what the 財政課 published, as it was published (EffectPublications keeps each
/// edition as a snapshot), with every edition kept readable under its date.
public sealed class PublicEffectController(EffectPublications publications) : PublicSiteController
{
    [HttpGet("budget-effect")]
    public async Task<IActionResult> Index(int? year, int? edition)
    {
        var shown = await publications.EditionAsync(year, edition);
        if (shown is null && (year is not null || edition is not null)) return NotFound();
        return View("PublicEffect", new PublicEffectModel(shown, await publications.EditionsAsync()));
    }
}

/// The page in the citizens' site menu.
public sealed class PublicEffectPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("評価と予算", "PublicEffect", nameof(PublicEffectController.Index), 30);
}
