using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using Komaki.Management.Core.Common;
using Komaki.Management.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Shared;

/// Every date a person types has a sensible range (SensibleDates): each date of each form a POST binds — a DateOnly or
/// DateTime, a date typed as text, a date of a form's rows — is refused by the form's validator at 0001-01-01 and at
/// 9999-12-31, beside the field, in Japanese; and a date in the range is not refused for being out of it.
public sealed class DateRangeTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static readonly Type[] Controllers = typeof(AppController).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(ControllerBase).IsAssignableFrom(t)).ToArray();

    private static readonly Assembly[] Ours = [typeof(AppController).Assembly, typeof(SensibleDates).Assembly];

    private static Type Element(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsArray) return Element(t.GetElementType()!);
        return t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(IEnumerable<>) || g == typeof(IReadOnlyList<>)) ? Element(t.GetGenericArguments()[0]) : t;
    }

    private static bool IsDate(PropertyInfo p)
    {
        var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        return t == typeof(DateOnly) || t == typeof(DateTime) || (t == typeof(string) && Regex.IsMatch(p.Name, "(On|Date|Due)$"));
    }

    private static object? Value(Type t, string text)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        var day = DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return t == typeof(DateOnly) ? day : t == typeof(DateTime) ? day.ToDateTime(TimeOnly.MinValue) : text;
    }

    /// The forms POST actions bind, each with the dates in it: (path of the property, set the value on a new form).
    private static IEnumerable<(Type Form, string Path, Func<string, object> Make)> Dates()
    {
        var forms = Controllers.SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<HttpPostAttribute>().Any()).SelectMany(m => m.GetParameters())
            .Where(p => p.GetCustomAttribute<FromServicesAttribute>() is null).Select(p => Element(p.ParameterType))
            .Where(t => Ours.Contains(t.Assembly) && t.IsClass && !typeof(IFormFile).IsAssignableFrom(t)).Distinct().ToList();
        foreach (var form in forms)
        {
            foreach (var p in form.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                if (IsDate(p))
                    yield return (form, p.Name, text => { var f = Activator.CreateInstance(form)!; p.SetValue(f, Value(p.PropertyType, text)); return f; });
                else if (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>) && Ours.Contains(Element(p.PropertyType).Assembly) && !Element(p.PropertyType).IsEnum)
                {
                    var row = Element(p.PropertyType);
                    foreach (var rp in row.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(rp => rp.CanWrite && IsDate(rp)))
                        yield return (form, $"{p.Name}[0].{rp.Name}", text =>
                        {
                            var f = Activator.CreateInstance(form)!;
                            var r = Activator.CreateInstance(row)!;
                            rp.SetValue(r, Value(rp.PropertyType, text));
                            ((IList)p.GetValue(f)!).Add(r);
                            return f;
                        });
                }
                else if (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>) && p.PropertyType.GetGenericArguments()[1] == typeof(string) && Regex.IsMatch(p.Name, "(On|Date|Due)$"))
                {
                    // Dates typed per key (CalendarForm.Due by stage): one key given the date.
                    var key = p.PropertyType.GetGenericArguments()[0];
                    yield return (form, p.Name, text =>
                    {
                        var f = Activator.CreateInstance(form)!;
                        ((IDictionary)p.GetValue(f)!)[key.IsEnum ? Enum.GetValues(key).GetValue(0)! : Activator.CreateInstance(key)!] = text;
                        return f;
                    });
                }
            }
        }
    }

    [Fact]
    public async Task Every_date_of_every_posted_form_is_refused_at_the_first_and_the_last_day_there_is()
    {
        using var scope = app.Services.CreateScope();
        var dates = Dates().ToList();
        Assert.Contains(dates, d => d.Form.Name == "CitizenInputForm" && d.Path == "ReceivedOn");
        Assert.Contains(dates, d => d.Form.Name == "RoundForm" && d.Path == "Stages[0].DueOn");
        Assert.True(dates.Count >= 29, $"only {dates.Count} dates found");
        var problems = new List<string>();
        foreach (var (form, path, make) in dates)
        {
            var validator = (IValidator?)scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(form));
            if (validator is null) { problems.Add($"{form.Name}: no validator"); continue; }
            foreach (var text in new[] { "0001-01-01", "9999-12-31" })
            {
                var result = await validator.ValidateAsync(new ValidationContext<object>(make(text)));
                var beside = result.Errors.Where(e => e.PropertyName.StartsWith(path, StringComparison.OrdinalIgnoreCase)).ToList();
                if (beside.Count == 0) problems.Add($"{form.Name}.{path} = {text}: accepted");
                else if (!beside.All(e => Regex.IsMatch(e.ErrorMessage, @"\p{IsCJKUnifiedIdeographs}"))) problems.Add($"{form.Name}.{path} = {text}: refused as 「{string.Join(" ", beside.Select(e => e.ErrorMessage))}」");
            }
            var fine = await validator.ValidateAsync(new ValidationContext<object>(make("2026-06-01")));
            if (fine.Errors.Any(e => e.PropertyName.StartsWith(path, StringComparison.OrdinalIgnoreCase) && e.ErrorMessage == SensibleDates.Message)) problems.Add($"{form.Name}.{path}: 2026-06-01 refused as out of range");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
