using Komaki.Management.Core.Identity;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.InternalControl;

/// What the pages of one risk share: the risk with its policy and the unit tree, the details page's model (each
/// button with the rule's answer) and who is writing, for the risk's own steps (ControlController) and its
/// deficiencies' steps (ControlDeficienciesController).
public abstract class ControlRiskController(OrgTreeProvider orgTree, CurrentUser me, ControlPages pages) : AppController
{
    protected OrgTreeProvider OrgTrees { get; } = orgTree;

    protected ControlPages Pages { get; } = pages;

    protected async Task<(ControlRisk? Risk, ControlPolicy? Policy, OrgTree Org)> LoadAsync(int id) =>
        (await Pages.WithDetails().FirstOrDefaultAsync(r => r.Id == id), await Pages.PolicyAsync(), await OrgTrees.GetAsync());

    protected async Task<RiskDetailsModel> DetailsModelAsync(ControlRisk risk, ControlPolicy? policy, OrgTree org, RiskEvaluationForm form)
    {
        var errors = await Pages.ErrorsOfRiskAsync(risk.Id);
        return new RiskDetailsModel(risk, org.PathName(risk.OrgUnitId), await RefusalAsync(risk, RecordOperations.Edit), await RefusalAsync(risk, ControlRiskRule.Submit),
            await RefusalAsync(risk, ControlRiskRule.Evaluate), form,
            risk.Deficiencies.OrderBy(d => d.Id).Select(d => (d, ControlRiskRule.CorrectRefusal(Actor, risk, d, org))).ToList(), errors, Clock.Today)
        {
            ConfirmRefusals = risk.Deficiencies.ToDictionary(d => d.Id, d => ControlRiskRule.ConfirmCorrectionRefusal(Actor, risk, d, policy, org)),
        };
    }

    protected ControlAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
}
