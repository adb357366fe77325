using Microsoft.AspNetCore.OutputCaching;

namespace Komaki.Management.Web.Infrastructure;

/// A page of the citizens' site: open to all under /public and kept by the public output cache until the next write
/// (AppHost's "public" policy). A feature's public controller derives from it, so what makes a page public is said once.
[AllowAnonymous]
[Route("public")]
[OutputCache(PolicyName = PublicSiteController.CachePolicy)]
public abstract class PublicSiteController : Controller
{
    /// The output cache policy of the citizens' site and the open data (AppHost).
    public const string CachePolicy = "public";
}
