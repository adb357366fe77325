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

/// 人事評価: the person, the evaluators named on it and the personnel division read it — nobody else. Who the reader is
/// to the evaluation comes from the staff register (the reader's staff records), so the handler reads it per request.
public sealed class PersonnelEvaluationHandler(CurrentUser me, PersonnelPages pages) : AuthorizationHandler<OperationAuthorizationRequirement, PersonnelEvaluation>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PersonnelEvaluation resource)
    {
        var relation = PersonnelAccess.RelationOf(me.Actor, await pages.StaffIdsOfAsync(me.UserId), resource);
        var allowed = requirement.Name switch
        {
            nameof(RecordOperations.Read) => PersonnelAccess.CanRead(relation),
            nameof(RecordOperations.Edit) => PersonnelWorkflow.CheckGoalEdit(relation, resource) is null,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
    }
}

/// 内部統制のリスク: its division, the 推進部局 and 評価部局 of the current policy and the executives read it; its division
/// edits it while in draft.
public sealed class ControlRiskHandler(CurrentUser me, OrgTreeProvider orgTree, ControlPages pages) : AuthorizationHandler<OperationAuthorizationRequirement, ControlRisk>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ControlRisk resource)
    {
        var org = await orgTree.GetAsync();
        var allowed = requirement.Name switch
        {
            nameof(RecordOperations.Read) => ControlAccess.CanRead(me.Actor, resource, await pages.PolicyAsync(), org,
                me.Actor.IsIn(Roles.Auditor) ? (await pages.YearAsync(resource.FiscalYear))?.ReportedOn : null),
            nameof(RecordOperations.Edit) => ControlAccess.CheckEdit(me.Actor, resource, org) is null,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
    }
}
