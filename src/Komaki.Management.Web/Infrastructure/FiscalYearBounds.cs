using System.Collections;
using System.Reflection;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Komaki.Management.Web.Infrastructure;

/// Every route and form that names a fiscal year (an argument `year` or `fiscalYear`, a form or filter property `Year`
/// or `FiscalYear`, or such a property of its rows) is checked against the years the plan covers; anything else is a
/// 404, whatever the action does next. One place, so a new page cannot forget it. A year typed in the request itself
/// (route, query or form, including rows' `rows[0].FiscalYear`) is checked as typed too, so an explicit 0 or a year too
/// large to bind (which both bind as 0) is refused rather than taken for a year not given. A controller whose `year`
/// means something else for some requests (an import's scope: a fiscal year or a mayor's term) says so with
/// [YearIsSheetScope] and checks it itself.
public sealed partial class FiscalYearBounds : IAsyncActionFilter
{
    private static readonly string[] Names = ["year", "fiscalYear"];

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<YearIsSheetScopeAttribute>().Any())
        {
            await next();
            return;
        }
        // 0 is a year that was not given (an unposted form field); the action decides what that means.
        var years = context.ActionArguments.SelectMany(a => YearsIn(a.Key, a.Value)).Where(y => y != 0).ToList();
        var typed = TypedYears(context.HttpContext, context.RouteData).ToList();
        if (typed.Any(y => y is null))
        {
            context.Result = new NotFoundResult();
            return;
        }
        years.AddRange(typed.Select(y => y!.Value));
        if (years.Count > 0)
        {
            var range = await RangeAsync(context.HttpContext.RequestServices);
            if (years.Any(y => !range.Contains(y)))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }
        await next();
    }

    /// The fiscal years the plan covers, as every check of a year reads them.
    public static Task<FiscalYearRange> RangeAsync(IServiceProvider services) =>
        services.GetRequiredService<ReadCache>().GetAsync("fiscal-years", [DataArea.Plan],
            () => FiscalYearRange.LoadAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<CityClock>().FiscalYear));

    /// The numbers typed under a year's name; null for a number no year can be (0, negative, too long to bind).
    private static IEnumerable<int?> TypedYears(HttpContext http, RouteData route)
    {
        var values = route.Values.Select(v => (v.Key, Value: Convert.ToString(v.Value, CultureInfo.InvariantCulture)))
            .Concat(http.Request.Query.SelectMany(q => q.Value.Select(v => (q.Key, Value: v))));
        // Only a form model binding has already read: an upload streamed by its action is not read here.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form) values = values.Concat(form.SelectMany(f => f.Value.Select(v => (f.Key, Value: v))));
        foreach (var (key, value) in values)
        {
            var name = key[(key.LastIndexOf('.') + 1)..];
            if (!Names.Contains(name, StringComparer.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(value)) continue;
            var digits = value.Trim();
            if (!Number().IsMatch(digits)) continue;
            yield return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year > 0 ? year : null;
        }
    }

    private static IEnumerable<int> YearsIn(string name, object? value)
    {
        switch (value)
        {
            case null: yield break;
            case int year when Names.Contains(name, StringComparer.OrdinalIgnoreCase): yield return year;
                break;
            case string or int or bool or Enum: yield break;
            default:
                if (value.GetType().Namespace?.StartsWith("Komaki.", StringComparison.Ordinal) != true) yield break;
                foreach (var y in PropertiesOf(value)) yield return y;
                foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)))
                {
                    if (p.GetValue(value) is not IEnumerable items) continue;
                    foreach (var item in items)
                    {
                        if (item is null || item.GetType().Namespace?.StartsWith("Komaki.", StringComparison.Ordinal) != true) continue;
                        foreach (var y in PropertiesOf(item)) yield return y;
                    }
                }
                break;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex Number();

    private static IEnumerable<int> PropertiesOf(object value) =>
        value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is "Year" or "FiscalYear" && (p.PropertyType == typeof(int) || p.PropertyType == typeof(int?)))
            .Select(p => p.GetValue(value)).OfType<int>();
}
