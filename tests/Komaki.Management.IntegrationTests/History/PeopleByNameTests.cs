using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Komaki.Management.Core;
using Komaki.Management.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.History;

/// Staff know each other by 所属 and 氏名, not by an account's id or e-mail address. The class: the history page of
/// every record kind — a change by another person planted in it, touching every field of the kind's entities that
/// holds a person (…UserId, …By) — and the refusal of a save overtaken by another editor show neither that person's
/// user id (a GUID) nor their e-mail address.
public sealed partial class PeopleByNameTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    private const string Other = "doro-shuji@komaki.example";

    private static readonly string[] Readers =
    [
        "kikaku@komaki.example", "admin@komaki.example", "jinji@komaki.example", "hyoka@komaki.example", "zaisei@komaki.example",
        "gyosei@komaki.example", "kansa@komaki.example", "somu@komaki.example", "doro-kacho@komaki.example", "shicho@komaki.example",
    ];

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [Fact]
    public async Task The_history_of_every_record_kind_names_people_without_their_id_or_e_mail()
    {
        List<IHistoryKind> kinds;
        using (var scope = app.Services.CreateScope()) kinds = scope.ServiceProvider.GetServices<IHistoryKind>().ToList();
        var (otherId, otherName) = app.WithDb(db => db.Users.Where(u => u.Email == Other).Select(u => new { u.Id, u.DisplayName }).AsEnumerable().Select(u => (u.Id, u.DisplayName)).Single());
        var ids = app.WithDb(db => db.AuditEntries.GroupBy(a => a.RecordType).Select(g => new { g.Key, Id = g.Max(a => a.RecordId) }).ToList()).ToDictionary(x => x.Key, x => x.Id!);
        var planted = new List<(string Type, string Id, string Fields)>();
        app.WithDb(db =>
        {
            foreach (var kind in kinds)
                foreach (var type in kind.RecordTypes.Where(ids.ContainsKey))
                {
                    var entity = kind.Entities.FirstOrDefault(e => PersonFields(e).Any()) ?? kind.Entities.First();
                    var fields = PersonFields(entity).ToList();
                    var changes = fields.Select(f => new FieldChange(f, otherId, Other)).ToList();
                    db.AuditEntries.Add(new AuditEntry
                    {
                        At = DateTime.UtcNow, UserName = Other, RecordType = type, RecordId = ids[type], EntityType = entity.Name,
                        Action = changes.Count == 0 ? AuditAction.Deleted : AuditAction.Updated, ChangesJson = JsonSerializer.Serialize(changes),
                    });
                    planted.Add((type, ids[type], string.Join(",", fields)));
                }
            return db.SaveChanges();
        });
        Assert.Contains(planted, p => p.Fields.Contains("ReviewerUserId", StringComparison.Ordinal));
        Assert.Contains(planted, p => p.Fields.Contains("OwnerUserId", StringComparison.Ordinal));

        var clients = new Dictionary<string, HttpClient>();
        foreach (var reader in Readers) clients[reader] = await app.SignedInAsync(reader);
        var problems = new List<string>();
        var read = new List<string>();
        var unread = new List<string>();
        foreach (var (type, id, fields) in planted)
        {
            string? page = null;
            foreach (var reader in Readers)
            {
                var response = await clients[reader].GetAsync($"/History/{type}/{Uri.EscapeDataString(id)}");
                if (response.StatusCode != HttpStatusCode.OK) continue;
                page = await response.Content.ReadAsStringAsync();
                break;
            }
            if (page is null)
            {
                unread.Add(type);
                continue;
            }
            read.Add($"{type}[{fields}]");
            if (page.Contains(Other, StringComparison.OrdinalIgnoreCase)) problems.Add($"{type}/{id}: shows {Other}");
            if (page.Contains(otherId, StringComparison.OrdinalIgnoreCase)) problems.Add($"{type}/{id}: shows the user id {otherId}");
            else if (Guid().Match(page) is { Success: true } g) problems.Add($"{type}/{id}: shows an id {g.Value}");
            if (!page.Contains(otherName, StringComparison.Ordinal)) problems.Add($"{type}/{id}: does not name {otherName}");
        }
        output.WriteLine($"read: {string.Join(", ", read)}; read by none of the readers: {string.Join(", ", unread)}");
        Assert.True(read.Count >= planted.Count * 3 / 4, $"only {read.Count} of {planted.Count} histories read");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    private static IEnumerable<string> PersonFields(Type entity) => entity.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(string) && (p.Name.EndsWith("UserId", StringComparison.Ordinal) || p.Name.EndsWith("By", StringComparison.Ordinal)))
        .Select(p => p.Name);

    /// A save overtaken by another editor names that editor as staff know them: 所属 and 氏名.
    [Fact]
    public async Task A_save_overtaken_by_another_editor_names_them_by_unit_and_name_not_e_mail()
    {
        var road = app.WithDb(db => db.ExecutionPlans.First(e => e.FiscalYear == 2026 && e.OwnerUnitId == db.OrgUnits.Single(u => u.Name == "道路課").Id));
        var (name, unit) = app.WithDb(db => db.Users.Where(u => u.Email == "doro-tanto@komaki.example")
            .Select(u => new { u.DisplayName, Unit = db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).First() }).AsEnumerable().Select(u => (u.DisplayName, u.Unit)).Single());
        var url = $"/ExecutionPlans/2026/{road.ProjectId}/Progress";
        var first = await app.SignedInAsync("doro-tanto@komaki.example");
        var second = await app.SignedInAsync("doro-kacho@komaki.example");
        var version = road.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var secondToken = await KomakiFactory.TokenAsync(second, url);
        var saved = await first.PostAsync(url, KomakiFactory.Form(await KomakiFactory.TokenAsync(first, url), ("Version", version), ("MidYearStatus", "OnTrack"), ("MidYearProgress", "予定どおり進んでいる。")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await (await second.PostAsync(url, KomakiFactory.Form(secondToken, ("Version", version), ("MidYearStatus", "Delayed"), ("MidYearProgress", "遅れている。")))).Content.ReadAsStringAsync();
        Assert.Contains("保存できませんでした", refused);
        Assert.Contains($"{unit} {name}", refused);
        Assert.DoesNotContain("doro-tanto@komaki.example", refused);
    }
}
