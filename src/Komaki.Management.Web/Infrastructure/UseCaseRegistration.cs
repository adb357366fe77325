using System.Reflection;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Web.Infrastructure;

public static class UseCaseRegistration
{
    /// Every use case class (IUseCase) of the features registers itself for the request, so adding one needs no
    /// line here.
    public static IServiceCollection AddUseCases(this IServiceCollection services, params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
        }
        return services;
    }

    /// Every implementation of a contribution interface (a record kind's history, …) registers itself under it, so
    /// a feature joins the cross-cutting page by declaring the class.
    public static IServiceCollection AddContributions<T>(this IServiceCollection services, params Assembly[] assemblies) where T : class
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(T), type);
        }
        return services;
    }
}
