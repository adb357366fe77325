using System.Reflection;
using Komaki.Management.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Komaki.Management.IntegrationTests.Security;

public class AuthorizationShapeTests
{
    // Every policy Policies declares, read from the class: a role named on a controller instead fails below.
    private static readonly string[] KnownPolicies = typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    private static IEnumerable<Type> Controllers() => typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract);

    [Fact]
    public void Every_action_says_who_may_open_it_by_a_named_policy_or_says_it_is_open_to_all()
    {
        var unguarded = Controllers()
            .SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (c, m)))
            .Where(x => !x.m.IsSpecialName && x.m.GetCustomAttribute<NonActionAttribute>() is null)
            .Where(x => !Attributes(x.c, x.m).Any(a => a is AllowAnonymousAttribute || a is AuthorizeAttribute))
            .Select(x => $"{x.c.Name}.{x.m.Name}").ToList();
        Assert.Empty(unguarded);
    }

    [Fact]
    public void Roles_are_named_once_in_the_policies_not_on_each_controller()
    {
        Assert.Contains(Policies.Personnel, KnownPolicies);
        var byRole = Controllers()
            .SelectMany(c => new MemberInfo[] { c }.Concat(c.GetMethods()).SelectMany(m => m.GetCustomAttributes<AuthorizeAttribute>()).Select(a => (c, a)))
            .Where(x => x.a.Roles is not null || x.a.Policy is string p && !KnownPolicies.Contains(p))
            .Select(x => $"{x.c.Name}: {x.a.Roles ?? x.a.Policy}").ToList();
        Assert.Empty(byRole);
    }

    private static IEnumerable<Attribute> Attributes(Type controller, MethodInfo action) =>
        controller.GetCustomAttributes(inherit: true).OfType<Attribute>().Concat(action.GetCustomAttributes(inherit: true).OfType<Attribute>());
}
