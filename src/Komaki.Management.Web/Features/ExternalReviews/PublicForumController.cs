using Komaki.Management.Web.Features.Public;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.ExternalReviews;

/// 行政評価市民公開フォーラム on the citizens' site: the results of closed sessions with the city's responses.
public sealed class PublicForumController(PublishedLists lists) : PublicSiteController
{
    [HttpGet("forum")]
    public async Task<IActionResult> Index() => View("PublicForum", await lists.ForumAsync());
}

/// The page in the citizens' site menu.
public sealed class PublicForumPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("市民公開フォーラム", "PublicForum", nameof(PublicForumController.Index), 50);
}
