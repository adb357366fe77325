using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using Komaki.Management.Core.Common;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.Wording;

/// What a form accepts is exactly what it shows and stores: a number is typed as the page shows it. An exponent (1e1),
/// a sign after ▲ (▲-5 reads both ways) and more decimals than any page shows are refused in Japanese beside the
/// field, never read, rounded or stored. The class: every POST action's form, every text field of it (rows included)
/// that its validator reads as a number — found by asking the app's own validator, so a new number field is in.
public sealed partial class NumberFieldsTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    /// Typed as no page shows a number: with an exponent, with two signs, with one more decimal than NumberText shows.
    private static readonly string[] NeverShown = ["1e1", "1E1", "▲-5", "△+5", "1." + new string('1', NumberText.FormDecimals + 1)];

    /// Text that may be all digits but is no number: a code is kept as typed (6-2-01), never read as a value.
    private static readonly string[] Codes = ["PlanElementForm.Code"];

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();

    /// The text fields of a form model, with the key FluentValidation names them by and how to set them (a list's
    /// first row is made for it).
    private static IEnumerable<(string Key, Action<object, string?> Set)> TextFields(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var key = prefix + property.Name;
            if (property.PropertyType == typeof(string))
                yield return (key, (model, value) => property.SetValue(model, value));
            else if (depth < 2 && property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>)
                && property.PropertyType.GetGenericArguments()[0] is { IsClass: true } row && row != typeof(string) && row.GetConstructor(Type.EmptyTypes) is not null)
            {
                foreach (var (rowKey, set) in TextFields(row, "", depth + 1))
                    yield return ($"{key}[0].{rowKey}", (model, value) =>
                    {
                        var list = (IList)(property.GetValue(model) ?? Activator.CreateInstance(property.PropertyType)!);
                        property.SetValue(model, list);
                        if (list.Count == 0) list.Add(Activator.CreateInstance(row));
                        set(list[0]!, value);
                    });
            }
        }
    }

    private static async Task<List<FluentValidation.Results.ValidationFailure>> ErrorsAsync(IValidator validator, Type type, Action<object, string?> set, string value)
    {
        var model = Activator.CreateInstance(type)!;
        set(model, value);
        return (await validator.ValidateAsync(new ValidationContext<object>(model))).Errors;
    }

    [Fact]
    public async Task Every_number_field_of_every_form_refuses_what_no_page_shows_in_Japanese_beside_the_field()
    {
        var forms = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<ControllerActionDescriptor>()
            .Where(a => a.ActionConstraints?.OfType<HttpMethodActionConstraint>().Any(c => c.HttpMethods.Contains("POST")) == true)
            .SelectMany(a => a.Parameters.Select(p => p.ParameterType))
            .Where(t => t.IsClass && t.Namespace?.StartsWith("Komaki.", StringComparison.Ordinal) == true && t.GetConstructor(Type.EmptyTypes) is not null)
            .Distinct().ToList();
        using var scope = app.Services.CreateScope();
        var numbers = new List<string>();
        var problems = new List<string>();
        foreach (var type in forms)
        {
            if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator) continue;
            foreach (var (key, set) in TextFields(type, "", 0))
            {
                // A number field: its validator takes 12 and refuses a word there. (A validator that needs more of the
                // form than one field to run at all says nothing about that field.)
                try
                {
                    if ((await ErrorsAsync(validator, type, set, "12")).Any(e => e.PropertyName == key)) continue;
                    if (!(await ErrorsAsync(validator, type, set, "十二")).Any(e => e.PropertyName == key)) continue;
                }
                catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArgumentException)
                {
                    output.WriteLine($"{type.Name}.{key}: the validator needs more of the form ({e.GetType().Name})");
                    continue;
                }
                if (Codes.Contains($"{type.Name}.{key}")) continue;
                numbers.Add($"{type.Name}.{key}");
                foreach (var typed in NeverShown)
                {
                    var beside = (await ErrorsAsync(validator, type, set, typed)).Where(e => e.PropertyName == key).ToList();
                    if (beside.Count == 0) problems.Add($"{type.Name}.{key}: 「{typed}」 was taken");
                    else if (beside.Any(e => !Japanese().IsMatch(e.ErrorMessage))) problems.Add($"{type.Name}.{key}: 「{typed}」 refused, not in Japanese: {beside[0].ErrorMessage}");
                }
            }
        }
        output.WriteLine($"{forms.Count} forms, {numbers.Count} number fields: {string.Join(", ", numbers)}");
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(numbers.Count >= 15, $"only {numbers.Count} number fields found: {string.Join(", ", numbers)}");
        Assert.Contains("StaffingForm.Lines[0].Allocated", numbers);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(60)));
    }

    /// The counts of the 定員 form are whole people; a value the form shows posts back to the value stored.
    [Fact]
    public async Task The_staffing_form_refuses_exponents_signs_and_fractions_of_people_beside_the_field_and_round_trips()
    {
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var url = $"/Staffing/2026/{road}/Edit";
        var personnel = await app.SignedInAsync("jinji@komaki.example");
        var lines = app.WithDb(db => db.StaffingLines.Where(l => l.FiscalYear == 2026 && l.OrgUnitId == road).OrderBy(l => l.JobType).ThenBy(l => l.Employment).ToList());
        (string, string)[] Fields(string allocated1) =>
        [
            .. lines.SelectMany((l, n) => new[]
            {
                ($"Lines[{n}].Id", l.Id.ToString()), ($"Lines[{n}].Version", l.Version.ToString()),
                ($"Lines[{n}].Allocated", n == 1 ? allocated1 : NumberText.Format(l.Allocated)), ($"Lines[{n}].ActualApril1", NumberText.Format(l.ActualApril1)),
                ($"Lines[{n}].Assessed", NumberText.Format(l.Assessed)), ($"Lines[{n}].AssessmentReason", l.AssessmentReason ?? ""),
            }),
        ];
        async Task<HttpResponseMessage> Post(string allocated1)
        {
            var token = await KomakiFactory.TokenAsync(personnel, url);
            return await personnel.PostAsync(url, KomakiFactory.Form(token, Fields(allocated1)));
        }
        foreach (var typed in new[] { "1.123456789", "1.5", "1e1", "▲-5", "１e１" })
        {
            var response = await Post(typed);
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var message = Regex.Match(html, "data-valmsg-for=\"Lines\\[1\\]\\.Allocated\"[^>]*>([^<]+)<");
            Assert.True(message.Success, $"「{typed}」: no message beside Lines[1].Allocated");
            Assert.Equal("配分定数は0以上の整数（人）で入力してください。", message.Groups[1].Value);
            Assert.Equal(lines.Select(l => (l.Version, l.Allocated)), app.WithDb(db => db.StaffingLines.Where(l => l.FiscalYear == 2026 && l.OrgUnitId == road).OrderBy(l => l.JobType).ThenBy(l => l.Employment).ToList()).Select(l => (l.Version, l.Allocated)));
        }

        // What is shown is what is stored: 3 saved, shown as 3, posted back unchanged changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await Post("3")).StatusCode);
        lines = app.WithDb(db => db.StaffingLines.Where(l => l.FiscalYear == 2026 && l.OrgUnitId == road).OrderBy(l => l.JobType).ThenBy(l => l.Employment).ToList());
        Assert.Equal(3m, lines[1].Allocated);
        Assert.Contains("name=\"Lines[1].Allocated\" value=\"3\"", await personnel.GetStringAsync(url));
        var version = lines[1].Version;
        Assert.Equal(HttpStatusCode.Redirect, (await Post("3")).StatusCode);
        Assert.Equal(version, app.WithDb(db => db.StaffingLines.Single(l => l.Id == lines[1].Id).Version));
    }
}
