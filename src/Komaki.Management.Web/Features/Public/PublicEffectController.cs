using Komaki.Management.Core.BudgetFormulation;

namespace Komaki.Management.Web.Features.Public;

/// 評価の効き目 on the citizens' site: what the 財政課 published, as it was published (EffectPublications keeps each
/// edition as a snapshot), with every edition kept readable under its date.
[AllowAnonymous]
[Route("public")]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = "public")]
public sealed class PublicEffectController(EffectPublications publications) : Controller
{
    [HttpGet("budget-effect")]
    public async Task<IActionResult> Index(int? year, int? edition)
    {
        var shown = await publications.EditionAsync(year, edition);
        if (shown is null && (year is not null || edition is not null)) return NotFound();
        return View("BudgetEffect", new PublicEffectModel(shown, await publications.EditionsAsync()));
    }
}
