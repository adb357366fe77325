using System.Net;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Personnel;

/// The history of an evaluation never shows a value its reader may not see on the sheet: the evaluation is walked
/// through every stage, each audited text field written with a value that names it (and rewritten, so old values are
/// in the history too), and at every stage every reader who may open it — the person (made a personnel officer too,
/// so the division's rights must not leak onto their own sheet), the first and second evaluators and the personnel
/// division — reads the sheet and the history: a field whose value the history shows must be shown by the sheet.
public sealed class PersonnelHistoryVisibilityTests(PersonnelHistoryVisibilityTests.Factory app) : IClassFixture<PersonnelHistoryVisibilityTests.Factory>
{
    private const string Person = "doro-tanto@komaki.example";
    private const string First = "doro-kacho@komaki.example";
    private const string Second = "toshi-bucho@komaki.example";
    private const string Division = "jinji@komaki.example";

    public sealed class Factory : KomakiFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(Person))!, Roles.Personnel)).Succeeded);
        }
    }

    /// The audited text fields, each written at the stage it is written in real life (and every stage after).
    private static readonly (string Field, PersonnelState From)[] Fields =
    [
        ("GoalTitle", PersonnelState.GoalSetting), ("GoalTarget", PersonnelState.GoalSetting), ("GoalDescription", PersonnelState.GoalSetting),
        (nameof(PersonnelEvaluation.GoalInterviewNote), PersonnelState.GoalsAgreed), (nameof(PersonnelEvaluation.MidYearInterviewNote), PersonnelState.MidYearReviewed),
        ("GoalResult", PersonnelState.SelfAssessed),
        (nameof(PersonnelEvaluation.FinalCompetenceGrade), PersonnelState.Confirmed), (nameof(PersonnelEvaluation.FinalPerformanceGrade), PersonnelState.Confirmed),
        (nameof(PersonnelEvaluation.AdjustmentReason), PersonnelState.Confirmed), (nameof(PersonnelEvaluation.AdjustmentNote), PersonnelState.Confirmed),
        (nameof(PersonnelEvaluation.DisclosedCompetenceGrade), PersonnelState.Disclosed), (nameof(PersonnelEvaluation.DisclosedPerformanceGrade), PersonnelState.Disclosed),
        (nameof(PersonnelEvaluation.DisclosedReason), PersonnelState.Disclosed),
    ];

    private static string Marker(string field, int round) => $"QZ{field}QZ{round}";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_reader_sees_in_the_history_a_value_the_sheet_hides_from_them_at_any_stage(bool discloseDetails)
    {
        var id = app.WithDb(db => db.PersonnelEvaluations.Single(e => e.FiscalYear == 2026 && e.StaffMember!.StaffNumber == "10103").Id);
        app.WithDb(db =>
        {
            var design = db.PersonnelDesigns.Single(d => d.FiscalYear == 2026);
            design.DiscloseDetails = discloseDetails;
            var e = db.PersonnelEvaluations.Single(x => x.Id == id);
            (e.State, e.FinalCompetenceGrade, e.FinalPerformanceGrade, e.AdjustmentReason, e.AdjustmentNote) = (PersonnelState.GoalSetting, null, null, null, null);
            (e.DisclosedCompetenceGrade, e.DisclosedPerformanceGrade, e.DisclosedReason, e.DisclosedOn, e.ComplaintDeadline) = (null, null, null, null, null);
            db.SaveChanges();
            // The walk starts a history of its own: a year is not walked backwards, so the rewind above is not part of it.
            return db.AuditEntries.Where(a => a.RecordType == nameof(PersonnelEvaluation) && a.RecordId == id.ToString()).ExecuteDelete();
        });
        var readers = new Dictionary<string, HttpClient>();
        foreach (var email in new[] { Person, First, Second, Division }) readers[email] = await app.SignedInAsync(email);
        var round = discloseDetails ? 100 : 200;
        var seenNote = false;
        foreach (var state in Enum.GetValues<PersonnelState>())
        {
            round++;
            app.WithDb(db =>
            {
                var e = db.PersonnelEvaluations.Include(x => x.Goals).Single(x => x.Id == id);
                var goal = e.OrderedGoals.First();
                e.State = state;
                foreach (var (field, from) in Fields.Where(f => f.From <= state))
                {
                    var value = Marker(field, round);
                    switch (field)
                    {
                        case "GoalTitle": goal.Title = value; break;
                        case "GoalTarget": goal.Target = value; break;
                        case "GoalDescription": goal.Description = value; break;
                        case "GoalResult": goal.Result = value; break;
                        default: typeof(PersonnelEvaluation).GetProperty(field)!.SetValue(e, value); break;
                    }
                }
                if (state >= PersonnelState.Disclosed) (e.DisclosedOn, e.ComplaintDeadline) = (new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31));
                return db.SaveChanges();
            });
            foreach (var (email, client) in readers)
            {
                var sheet = WebUtility.HtmlDecode(await client.GetStringAsync($"/Personnel/{id}"));
                var historyResponse = await client.GetAsync($"/History/PersonnelEvaluation/{id}");
                Assert.Equal(HttpStatusCode.OK, historyResponse.StatusCode);
                var history = WebUtility.HtmlDecode(await historyResponse.Content.ReadAsStringAsync());
                foreach (var (field, _) in Fields)
                {
                    var prefix = $"QZ{field}QZ";
                    Assert.False(history.Contains(prefix, StringComparison.Ordinal) && !sheet.Contains(prefix, StringComparison.Ordinal),
                        $"{email} at {state} (details disclosed: {discloseDetails}): the history shows {field}, the sheet does not");
                }
                // The history is not merely empty: what the sheet shows, the history shows too.
                Assert.Contains(Marker("GoalTitle", round), history);
                if (email == Division && state >= PersonnelState.Confirmed)
                {
                    Assert.Contains(Marker(nameof(PersonnelEvaluation.AdjustmentNote), round), history);
                    seenNote = true;
                }
                if (email != Division) Assert.DoesNotContain("調整の人事課内メモ", history);
            }
        }
        Assert.True(seenNote);
        var last = app.WithDb(db => db.PersonnelReads.Where(r => r.PersonnelEvaluationId == id).OrderByDescending(r => r.Id).First());
        Assert.Equal(("変更履歴", Division), (last.What, last.UserName));
    }

    /// Every audited property of the evaluation and its goals has a rule of who sees it (an unnamed one would be hidden
    /// from everyone's history, a decision nobody made).
    [Fact]
    public void Every_audited_field_of_the_sheet_has_a_visibility_rule()
    {
        var named = PersonnelFields.Named.ToHashSet();
        var missing = app.WithDb(db => new[] { typeof(PersonnelEvaluation), typeof(PerformanceGoal) }
            .SelectMany(t => db.Model.FindEntityType(t)!.GetProperties().Where(p => !p.IsPrimaryKey() && p.Name != "Version").Select(p => (t.Name, p.Name)))
            .Where(f => !named.Contains(f)).ToList());
        Assert.Empty(missing);
    }
}
