using Microsoft.AspNetCore.OutputCaching;

namespace Komaki.Management.Web.Infrastructure;

/// An open-data list's JSON and CSV: open to all under /api/v1 and kept by the same cache as the citizens' site, so
/// the list and the page never disagree between two writes. A feature's open-data controller derives from it.
[AllowAnonymous]
[Route("api/v1")]
[OutputCache(PolicyName = PublicSiteController.CachePolicy)]
public abstract class OpenDataApiController : ControllerBase;
