using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Public;

// The pages of PublicController in the citizens' site menu (IPublicPageContribution): a feature's own public page
// declares its entry beside its controller the same way (評価と予算: BudgetFormulation/PublicEffectController).

public sealed class PublicPlanPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("計画と指標", "Public", nameof(PublicController.Index), 10);
}

public sealed class PublicEvaluationsPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("事務事業評価", "Public", nameof(PublicController.Evaluations), 20);
}

public sealed class PublicForumPage : IPublicPageContribution
{
    public PublicPage Page { get; } = new("市民公開フォーラム", "Public", nameof(PublicController.Forum), 50);
}
