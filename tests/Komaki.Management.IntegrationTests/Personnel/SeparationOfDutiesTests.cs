using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Personnel;

/// Nobody acts on their own record: 道路 次郎 (10103) is made a personnel officer, and on his own evaluation he takes
/// none of the evaluators' or the division's steps, even where the data names him as his own evaluator; another
/// personnel officer (jinji@) takes the division's steps; he sees nothing before it is disclosed to him.
public sealed class SeparationOfDutiesTests(SeparationOfDutiesTests.Factory app) : IClassFixture<SeparationOfDutiesTests.Factory>
{
    private const string Officer = "doro-tanto@komaki.example";
    private const string OtherOfficer = "jinji@komaki.example";

    public sealed class Factory : KomakiFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(Officer);
            Assert.True((await users.AddToRoleAsync(user!, Roles.Personnel)).Succeeded);
        }
    }

    /// Every step of the sheet that is not the person's own, with the state it is due in.
    public static TheoryData<string, PersonnelState, bool> NotThePersonsSteps => new()
    {
        { nameof(PersonnelStep.AgreeGoals), PersonnelState.GoalsSubmitted, false },
        { nameof(PersonnelStep.ReturnGoals), PersonnelState.GoalsSubmitted, false },
        { nameof(PersonnelStep.MidYearInterview), PersonnelState.GoalsAgreed, false },
        { nameof(PersonnelStep.FirstEvaluate), PersonnelState.SelfAssessed, false },
        { nameof(PersonnelStep.SecondEvaluate), PersonnelState.FirstEvaluated, false },
        { nameof(PersonnelStep.Confirm), PersonnelState.SecondEvaluated, true },
        { nameof(PersonnelStep.Disclose), PersonnelState.Confirmed, true },
        { nameof(PersonnelStep.AnswerComplaint), PersonnelState.Disclosed, true },
        { nameof(PersonnelStep.Reassign), PersonnelState.MidYearReviewed, true },
    };

    [Fact]
    public void The_theory_covers_every_step_that_is_not_the_persons()
    {
        var own = new[] { PersonnelStep.SubmitGoals, PersonnelStep.SelfAssess, PersonnelStep.Acknowledge, PersonnelStep.FileComplaint };
        var expected = PersonnelWorkflow.Actions.Append(PersonnelStep.Reassign).Except(own).Select(s => s.ToString()).Order().ToList();
        Assert.Equal(expected, NotThePersonsSteps.Select(row => (string)row[0]).Order().ToList());
    }

    private int Id => app.WithDb(db => db.PersonnelEvaluations.Single(e => e.FiscalYear == 2026 && e.StaffMember!.StaffNumber == "10103").Id);

    /// Puts the evaluation in a state; with selfAsEvaluator the data names the person as both evaluators.
    private (int Id, int Version) Arrange(PersonnelState state, bool selfAsEvaluator)
    {
        var id = Id;
        return app.WithDb(db =>
        {
            var e = db.PersonnelEvaluations.Include(x => x.Complaints).Include(x => x.Marks).Single(x => x.Id == id);
            var first = db.StaffMembers.Single(s => s.Email == "doro-kacho@komaki.example").Id;
            var second = db.StaffMembers.Single(s => s.Email == "toshi-bucho@komaki.example").Id;
            e.FirstEvaluatorId = selfAsEvaluator ? e.StaffMemberId : first;
            e.SecondEvaluatorId = selfAsEvaluator ? e.StaffMemberId : second;
            e.State = state;
            e.FinalCompetenceGrade = state >= PersonnelState.Confirmed ? "B" : null;
            e.FinalPerformanceGrade = state >= PersonnelState.Confirmed ? "B" : null;
            e.Complaints.Clear();
            if (state == PersonnelState.Disclosed) e.Complaints.Add(new PersonnelComplaint { FiledAt = DateTime.UtcNow, Content = "納得できません" });
            e.Marks.RemoveAll(m => m.Stage != MarkStage.Self);
            var goal = db.PerformanceGoals.First(g => g.PersonnelEvaluationId == id).Id;
            e.Marks.Add(new EvaluationMark { Stage = MarkStage.First, Part = AppraisalPart.Performance, PerformanceGoalId = goal, Grade = "B", Comment = "SECRET-FIRST-MARK" });
            e.Marks.Add(new EvaluationMark { Stage = MarkStage.First, Part = AppraisalPart.Performance, Grade = "B" });
            e.Marks.Add(new EvaluationMark { Stage = MarkStage.First, Part = AppraisalPart.Competence, Grade = "B" });
            db.SaveChanges();
            return (id, e.Version);
        });
    }

    private static (string, string)[] FieldsOf(string step, int version, int otherEvaluator) => step switch
    {
        "Reassign" => [("version", version.ToString()), ("firstEvaluatorId", otherEvaluator.ToString()), ("secondEvaluatorId", ""), ("reason", "異動")],
        _ =>
        [
            ("Version", version.ToString()), ("Step", step), ("confirmed", "true"), ("InterviewOn", "2026-06-01"), ("InterviewNote", "面談"), ("Comment", "回答します"),
            ("CompetenceGrade", "S"), ("PerformanceGrade", "S"), ("AdjustmentReason", "調整"), ("Outcome", "Changed"),
        ],
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    [Theory]
    [MemberData(nameof(NotThePersonsSteps))]
    public async Task A_personnel_officer_takes_no_step_on_their_own_evaluation_and_another_officer_takes_the_divisions(string step, PersonnelState state, bool divisionStep)
    {
        var (id, version) = Arrange(state, selfAsEvaluator: !divisionStep);
        var otherEvaluator = app.WithDb(db => db.StaffMembers.Single(s => s.Email == "kankyo-kacho@komaki.example").Id);
        var url = step == "Reassign" ? $"/Personnel/{id}/Reassign" : $"/Personnel/{id}/Act";
        var events = app.WithDb(db => db.Set<PersonnelEvent>().Count(x => x.PersonnelEvaluationId == id));
        var officer = await app.SignedInAsync(Officer);

        var refused = await PostAsync(officer, url, FieldsOf(step, version, otherEvaluator));
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        var after = app.WithDb(db => db.PersonnelEvaluations.Include(x => x.Complaints).Single(x => x.Id == id));
        Assert.Equal(state, after.State);
        Assert.Equal(version, after.Version);
        Assert.All(after.Complaints, c => Assert.Null(c.AnsweredAt));
        Assert.Equal(events, app.WithDb(db => db.Set<PersonnelEvent>().Count(x => x.PersonnelEvaluationId == id)));
        // Nor is the step offered, nor are the evaluators' marks shown before 開示 (after it, the person sees them).
        var sheet = await officer.GetStringAsync($"/Personnel/{id}");
        if (state < PersonnelState.Disclosed)
        {
            Assert.DoesNotContain("SECRET-FIRST-MARK", sheet);
            Assert.DoesNotContain("SECRET-FIRST-MARK", await officer.GetStringAsync($"/Personnel/{id}/Print"));
            Assert.DoesNotContain("final-performance", sheet);
        }
        Assert.DoesNotContain($"value=\"{step}\"", sheet);
        Assert.DoesNotContain("name=\"firstEvaluatorId\"", sheet);

        if (!divisionStep) return;
        var other = await app.SignedInAsync(OtherOfficer);
        Assert.Contains("SECRET-FIRST-MARK", await other.GetStringAsync($"/Personnel/{id}"));
        var taken = await PostAsync(other, url, FieldsOf(step, version, otherEvaluator));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(events + 1, app.WithDb(db => db.Set<PersonnelEvent>().Count(x => x.PersonnelEvaluationId == id)));
    }

    [Fact]
    public async Task An_officer_names_neither_themselves_nor_someone_their_person_evaluates_as_evaluator()
    {
        Arrange(PersonnelState.MidYearReviewed, selfAsEvaluator: false);
        var (self, head, headEvaluation, version) = app.WithDb(db =>
        {
            var self = db.StaffMembers.Single(s => s.Email == Officer).Id;
            var head = db.StaffMembers.Single(s => s.Email == "doro-kacho@komaki.example").Id;
            var e = db.PersonnelEvaluations.Single(x => x.FiscalYear == 2026 && x.StaffMemberId == head);
            return (self, head, e.Id, e.Version);
        });
        var officer = await app.SignedInAsync(Officer);
        var own = await PostAsync(officer, $"/Personnel/{headEvaluation}/Reassign", [("version", version.ToString()), ("firstEvaluatorId", self.ToString()), ("reason", "異動")]);
        Assert.Contains("自分を評価者に指名することはできません。", await own.Content.ReadAsStringAsync());

        // 道路 課長 evaluates 道路 次郎: 次郎 cannot become 課長's evaluator, whoever names him.
        var other = await app.SignedInAsync(OtherOfficer);
        var cycle = await PostAsync(other, $"/Personnel/{headEvaluation}/Reassign", [("version", version.ToString()), ("firstEvaluatorId", self.ToString()), ("reason", "異動")]);
        Assert.Contains("本人が評価している職員を、本人の評価者にはできません。", await cycle.Content.ReadAsStringAsync());
        var forged = await PostAsync(other, $"/Personnel/{headEvaluation}/Reassign", [("version", version.ToString()), ("firstEvaluatorId", "abc"), ("reason", "異動")]);
        Assert.Contains("評価者は一覧から選んでください。", await forged.Content.ReadAsStringAsync());
        Assert.NotNull(app.WithDb(db => db.PersonnelEvaluations.Single(x => x.Id == headEvaluation).FirstEvaluatorId));
        Assert.NotEqual(head, self);
    }

    [Fact]
    public async Task The_step_form_takes_only_the_sheets_steps()
    {
        var (id, version) = Arrange(PersonnelState.MidYearReviewed, selfAsEvaluator: false);
        var other = await app.SignedInAsync(OtherOfficer);
        foreach (var step in new[] { "Reassign", "Opened", "ChangeGoals", "99" })
        {
            var response = await PostAsync(other, $"/Personnel/{id}/Act", [("Version", version.ToString()), ("Step", step)]);
            Assert.Contains("この操作はできません。", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, app.WithDb(db => db.Set<PersonnelEvent>().Count(x => x.PersonnelEvaluationId == id && x.Step == PersonnelStep.Reassign && x.UserName == OtherOfficer)));
    }

    [Fact]
    public async Task The_distribution_and_the_payroll_file_leave_the_officers_own_row_to_another_officer()
    {
        var year2025 = app.WithDb(db => db.PersonnelEvaluations.Single(e => e.FiscalYear == 2025 && e.StaffMember!.StaffNumber == "10103").Id);
        app.WithDb(db =>
        {
            var e = db.PersonnelEvaluations.Single(x => x.Id == year2025);
            e.State = PersonnelState.Confirmed;
            return db.SaveChanges();
        });
        var department = app.WithDb(db =>
        {
            var unit = db.OrgUnits.Single(u => u.Id == db.PersonnelEvaluations.Single(x => x.Id == year2025).OrgUnitId);
            while (unit.Level != Core.Organization.OrgUnitLevel.Department) unit = db.OrgUnits.Single(u => u.Id == unit.ParentId);
            return unit.Id;
        });
        var officer = await app.SignedInAsync(Officer);
        var payroll = await officer.GetAsync("/Personnel/Division/Payroll/2025");
        Assert.Equal(HttpStatusCode.Forbidden, payroll.StatusCode);
        var distribution = await officer.GetStringAsync($"/Personnel/Division/Distribution?year=2025&departmentId={department}");
        Assert.DoesNotContain($"href=\"/Personnel/{year2025}\"", distribution);
        var other = await app.SignedInAsync(OtherOfficer);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Personnel/Division/Payroll/2025")).StatusCode);
        Assert.Contains($"href=\"/Personnel/{year2025}\"", await other.GetStringAsync($"/Personnel/Division/Distribution?year=2025&departmentId={department}"));
    }

    /// Nobody agrees to or confirms what they wrote: planning may write a unit's 組織目標 (create it, or change its content
    /// while it is a draft), and then neither its 合意 nor its 確定 is theirs — refused in Japanese, not offered, nothing
    /// changed; someone who wrote none of it (the mayor) agrees.
    [Fact]
    public async Task Whoever_wrote_a_goals_content_neither_agrees_to_it_nor_confirms_it()
    {
        const string planner = "kikaku@komaki.example";
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        (string, string)[] Fields(string title) =>
        [
            ("OrgUnitId", road.ToString()), ("FiscalYear", "2026"), ("Title", title), ("Reason", "舗装の苦情が多い。"),
            ("MeasureCodes", "6-2"), ("ProjectCodes", "6-2-01"), ("ManifestoNumbers", "4-2"),
            ("Indicators[0].Name", "補修完了件数"), ("Indicators[0].Unit", "件"), ("Indicators[0].Target", "120"),
            ("Steps[0].Action", "路面調査"), ("Steps[0].Schedule", "4月〜6月"),
        ];
        int Version(int id) => app.WithDb(db => db.OrganizationalGoals.Single(g => g.Id == id).Version);
        GoalState State(int id) => app.WithDb(db => db.OrganizationalGoals.Single(g => g.Id == id).State);
        async Task<HttpResponseMessage> Act(HttpClient client, int id, GoalAction action, params (string, string)[] more) =>
            await PostAsync(client, $"/Goals/{id}/Act", [("Version", Version(id).ToString()), ("Action", action.ToString()), .. more]);
        async Task<int> Create(HttpClient client, string title)
        {
            var created = await PostAsync(client, "/Goals/Create", Fields(title));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            return int.Parse(Regex.Match(created.Headers.Location!.ToString(), @"/Goals/(\d+)").Groups[1].Value);
        }
        var planning = await app.SignedInAsync(planner);
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var mayor = await app.SignedInAsync("shicho@komaki.example");

        // Written by planning from the start; and written by the head, then changed by planning.
        var authored = await Create(planning, "企画課が書いた道路課の目標");
        var changed = await Create(head, "課長が書いた道路課の目標");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(planning, $"/Goals/{changed}/Edit", [.. Fields("企画課が書き換えた道路課の目標"), ("Version", Version(changed).ToString())])).StatusCode);
        Assert.Contains(app.WithDb(db => db.GoalEvents.Where(e => e.OrganizationalGoalId == changed).ToList()), e => e.Action == GoalAction.ContentEdited && e.UserName == planner);

        foreach (var id in new[] { authored, changed })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Act(head, id, GoalAction.Submitted)).StatusCode);
            Assert.DoesNotContain("id=\"do-agreed\"", await planning.GetStringAsync($"/Goals/{id}"));
            var refused = await Act(planning, id, GoalAction.Agreed, ("Comment", "この内容で進めてください。"));
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("自分が作成・変更した目標には合意できません。", await refused.Content.ReadAsStringAsync());
            Assert.Equal(GoalState.Submitted, State(id));

            Assert.Equal(HttpStatusCode.Redirect, (await Act(mayor, id, GoalAction.Agreed, ("Comment", "この内容で進めてください。"))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await Act(head, id, GoalAction.MidYearReviewed, ("MidYearReview", "上半期で60件完了。"))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await Act(head, id, GoalAction.SelfAssessed, ("Grade", "A"), ("GradeEvidence", "130件を完了した。"), ("Actuals[0]", "130"))).StatusCode);
            Assert.DoesNotContain("id=\"do-confirmed\"", await planning.GetStringAsync($"/Goals/{id}"));
            var notConfirmed = await Act(planning, id, GoalAction.Confirmed);
            Assert.NotEqual(HttpStatusCode.Redirect, notConfirmed.StatusCode);
            Assert.Contains("自分が作成・変更した目標は確定できません。", await notConfirmed.Content.ReadAsStringAsync());
            Assert.Equal(GoalState.SelfAssessed, State(id));
        }
    }
}
