using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Goals;

/// 対応待ち: the person's own work, one row per record, and the city-wide stages planning and the executives answer for.
[Authorize(Policy = Policies.Staff)]
[Route("Goals/Waiting")]
public sealed class WaitingController(MyWaiting waiting) : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Waiting", await waiting.ForAsync(Actor, Clock.FiscalYear, Clock.Today));
}
