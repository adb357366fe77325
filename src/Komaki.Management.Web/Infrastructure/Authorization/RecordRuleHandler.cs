using Komaki.Management.Core;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Komaki.Management.Web.Infrastructure.Authorization;

/// The one door for "may this person do this with this record, and why not?": every record kind's rule (Core's
/// IRecordRule, declared by its feature) answers through this handler for the person of the request, so a page asks
/// through IAuthorizationService (AppController.MayAsync / RefusalAsync) and cannot bypass the rule. A refusal carries
/// the rule's reason, which the refusal page or the field shows.
public sealed class RecordRuleHandler<T>(IRecordRule<T> rule, CurrentUser me, OrgTreeProvider orgTree)
    : AuthorizationHandler<OperationAuthorizationRequirement, T> where T : class
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, T resource)
    {
        var refusal = await rule.RefusalAsync(new RuleAsker(me.Actor, me.UserId, await orgTree.GetAsync()), resource, requirement.Name);
        if (refusal is null) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, refusal));
    }
}

public static class RecordRuleRegistration
{
    /// Every record rule of the features registers itself with the one handler adapting it, so a feature joins the
    /// door by declaring its rule.
    public static IServiceCollection AddRecordRules(this IServiceCollection services, params System.Reflection.Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var rule in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRecordRule<>)))
            {
                services.AddScoped(rule, type);
                services.AddScoped(typeof(IAuthorizationHandler), typeof(RecordRuleHandler<>).MakeGenericType(rule.GetGenericArguments()[0]));
            }
        }
        return services;
    }
}
