using System.Net;
using Komaki.Management.Core;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.BudgetFormulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.History;

/// Every audited record kind has a history page and a rule for who reads it, declared once by its feature
/// (IHistoryKind): forgetting one fails here instead of giving a silent 404.
public class HistoryKindTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private List<IHistoryKind> Kinds()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetServices<IHistoryKind>().ToList();
    }

    [Fact]
    public void Every_audited_entity_is_filed_under_a_record_type_that_exactly_one_kind_opens()
    {
        var kinds = Kinds();
        var audited = app.WithDb(db => db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(IAudited).IsAssignableFrom(t) && !t.IsAbstract).ToList());
        Assert.NotEmpty(audited);
        var problems = new List<string>();
        foreach (var entity in audited)
        {
            var declaring = kinds.Where(k => k.Entities.Contains(entity)).ToList();
            if (declaring.Count != 1) problems.Add($"{entity.Name}: declared by {declaring.Count} kinds");
            // The record type the entity's changes are filed under, as the audit trail writes it.
            var recordType = ((IAudited)Activator.CreateInstance(entity)!).AuditTarget.RecordType;
            var opening = kinds.Where(k => k.RecordTypes.Contains(recordType)).ToList();
            if (opening.Count != 1) problems.Add($"{entity.Name} (filed as {recordType}): opened by {opening.Count} kinds");
            else if (declaring.Count == 1 && opening[0] != declaring[0]) problems.Add($"{entity.Name}: declared by {declaring[0].GetType().Name} but {recordType} is opened by {opening[0].GetType().Name}");
        }
        foreach (var kind in kinds)
            problems.AddRange(kind.Entities.Where(e => !audited.Contains(e)).Select(e => $"{kind.GetType().Name} names {e.Name}, which is not audited"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_record_type_has_a_history_route_that_answers_with_the_page_or_a_refusal_never_a_404()
    {
        var admin = await app.SignedInAsync("admin@komaki.example");
        var types = Kinds().SelectMany(k => k.RecordTypes).ToList();
        var ids = app.WithDb(db => db.AuditEntries.GroupBy(a => a.RecordType).Select(g => new { g.Key, Id = g.Max(a => a.RecordId) }).ToList())
            .ToDictionary(x => x.Key, x => x.Id);
        var missing = new List<string>();
        foreach (var type in types)
        {
            var status = (await admin.GetAsync($"/History/{type}/{ids.GetValueOrDefault(type, "1")}")).StatusCode;
            if (status is not (HttpStatusCode.OK or HttpStatusCode.Forbidden)) missing.Add($"{type}: {status}");
        }
        Assert.True(missing.Count == 0, string.Join(", ", missing));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/History/NoSuchKind/1")).StatusCode);
    }

    [Fact]
    public async Task A_budget_request_and_its_stage_entries_are_read_by_their_division_its_department_finance_and_planning_only()
    {
        var (request, entry) = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == 2027 && db.OrgUnits.Any(u => u.Id == r.OrgUnitId && u.Name == "道路課") && r.Entries.Any())
            .Select(r => new { r.Id, Entry = r.Entries.OrderBy(e => e.Id).First().Id }).AsEnumerable().Select(r => (r.Id, r.Entry)).First());
        string[] urls = [$"/History/{nameof(BudgetRequest)}/{request}", $"/History/{nameof(BudgetStageEntry)}/{entry}"];
        foreach (var email in new[] { "doro-tanto@komaki.example", "doro-kacho@komaki.example", "toshi-bucho@komaki.example", "zaisei@komaki.example", "kikaku@komaki.example", "admin@komaki.example" })
        {
            var client = await app.SignedInAsync(email);
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} GET {url}: {response.StatusCode}");
                var page = await response.Content.ReadAsStringAsync();
                Assert.Contains("予算要求", page);
                Assert.Contains($"/BudgetFormulation/2027/Lines/{request}", page);
            }
        }
        foreach (var email in new[] { "kankyo-kacho@komaki.example", "shimin-bucho@komaki.example", "hyoka@komaki.example" })
        {
            var client = await app.SignedInAsync(email);
            foreach (var url in urls) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task A_personnel_evaluations_history_is_read_by_the_person_and_the_division_and_every_read_is_logged()
    {
        var id = app.WithDb(db => db.PersonnelEvaluations.Where(e => e.FiscalYear == 2026 && e.StaffMember!.StaffNumber == "10103").Select(e => e.Id).Single());
        var before = app.WithDb(db => db.PersonnelReads.Count(r => r.PersonnelEvaluationId == id));
        foreach (var email in new[] { "doro-tanto@komaki.example", "jinji@komaki.example" })
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(email)).GetAsync($"/History/PersonnelEvaluation/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("admin@komaki.example")).GetAsync($"/History/PersonnelEvaluation/{id}")).StatusCode);
        var reads = app.WithDb(db => db.PersonnelReads.Where(r => r.PersonnelEvaluationId == id).OrderBy(r => r.Id).Skip(before).Select(r => new { r.UserName, r.What }).ToList());
        Assert.Equal(3, reads.Count);
        Assert.Equal("admin@komaki.example", reads[2].UserName);
        Assert.StartsWith("拒否", reads[2].What, StringComparison.Ordinal);
    }
}
