using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;

namespace Komaki.Management.Web.Infrastructure;

/// The city's own words for what the system stores as codes, read once per request (and cached until a write):
/// every page and file shows a direction by the city's label.
public static class CityVocabulary
{
    public static IServiceCollection AddCityVocabulary(this IServiceCollection services) =>
        services.AddScoped(sp => sp.GetRequiredService<ReadCache>().Get("directions", [DataArea.Settings], () =>
        {
            var stored = sp.GetRequiredService<AppDbContext>().DirectionChoices.AsNoTracking().ToList();
            return new DirectionCatalog(stored.Count == 0 ? DirectionChoice.Defaults : stored);
        }));
}
