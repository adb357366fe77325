using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.Wording;

/// A value the app cannot read at all — 「Bogus」 chosen for an enum, typed into a number, a date or a yes/no — is
/// answered in Japanese beside its field, naming the field by its Japanese label, never by a property, parameter or
/// type name (「Bogus」はMidYearStatusとして…). The class: every POST action the app has, every enum, number, date and
/// bool its forms bind (rows of a form included) and every such value it binds on its own, bound with the app's own
/// binders and messages.
public sealed partial class BindingMessagesTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    private const string Typed = "Bogus";

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();

    [GeneratedRegex("[A-Za-z_]{2,}")]
    private static partial Regex AsciiWord();

    private static bool Unreadable(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum || t == typeof(bool) || t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) || t == typeof(short)
            || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(TimeOnly) || t == typeof(DateTimeOffset);
    }

    /// The fields of a bound value that a person could type or choose wrongly, with the key a browser posts them by.
    private static IEnumerable<(string Key, ModelMetadata Field)> FieldsOf(ModelMetadata model, string prefix, int depth)
    {
        if (!model.IsComplexType)
        {
            if (Unreadable(model.ModelType)) yield return (prefix, model);
            yield break;
        }
        if (depth > 2 || model.ModelType.Namespace?.StartsWith("Komaki.", StringComparison.Ordinal) != true) yield break;
        foreach (var property in model.Properties.Where(p => !p.IsReadOnly && p.IsBindingAllowed))
        {
            var key = prefix.Length == 0 ? property.PropertyName! : $"{prefix}.{property.PropertyName}";
            if (property.IsEnumerableType && property.ModelType != typeof(string) && property.ElementMetadata is { } element)
                foreach (var f in FieldsOf(element, key + "[0]", depth + 1)) yield return f;
            else
                foreach (var f in FieldsOf(property, key, depth + 1)) yield return f;
        }
    }

    [Fact]
    public async Task Every_post_answers_a_value_it_cannot_read_in_Japanese_beside_the_field_named_by_its_label()
    {
        var services = app.Services;
        var actions = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<ControllerActionDescriptor>()
            .Where(a => a.ActionConstraints?.OfType<HttpMethodActionConstraint>().Any(c => c.HttpMethods.Contains("POST")) == true).ToList();
        var metadata = (ModelMetadataProvider)services.GetRequiredService<IModelMetadataProvider>();
        var binders = services.GetRequiredService<IModelBinderFactory>();
        var parameterBinder = services.GetRequiredService<ParameterBinder>();
        var factories = services.GetRequiredService<IOptions<MvcOptions>>().Value.ValueProviderFactories;
        using var scope = services.CreateScope();

        var problems = new List<string>();
        var fields = 0;
        foreach (var action in actions)
            foreach (var parameter in action.Parameters.OfType<ControllerParameterDescriptor>())
            {
                var source = parameter.BindingInfo?.BindingSource;
                if (source == BindingSource.Services || source == BindingSource.Path || source == BindingSource.Body || source == BindingSource.FormFile || source == BindingSource.Special) continue;
                if (action.AttributeRouteInfo?.Template?.Contains($"{{{parameter.Name}", StringComparison.OrdinalIgnoreCase) == true) continue;
                var model = metadata.GetMetadataForParameter(parameter.ParameterInfo);
                var prefix = parameter.BindingInfo?.BinderModelName ?? (model.IsComplexType ? "" : parameter.Name);
                foreach (var (key, field) in FieldsOf(model, prefix, 0).DistinctBy(f => f.Key))
                {
                    fields++;
                    var where = $"{action.ControllerName}.{action.ActionName}({parameter.Name}) {key}";
                    var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
                    http.Request.Method = "POST";
                    http.Request.ContentType = "application/x-www-form-urlencoded";
                    http.Request.Form = new FormCollection(new Dictionary<string, StringValues> { [key] = Typed });
                    var context = new ActionContext(http, new RouteData(), action, new ModelStateDictionary());
                    var values = await CompositeValueProvider.CreateAsync(context, factories);
                    var binder = binders.CreateBinder(new ModelBinderFactoryContext { BindingInfo = parameter.BindingInfo, Metadata = model, CacheToken = parameter });
                    await parameterBinder.BindModelAsync(context, binder, values, parameter, model, value: null, container: null);
                    var messages = context.ModelState.Where(e => e.Key == key).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();
                    if (messages.Count == 0)
                    {
                        problems.Add($"{where}: 「{Typed}」 was taken silently (no message)");
                        continue;
                    }
                    var label = field.DisplayName;
                    foreach (var message in messages)
                    {
                        var rest = message.Replace(Typed, "", StringComparison.Ordinal);
                        if (!Japanese().IsMatch(rest)) problems.Add($"{where}: not Japanese: {message}");
                        else if (AsciiWord().Match(rest) is { Success: true } word) problems.Add($"{where}: names the code's «{word.Value}»: {message}");
                        // A form's field is named by its label; an action's own value (an id, a year in the address) or
                        // an item of a list of ids has no field to name and is refused without a name.
                        else if (field.MetadataKind != Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.ModelMetadataKind.Property) continue;
                        else if (label is null || !Japanese().IsMatch(label)) problems.Add($"{where}: the field has no Japanese [Display] label to name it by: {message}");
                        else if (!message.Contains(label, StringComparison.Ordinal)) problems.Add($"{where}: does not name the field 「{label}」: {message}");
                    }
                }
            }
        output.WriteLine($"{actions.Count} POST actions, {fields} fields; {problems.Count} problems");
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(fields > 100, $"only {fields} fields found");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(60)));
    }

    /// The two forms the outside tester used, as a browser posts them: the page answers (no 500) with the message beside the field.
    [Fact]
    public async Task A_choice_that_is_not_on_the_list_is_refused_beside_its_field_in_Japanese_on_the_progress_forms()
    {
        var road = app.WithDb(db => db.ExecutionPlans.First(e => e.FiscalYear == 2026 && e.OwnerUnitId == db.OrgUnits.Single(u => u.Name == "道路課").Id));
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var url = $"/ExecutionPlans/2026/{road.ProjectId}/Progress";
        var response = await staff.PostAsync(url, KomakiFactory.Form(await KomakiFactory.TokenAsync(staff, url),
            ("Version", road.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("MidYearStatus", Typed), ("MidYearProgress", "順調")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Beside(html, "MidYearStatus");
        Assert.Equal(road.MidYearStatus, app.WithDb(db => db.ExecutionPlans.Single(e => e.Id == road.Id).MidYearStatus));

        var item = app.WithDb(db => db.ManifestoItems.OrderBy(i => i.Id).First().Id);
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var manifesto = await planning.PostAsync($"/Manifesto/Items/{item}/Progress", KomakiFactory.Form(await KomakiFactory.TokenAsync(planning, $"/Manifesto/Items/{item}"),
            ("fiscalYear", "2026"), ("status", Typed), ("commentary", "準備を始めた"), ("evidence", ""), ("version", "0")));
        var page = await manifesto.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, manifesto.StatusCode);
        Beside(page, "status");
    }

    private static void Beside(string html, string field)
    {
        var m = Regex.Match(html, $"name=\"{Regex.Escape(field)}\"[^>]*>(?:(?!name=\")[\\s\\S]){{0,6000}}?(?:invalid-feedback|text-danger|field-validation-error)[^>]*>([^<]+)<", RegexOptions.IgnoreCase);
        Assert.True(m.Success, $"no message beside {field}");
        var rest = WebUtility.HtmlDecode(m.Groups[1].Value).Replace(Typed, "", StringComparison.Ordinal);
        Assert.Matches(Japanese(), rest);
        Assert.DoesNotMatch(AsciiWord(), rest);
    }
}
