using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Personnel;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.Security;

/// What a person did not change is never lost. The edit routes are read from the app itself (every route that takes
/// both a GET and a POST and is not a step that acts); the demo city is crawled as every demo user, and every edit
/// form found on such a page is posted back as a browser would send it (AngleSharp builds the form data set: every
/// input, checked box, selected option and textarea, the antiforgery token included). Nothing in the database may
/// change. Then one free-text field is changed and the audit trail must record that field and nothing else; and the
/// form posted once more with the version it was opened at (a second tab) must be refused and change nothing. A field
/// shown read-only (one the person may not set), posted changed, must be refused — never reported saved while dropped.
public partial class FormRoundTripTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    private static readonly string[] Users =
    [
        "doro-tanto@komaki.example", "doro-shuji@komaki.example", "doro-kacho@komaki.example", "kankyo-kacho@komaki.example",
        "toshi-bucho@komaki.example", "shimin-bucho@komaki.example", "kikaku@komaki.example", "hyoka@komaki.example", "jinji@komaki.example",
        "gyosei@komaki.example", "somu@komaki.example", "kansa@komaki.example", "shicho@komaki.example", "admin@komaki.example", "zaisei@komaki.example",
    ];

    /// Routes whose POST acts rather than saves what the page shows: posting them back would create, close, publish,
    /// submit, retire or delete — each has its own tests. The GET of these is a confirmation or an empty form.
    [GeneratedRegex(@"(^|/)(Create|Retire|Delete|Close|Publish|Withdraw|Allocate|Open|Disclose|Submit|Confirm|Steps|Bands|Calendar)(/|$)|^Account/|^Imports/|\{controller")]
    private static partial Regex ActingRoute();

    /// Tables the app writes while reading or as bookkeeping of a write: they are not what a form edits.
    private static readonly HashSet<string> Bookkeeping =
        ["AuditEntries", "DataVersions", "DataProtectionKeys", "UserSessions", "PersonnelReads", "__EFMigrationsHistory", "sqlite_sequence"];

    private const string Marker = "（往復確認）";

    /// Saves whose form sits on another page (the year's register, the promise's page): posted back unchanged from
    /// there they change nothing either.
    private static readonly string[] SavedFromAnotherPage = ["Control/Year/{year:int}/Schedule", "Manifesto/Items/{id:int}/Progress"];

    [Fact]
    public async Task Every_edit_form_posted_back_unchanged_changes_nothing_and_one_changed_field_changes_only_that_field()
    {
        var templates = EditTemplates();
        var elsewhere = SavedFromAnotherPage.ToDictionary(t => t, Pattern);
        output.WriteLine($"edit routes: {string.Join(", ", templates.Keys)}; saved from another page: {string.Join(", ", elsewhere.Keys)}");
        Assert.Contains(templates.Keys, t => t.Contains("Goals", StringComparison.Ordinal));

        var found = new HashSet<string>();
        var lost = new List<string>();
        var changedWrong = new List<string>();
        var saved = new HashSet<string>();
        var staleSaved = new List<string>();
        var silentlyDropped = new List<string>();
        var forms = 0;
        await foreach (var (user, client, url, form, action, template) in EditFormsAsync(templates))
        {
            found.Add(template);
            forms++;
            var label = $"{user} {url}";
            var before = Snapshot();
            var response = await PostAsync(client, form, action);
            if ((int)response.StatusCode >= 500) lost.Add($"{label}: {(int)response.StatusCode}");
            var after = Snapshot();
            if (after.Audits != before.Audits || after.Hash != before.Hash)
                lost.Add($"{label}: posting the form back unchanged changed {Describe(before, after)}");

            // A field the page shows read-only is one this person may not set: posted changed, the form refuses
            // it — it never answers "saved" while dropping it, nor saves it.
            foreach (var shut in ReadOnlyFields(form))
            {
                var kept = Value(shut);
                SetValue(shut, Changed(kept));
                var beforeShut = Snapshot();
                var posted = await PostAsync(client, form, action);
                var afterShut = Snapshot();
                SetValue(shut, kept);
                if (posted.StatusCode == HttpStatusCode.Redirect || afterShut.Hash != beforeShut.Hash)
                    silentlyDropped.Add($"{label}: read-only {shut.GetAttribute("name")} posted as {Changed(kept)} → {(int)posted.StatusCode} ({Describe(beforeShut, afterShut)})");
            }

            if (ChangeableField(form) is not { } field) continue;
            var name = field.GetAttribute("name")!;
            SetValue(field, Value(field) + Marker);
            // A change after agreement asks for the day and the reason, as a person making it would give them.
            foreach (var why in form.Elements.Where(e => e.GetAttribute("name") is "ChangedOn" or "ChangeReason" && Value(e).Length == 0))
                SetValue(why, why is IHtmlInputElement ? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "面談で合意したため");
            // A change of what the public site shows is a 訂正, and its reason is given as a person making it would.
            foreach (var why in form.Elements.Where(e => e.GetAttribute("name") == PublishedCorrections.ReasonField && Value(e).Length == 0)) SetValue(why, "誤りを見つけたため");
            var changed = await PostAsync(client, form, action);
            var entries = app.WithDb(db => db.AuditEntries.Where(a => a.Id > before.LastAudit).ToList());
            if (changed.StatusCode != HttpStatusCode.Redirect) continue;
            saved.Add(template);
            var updates = entries.Where(e => e.Action == AuditAction.Updated).SelectMany(e => e.Changes.Where(c => !CorrectionStamp(c.Field)).Select(c => $"{e.EntityType}.{c.Field}: {c.Old} → {c.New}")).ToList();
            if (updates.Count != 1 || !updates[0].EndsWith(Marker, StringComparison.Ordinal))
                changedWrong.Add($"{label} changed {name}, the audit trail records: {string.Join(" / ", updates)}");
            // The same form posted again, as from a second tab opened before that save: a form that carries the
            // version it was opened at is refused and changes nothing (the record, or only its parts, changed since).
            if (form.Elements.Any(e => string.Equals(e.GetAttribute("name"), "Version", StringComparison.OrdinalIgnoreCase)))
            {
                SetValue(field, Value(field) + Marker);
                var beforeStale = Snapshot();
                var stale = await PostAsync(client, form, action);
                var afterStale = Snapshot();
                if (stale.StatusCode == HttpStatusCode.Redirect || afterStale.Hash != beforeStale.Hash)
                    staleSaved.Add($"{label}: the form posted again with the version it was opened at was saved ({Describe(beforeStale, afterStale)})");
            }
            // The form is read again so the next role starts from what is stored now.
        }
        output.WriteLine($"{forms} forms posted back; routes with a form: {string.Join(", ", found)}; saved with one change: {string.Join(", ", saved)}");
        var missing = templates.Keys.Concat(elsewhere.Keys).Where(t => !found.Contains(t)).ToList();
        output.WriteLine($"not reached: {string.Join(", ", missing)}");
        foreach (var line in lost.Concat(changedWrong)) output.WriteLine(line);
        Assert.True(lost.Count == 0, string.Join("\n", lost.Take(40)));
        Assert.True(changedWrong.Count == 0, string.Join("\n", changedWrong.Take(40)));
        foreach (var line in silentlyDropped) output.WriteLine(line);
        Assert.True(silentlyDropped.Count == 0, string.Join("\n", silentlyDropped.Take(40)));
        foreach (var line in staleSaved) output.WriteLine(line);
        Assert.True(staleSaved.Count == 0, string.Join("\n", staleSaved.Take(40)));
        Assert.True(missing.Count == 0, $"no demo user reached a form of: {string.Join(", ", missing)}");
        // Saves from another page may hold no free text (a schedule is dates): the share is of the edit routes.
        var (editsSaved, editsFound) = (saved.Count(templates.ContainsKey), found.Count(templates.ContainsKey));
        Assert.True(editsSaved >= editsFound / 2, $"only {editsSaved} of {editsFound} edit routes saved a one-field change");
    }

    /// What a 訂正 stamps beside the changed field (ICorrectable): the time, the reason and what was published.
    private static bool CorrectionStamp(string field) => field is nameof(ICorrectable.CorrectedAt) or nameof(ICorrectable.CorrectionReason) || field.StartsWith(nameof(ICorrectable.AsPublished), StringComparison.Ordinal);

    /// A form that arrives with a field missing (a page cut short, a script, a hand-made request) never clears what the
    /// person did not touch. Every edit form found as above is posted back unchanged but for ONE field left out, field
    /// after field (at most FieldsPerForm of each form, spread over it): nothing stored may change — the page refuses
    /// in Japanese or saves nothing — and nothing answers 500. The exception is by input type, not by a list: a
    /// checkbox is left out by every browser when it is not ticked, so leaving out a ticked one is unticking it.
    [Fact]
    public async Task Every_edit_form_posted_with_one_field_left_out_changes_nothing()
    {
        var templates = EditTemplates();
        var tried = new HashSet<string>();
        var cleared = new List<string>();
        var posts = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await foreach (var (user, client, url, form, action, template) in EditFormsAsync(templates, done: () => tried.Count == templates.Count + SavedFromAnotherPage.Length))
        {
            if (!tried.Add(template)) continue;
            var names = form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && !e.HasAttribute("disabled"))
                .Where(e => e is not IHtmlButtonElement && e is not IHtmlInputElement { Type: "checkbox" or "submit" or "button" or "reset" or "image" or "file" })
                .Where(e => e is not IHtmlInputElement { Type: "radio", IsChecked: false })
                .Select(e => e.GetAttribute("name")!).Distinct().ToList();
            var step = Math.Max(1, (names.Count + FieldsPerForm - 1) / FieldsPerForm);
            var before = Snapshot();
            foreach (var name in names.Where((_, i) => i % step == 0))
            {
                posts++;
                var response = await PostAsync(client, form, action, leaveOut: name);
                var after = Snapshot();
                if ((int)response.StatusCode >= 500) cleared.Add($"{user} {url} without {name}: {(int)response.StatusCode}");
                if (after.Audits != before.Audits || after.Hash != before.Hash)
                {
                    cleared.Add($"{user} {url} without {name}: saved, changing {Describe(before, after)}");
                    before = after;
                }
            }
        }
        output.WriteLine($"{posts} posts with one field left out, {tried.Count} forms, {clock.Elapsed.TotalSeconds:0} s");
        foreach (var line in cleared) output.WriteLine(line);
        Assert.True(cleared.Count == 0, string.Join("\n", cleared.Take(40)));
        Assert.True(tried.Count >= templates.Count / 2, $"only {tried.Count} of {templates.Count} edit routes had a form to try");
    }

    private const int FieldsPerForm = 8;

    /// One edit form the crawl reached: whose, on which page, where it posts and the edit route it saves.
    private sealed record EditForm(string User, HttpClient Client, string Url, IHtmlFormElement Form, string Action, string Template);

    /// Every post form of an edit route — or of a save whose form sits on another page — that each user's crawl reaches,
    /// in crawl order; done is asked before each user, to stop early.
    private async IAsyncEnumerable<EditForm> EditFormsAsync(Dictionary<string, Regex> templates, Func<bool>? done = null)
    {
        var elsewhere = SavedFromAnotherPage.ToDictionary(t => t, Pattern);
        foreach (var user in Users)
        {
            if (done?.Invoke() == true) yield break;
            var client = await app.SignedInAsync(user);
            foreach (var (url, html) in await CrawlAsync(client, templates.Values.ToList()))
            {
                var path = url.Split('?')[0];
                var pageTemplate = templates.FirstOrDefault(t => t.Value.IsMatch(path)).Key;
                if (pageTemplate is null && !FormAction().Matches(html).Any(m => elsewhere.Values.Any(e => e.IsMatch(WebUtility.HtmlDecode(m.Groups[1].Value).Split('?')[0])))) continue;
                var document = await new HtmlParser().ParseDocumentAsync(html);
                foreach (var form in document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
                {
                    var action = ActionPath(form, path)!;
                    var template = action == path ? pageTemplate : elsewhere.FirstOrDefault(t => t.Value.IsMatch(action)).Key;
                    if (template is not null) yield return new(user, client, url, form, action, template);
                }
            }
        }
    }

    /// The forms of steps that once bound their text as loose parameters (ShapeTests.LooseTextInPosts) act, so they are
    /// not posted back above: each is posted with text one character longer than the model keeps, and must answer with
    /// the message beside its field and what was typed shown again, changing nothing.
    [Theory]
    [InlineData("評価者の変更")]
    [InlineData("一斉開示")]
    public async Task A_step_form_refuses_text_longer_than_the_model_keeps_beside_its_field_and_keeps_what_was_typed(string step)
    {
        var client = await app.SignedInAsync("jinji@komaki.example");
        var (page, field, max, fields) = step switch
        {
            "評価者の変更" => app.WithDb(db =>
            {
                var officer = db.Users.Single(u => u.Email == "jinji@komaki.example").Id;
                var e = db.PersonnelEvaluations.First(x => x.State < PersonnelState.Confirmed && x.FirstEvaluatorId != null && x.StaffMember!.UserId != officer);
                return ($"/Personnel/{e.Id}", "Reason", PersonnelCommands.ReassignReasonLength, new List<(string, string)>
                {
                    ("version", e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("firstEvaluatorId", e.FirstEvaluatorId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("secondEvaluatorId", e.SecondEvaluatorId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                });
            }),
            // A year with evaluations not yet confirmed: disclosing the others asks for the reason.
            _ => ($"/Personnel/Division/Disclose/{app.WithDb(db => db.PersonnelEvaluations.Where(e => e.State < PersonnelState.Confirmed && db.PersonnelDesigns.Any(d => d.FiscalYear == e.FiscalYear)).Max(e => e.FiscalYear))}", "Comment", PersonnelCommands.DisclosureReasonLength, new List<(string, string)>()),
        };
        var html = await client.GetStringAsync(page);
        var form = (await new HtmlParser().ParseDocumentAsync(html)).Forms.Single(f => f.Elements.Any(e => string.Equals(e.GetAttribute("name"), field, StringComparison.OrdinalIgnoreCase)));
        var typed = string.Concat(Enumerable.Repeat("異動のため", max / 5 + 1))[..(max + 1)];
        fields.Add((field, typed));
        var before = Snapshot();
        var response = await client.PostAsync(ActionPath(form, page), KomakiFactory.Form(KomakiFactory.TokenIn(html), [.. fields]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var input = shown.GetElementById(field)!;
        Assert.Equal(typed, Value(input));
        var beside = input.ParentElement!.QuerySelector(".invalid-feedback, .field-validation-error");
        Assert.Contains($"{max}文字以内で入力してください。", beside?.TextContent, StringComparison.Ordinal);
        var after = Snapshot();
        Assert.True(after.Audits == before.Audits && after.Hash == before.Hash, Describe(before, after));
    }

    /// Every route template with both a GET and a POST that does not act, as a regular expression over the path.
    private Dictionary<string, Regex> EditTemplates()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Template: e.RoutePattern.RawText?.TrimStart('/') ?? "", Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();
        return endpoints.GroupBy(e => e.Template)
            .Where(g => g.Any(e => e.Methods.Contains("GET")) && g.Any(e => e.Methods.Contains("POST")) && !ActingRoute().IsMatch(g.Key))
            .ToDictionary(g => g.Key, g => Pattern(g.Key));
    }

    private static Regex Pattern(string template) => new("^/" + Regex.Replace(Regex.Escape(template).Replace("\\{", "{", StringComparison.Ordinal), @"\{[^}]+\}", "[^/]+") + "$");

    /// A crawl that keeps to a few pages of each shape of path (ids and queries aside), so every kind of page is seen
    /// by every user without reading each record.
    private static async Task<List<(string Url, string Html)>> CrawlAsync(HttpClient client, List<Regex> edits)
    {
        var pages = new List<(string, string)>();
        var seen = new HashSet<string>();
        var shapes = new Dictionary<string, int>();
        var queue = new PriorityQueue<string, int>();
        var order = 0;
        foreach (var start in new[] {"/", "/Personnel", "/Control", "/Staffing", "/Goals", "/Plan", "/Evaluations", "/Manifesto", "/CitizenInputs", "/Survey", "/ImportLabels", "/Directions", "/Control/Policy", "/Control/Errors", "/DirectoryMappings", "/BudgetFormulation", "/BudgetFormulation?year=2028" }) queue.Enqueue(start, 1_000_000 + order++);
        while (queue.Count > 0 && pages.Count < 900)
        {
            var url = WebUtility.HtmlDecode(queue.Dequeue());
            if (!seen.Add(url) || url.StartsWith("/Account", StringComparison.Ordinal) || url.StartsWith("/lib/", StringComparison.Ordinal)
                || url.StartsWith("/css/", StringComparison.Ordinal) || url.StartsWith("/js/", StringComparison.Ordinal) || url.StartsWith("/api/", StringComparison.Ordinal)) continue;
            var shape = Digits().Replace(url.Split('?')[0], "#");
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            if (shapes[shape] > 6) continue;
            var response = await client.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html" || response.StatusCode != HttpStatusCode.OK) continue;
            var html = await response.Content.ReadAsStringAsync();
            pages.Add((url, html));
            // Edit pages are read first, so the bound on pages never hides one.
            foreach (Match m in Link().Matches(html)) queue.Enqueue(m.Groups[1].Value, (edits.Any(e => e.IsMatch(m.Groups[1].Value.Split('?')[0])) ? 0 : 1_000_000) + order++);
        }
        return pages;
    }

    private static string? ActionPath(IHtmlFormElement form, string page)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? page : WebUtility.HtmlDecode(action).Split('?')[0];
    }

    /// The form data set as a browser builds it, sent with the first submit button.
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlFormElement form, string path, string? leaveOut = null)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var submitter = form.Elements.OfType<IHtmlButtonElement>().FirstOrDefault(b => b.Type == "submit");
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled") || name == leaveOut) continue;
            switch (element)
            {
                case IHtmlInputElement input:
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "reset" or "image" or "file") continue;
                    if (type is "checkbox" or "radio" && !input.IsChecked) continue;
                    pairs.Add(new(name, type is "checkbox" or "radio" ? input.GetAttribute("value") ?? "on" : input.Value));
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.OfType<IHtmlOptionElement>().Where(o => !o.IsDisabled).ToList();
                    var chosen = options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && options.Count > 0) chosen.Add(options[0]);
                    pairs.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlTextAreaElement area:
                    pairs.Add(new(name, area.Value));
                    break;
                case IHtmlButtonElement button when button == submitter:
                    pairs.Add(new(name, button.Value));
                    break;
            }
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(pairs));
    }

    /// A free-text field the person could change: a textarea or a text input holding text (not a number or a date).
    private static IElement? ChangeableField(IHtmlFormElement form) =>
        form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && !e.HasAttribute("disabled") && !e.HasAttribute("readonly"))
            .Where(e => e is IHtmlTextAreaElement || e is IHtmlInputElement { Type: "text" })
            .FirstOrDefault(e => Value(e) is { Length: > 0 } v && !v.Any(char.IsDigit) && e.GetAttribute("name") is not ("ChangeReason" or "Reason" or "CorrectionReason"));

    /// The fields a person sees but may not change (readonly inputs and text areas that are posted).
    private static List<IElement> ReadOnlyFields(IHtmlFormElement form) =>
        form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && !e.HasAttribute("disabled") && e.HasAttribute("readonly"))
            .Where(e => e is IHtmlTextAreaElement || e is IHtmlInputElement { Type: "text" or "number" or "date" })
            .Cast<IElement>().ToList();

    /// Another value of the same kind: a number one more, a date a day later, text with the marker.
    private static string Changed(string value) =>
        value.Length == 0 ? "1"
        : decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", out var d) ? d.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : value + Marker;

    private static string Value(IElement e) => e switch
    {
        IHtmlTextAreaElement a => a.Value,
        IHtmlInputElement i => i.Value,
        _ => "",
    };

    private static void SetValue(IElement e, string value)
    {
        if (e is IHtmlTextAreaElement a) a.Value = value;
        else if (e is IHtmlInputElement i) i.Value = value;
    }

    private sealed record State(int Audits, long LastAudit, string Hash, Dictionary<string, string> Tables);

    /// The audit trail's length and every table's content, row by row.
    private State Snapshot()
    {
        using var connection = new SqliteConnection(app.ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var hashes = new Dictionary<string, string>();
        foreach (var table in tables.Where(t => !Bookkeeping.Contains(t)))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            var text = new StringBuilder();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                text.Append('\n');
            }
            hashes[table] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
        var (count, last) = app.WithDb(db => (db.AuditEntries.Count(), db.AuditEntries.Max(a => (long?)a.Id) ?? 0));
        return new State(count, last, string.Concat(hashes.Values), hashes);
    }

    private string Describe(State before, State after)
    {
        var tables = after.Tables.Where(t => before.Tables.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key);
        var audit = app.WithDb(db => db.AuditEntries.Where(a => a.Id > before.LastAudit).AsNoTracking().ToList())
            .SelectMany(e => e.Action == AuditAction.Updated ? e.Changes.Select(c => $"{e.EntityType}.{c.Field}: {c.Old} → {c.New}") : [$"{e.Action} {e.EntityType}"]);
        return $"tables {string.Join(", ", tables)}; audit {string.Join(" / ", audit)}";
    }

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("<form[^>]*action=\"(/[^\"#]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
