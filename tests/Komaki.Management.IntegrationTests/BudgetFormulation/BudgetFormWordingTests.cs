using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// What a POST of 予算編成 and 予算 (Features/BudgetFormulation, Features/Budgets) says when it is sent something the
/// page never sends: every message in Japanese — no property or enum name (issue 31: 「Bogus」はStageとして…) — and
/// two rows for one key of a list (two 枠 for one 部) refused naming it, never the last silently winning.
public sealed class BudgetFormWordingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2031;

    private static readonly string[] AreaNamespaces =
        ["Komaki.Management.Web.Features.BudgetFormulation", "Komaki.Management.Web.Features.Budgets"];

    private static IEnumerable<MethodInfo> Posts() =>
        typeof(Web.Infrastructure.AppController).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract && AreaNamespaces.Contains(t.Namespace))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<HttpPostAttribute>().Any());

    /// A value the model binder may fail to convert, so its name goes into the message: everything but text.
    private static bool CanFailToBind(Type t) => t != typeof(string);

    private static Type? ElementOf(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? t.GetGenericArguments()[0]
        : t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? t.GetGenericArguments()[1]
        : null;

    private static bool IsForm(Type t) => t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("Komaki.", StringComparison.Ordinal) == true;

    /// Every bound property of a form, with its path, recursively through lists and dictionaries of rows.
    private static IEnumerable<(string Path, PropertyInfo Property)> Bound(Type form, string prefix, HashSet<Type> seen)
    {
        if (!seen.Add(form)) yield break;
        foreach (var p in form.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            yield return ($"{prefix}{form.Name}.{p.Name}", p);
            if (ElementOf(p.PropertyType) is { } element && IsForm(element))
                foreach (var inner in Bound(element, $"{prefix}{form.Name}.{p.Name}[].", seen)) yield return inner;
        }
    }

    private static bool Japanese(string? name) => !string.IsNullOrWhiteSpace(name) && !Regex.IsMatch(name, "[A-Za-z]");

    [Fact]
    public void Every_value_a_post_of_the_area_binds_has_a_japanese_name_for_its_message()
    {
        var missing = new List<string>();
        var posts = Posts().ToList();
        Assert.Contains(posts, m => m.GetParameters().Any(p => p.ParameterType == typeof(RoundForm)));
        foreach (var post in posts)
        {
            foreach (var parameter in post.GetParameters())
            {
                if (IsForm(parameter.ParameterType))
                {
                    foreach (var (path, property) in Bound(parameter.ParameterType, "", []))
                    {
                        if (CanFailToBind(property.PropertyType) && !Japanese(property.GetCustomAttribute<DisplayAttribute>()?.Name))
                            missing.Add($"{post.DeclaringType!.Name}.{post.Name}: {path}");
                    }
                    continue;
                }
                // Route values constrained to numbers never bind a wrong value (the route does not match); others do.
                var route = post.DeclaringType!.GetCustomAttribute<RouteAttribute>()?.Template + "/" + post.GetCustomAttribute<HttpPostAttribute>()!.Template;
                var constrained = Regex.IsMatch(route, $"\\{{{parameter.Name}:(int|long)\\}}");
                if (CanFailToBind(parameter.ParameterType) && !constrained && !Japanese(parameter.GetCustomAttribute<DisplayAttribute>()?.Name))
                    missing.Add($"{post.DeclaringType!.Name}.{post.Name}: parameter {parameter.Name}");
            }
        }
        Assert.True(missing.Count == 0, "bound without a Japanese [Display(Name)]:\n" + string.Join("\n", missing));
    }

    /// The messages a page shows for its fields: the error list at the top and those beside the fields.
    private static List<string> Messages(string html) =>
        Regex.Matches(html, "<(li|span|div)[^>]*class=\"[^\"]*(text-danger|invalid-feedback|field-validation-error)[^\"]*\"[^>]*>([^<]+)<", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(m.Groups[3].Value).Trim())
            .Concat(Regex.Matches(html, "<div class=\"alert alert-danger\"[^>]*>(.*?)</div>", RegexOptions.Singleline)
                .SelectMany(a => Regex.Matches(a.Groups[1].Value, "<li>([^<]*)</li>").Select(li => WebUtility.HtmlDecode(li.Groups[1].Value).Trim())))
            .Where(m => m.Length > 0).ToList();

    private async Task<(HttpClient Finance, string Page, List<(string, string)> Fields)> PolicyFormAsync()
    {
        var finance = await app.SignedInAsync("zaisei@komaki.example");
        var page = await finance.GetStringAsync($"/BudgetFormulation/{Year}/Policy");
        // In the page's order, a checked box before its hidden 「false」, as a browser sends them.
        var form = page[page.IndexOf("id=\"policy-form\"", StringComparison.Ordinal)..];
        var fields = Regex.Matches(form[..form.IndexOf("</form>", StringComparison.Ordinal)], "<input\\b[^>]*>")
            .Select(m => m.Value)
            .Where(tag => !(tag.Contains("type=\"checkbox\"", StringComparison.Ordinal) && !tag.Contains(" checked", StringComparison.Ordinal)))
            .Select(tag => (Regex.Match(tag, "\\sname=\"([^\"]*)\"").Groups[1].Value, WebUtility.HtmlDecode(Regex.Match(tag, "\\svalue=\"([^\"]*)\"").Groups[1].Value)))
            .Where(f => f.Item1.Length > 0 && f.Item1 != "__RequestVerificationToken").ToList();
        // The selects and text areas too: a form sent without a field it showed is refused (SentFields).
        fields.AddRange(HtmlForms.Fields(form[..form.IndexOf("</form>", StringComparison.Ordinal)]).Where(f => fields.All(x => x.Item1 != f.Key)).Select(f => (f.Key, f.Value)));
        Assert.Contains(fields, f => f.Item1 == "Frames[1].DepartmentId");
        return (finance, page, fields);
    }

    private static List<(string, string)> With(List<(string Key, string Value)> fields, string key, string value) =>
        [.. fields.Select(f => f.Key == key ? (f.Key, value) : f)];

    [Fact]
    public async Task A_tampered_policy_form_is_refused_in_japanese_naming_the_field()
    {
        var (finance, page, fields) = await PolicyFormAsync();
        foreach (var (key, value, expected) in new[]
        {
            ("Stages[0].Stage", "Bogus", "段階"), ("Version", "abc", "版"), ("Stages[1].DueOn", "2026-13-45", "期限"), ("Frames[0].DepartmentId", "x", "部"),
        })
        {
            var response = await finance.PostAsync($"/BudgetFormulation/{Year}/Policy", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. With(fields, key, value)]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var messages = Messages(await response.Content.ReadAsStringAsync());
            Assert.Contains(messages, m => m.Contains(expected, StringComparison.Ordinal));
            Assert.All(messages, m => Assert.DoesNotMatch("[A-Za-z]{2,}", m.Replace(value, "", StringComparison.Ordinal)));
        }
        Assert.False(app.WithDb(db => db.BudgetRounds.Any(r => r.FiscalYear == Year)));
    }

    [Fact]
    public async Task Two_rows_for_one_key_of_a_list_are_refused_naming_it_and_nothing_is_saved()
    {
        // The lists the area's forms bind: each is posted with two rows for one key below.
        var lists = Posts().SelectMany(m => m.GetParameters()).Where(p => IsForm(p.ParameterType))
            .SelectMany(p => Bound(p.ParameterType, "", [])).Where(x => ElementOf(x.Property.PropertyType) is { } e && IsForm(e))
            .Select(x => x.Path).Distinct().Order().ToList();
        Assert.Equal(["CommitForm.Reasons", "RequestForm.Setsu", "RoundForm.Frames", "RoundForm.Stages"], lists);

        // Two 枠 for one 部.
        var (finance, page, fields) = await PolicyFormAsync();
        var first = fields.First(f => f.Item1 == "Frames[0].DepartmentId").Item2;
        var name = app.WithDb(db => db.OrgUnits.Single(u => u.Id == int.Parse(first)).Name);
        var twoFrames = With(With(With(fields, "Frames[1].DepartmentId", first), "Frames[0].GeneralFund", "100"), "Frames[1].GeneralFund", "200");
        var html = await (await finance.PostAsync($"/BudgetFormulation/{Year}/Policy", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. twoFrames]))).Content.ReadAsStringAsync();
        Assert.Contains($"{name}の枠が二つ送られました", html);

        // Two rows for one stage.
        var twoStages = With(fields, "Stages[1].Stage", fields.First(f => f.Item1 == "Stages[0].Stage").Item2);
        html = await (await finance.PostAsync($"/BudgetFormulation/{Year}/Policy", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. twoStages]))).Content.ReadAsStringAsync();
        Assert.Contains($"{BudgetStage.Request.Label()}の行が二つ送られました", html);
        Assert.False(app.WithDb(db => db.BudgetRounds.Any(r => r.FiscalYear == Year)));

        // Two amounts for one 節 on the request form.
        var project = app.WithDb(db => db.Projects.Where(p => p.RetiredAt == null && db.OrgUnits.Any(u => u.Id == p.OwnerUnitId && u.Name == "道路課")).OrderBy(p => p.Id).Select(p => p.Id).First());
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var url = $"/BudgetFormulation/{Year}/Request/{project}";
        var form = await staff.GetStringAsync(url);
        var request = HtmlForms.Fields(form, url);
        (request["Expenditure"], request["National"], request["Prefectural"], request["Bonds"], request["OtherSpecific"], request["General"], request["Reason"]) = ("1000", "0", "0", "0", "0", "1000", "舗装の打ち替え");
        (request["Setsu[1].Number"], request["Setsu[0].Amount"], request["Setsu[1].Amount"]) = (request["Setsu[0].Number"], "400", "600");
        var response = await staff.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(form), [.. request.Select(x => (x.Key, x.Value))]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{SetsuList.Label(int.Parse(request["Setsu[0].Number"]))}の欄が二つ送られました", await response.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.BudgetRequests.Any(r => r.FiscalYear == Year && r.ProjectId == project)));
    }
}
