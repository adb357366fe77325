using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Komaki.Management.Web.Infrastructure.Authorization;

/// A record handler answers Read and Edit for one kind of record with the access rules of Core, for the person of the
/// request; a page asks through IAuthorizationService (AppController.MayAsync), so a new page cannot bypass the rule.
public abstract class RecordHandler<T>(CurrentUser me, OrgTreeProvider orgTree) : AuthorizationHandler<OperationAuthorizationRequirement, T>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, T resource)
    {
        var org = await orgTree.GetAsync();
        var allowed = requirement.Name switch
        {
            nameof(RecordOperations.Read) => CanRead(me.Actor, resource, org),
            nameof(RecordOperations.Edit) => CanEdit(me.Actor, resource, org),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
    }

    protected abstract bool CanRead(Actor actor, T record, OrgTree org);

    protected abstract bool CanEdit(Actor actor, T record, OrgTree org);
}

/// A draft evaluation belongs to its unit and planning until the first review; the unit edits it while its state allows.
public sealed class EvaluationHandler(CurrentUser me, OrgTreeProvider orgTree) : RecordHandler<ProjectEvaluation>(me, orgTree)
{
    protected override bool CanRead(Actor actor, ProjectEvaluation record, OrgTree org) => EvaluationAccess.CanRead(actor, record, org);

    protected override bool CanEdit(Actor actor, ProjectEvaluation record, OrgTree org) => EvaluationWorkflow.CanEdit(actor, record, org);
}

/// A goal in draft is its unit's and the top's; its content is edited by the unit head while the workflow allows.
public sealed class GoalHandler(CurrentUser me, OrgTreeProvider orgTree) : RecordHandler<Core.Goals.OrganizationalGoal>(me, orgTree)
{
    protected override bool CanRead(Actor actor, Core.Goals.OrganizationalGoal record, OrgTree org) => Core.Goals.GoalWorkflow.CanRead(actor, record, org);

    protected override bool CanEdit(Actor actor, Core.Goals.OrganizationalGoal record, OrgTree org) => Core.Goals.GoalWorkflow.CanEditContent(actor, record, org);
}

/// Every staff member reads the plan; planning edits all of it, a department head the content of the unit's projects.
public sealed class PlanElementHandler(CurrentUser me, OrgTreeProvider orgTree) : RecordHandler<PlanElement>(me, orgTree)
{
    protected override bool CanRead(Actor actor, PlanElement record, OrgTree org) => true;

    protected override bool CanEdit(Actor actor, PlanElement record, OrgTree org) => PlanElementCommands.EditAccess(actor, record, org) is not null;
}
