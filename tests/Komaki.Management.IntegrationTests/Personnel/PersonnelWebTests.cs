using System.Net;
using System.Text;
using Komaki.Management.Cli;
using Komaki.Management.Core.Personnel;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Personnel;

/// 人事評価 over HTTP: every forbidden read and write tried by URL and forged field for every role; the person's view
/// before and after disclosure; the read log; the payroll file; and a year opened from an imported staff register.
public class PersonnelWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Person = "doro-tanto@komaki.example";
    private const string First = "doro-kacho@komaki.example";
    private const string Second = "toshi-bucho@komaki.example";
    private const string Division = "jinji@komaki.example";

    /// Everyone who is not 道路 次郎, his evaluators or the personnel division.
    private static readonly string[] Outsiders =
    [
        "kankyo-kacho@komaki.example", "shimin-bucho@komaki.example", "kikaku@komaki.example", "shicho@komaki.example", "admin@komaki.example",
        "doro-shuji@komaki.example", "hyoka@komaki.example",
    ];

    private int EvaluationOf(string number, int year) =>
        app.WithDb(db => db.PersonnelEvaluations.Single(e => e.FiscalYear == year && e.StaffMember!.StaffNumber == number).Id);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        // A forger takes a valid antiforgery token from a page they may open.
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    [Fact]
    public async Task No_one_but_the_person_their_evaluators_and_the_personnel_division_reads_or_writes_an_evaluation()
    {
        var id = EvaluationOf("10103", 2026);
        var version = app.WithDb(db => db.PersonnelEvaluations.Single(e => e.Id == id).Version.ToString());
        string[] reads = [$"/Personnel/{id}", $"/Personnel/{id}/Print", $"/Personnel/{id}/Excel", $"/Personnel/{id}/Goals", $"/History/PersonnelEvaluation/{id}"];
        foreach (var email in new[] { Person, First, Second, Division })
        {
            var client = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(reads[0])).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(reads[1])).StatusCode);
        }
        foreach (var email in Outsiders)
        {
            var client = await app.SignedInAsync(email);
            foreach (var url in reads)
            {
                var status = (await client.GetAsync(url)).StatusCode;
                Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{email} GET {url}: {status}");
            }
            foreach (var (url, fields) in new (string, (string, string)[])[]
            {
                ($"/Personnel/{id}/Act", [("Version", version), ("Step", "SelfAssess")]),
                ($"/Personnel/{id}/Act", [("Version", version), ("Step", "Confirm"), ("CompetenceGrade", "S"), ("PerformanceGrade", "S"), ("confirmed", "true")]),
                ($"/Personnel/{id}/Goals", [("Version", version), ("Goals[0].Title", "書き換え"), ("Goals[0].Weight", "100")]),
                ($"/Personnel/{id}/Reassign", [("version", version), ("firstEvaluatorId", ""), ("reason", "x")]),
                ("/Personnel/Division/Open/2026", []),
                ("/Personnel/Division/Disclose/2025", []),
            })
            {
                var status = (await PostAsync(client, url, fields)).StatusCode;
                Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{email} POST {url}: {status}");
            }
            foreach (var url in new[] { "/Personnel/Division", "/Personnel/Division/Payroll/2025", "/Personnel/Division/Distribution?year=2025", "/Personnel/Division/Reads", "/Personnel/Division/Staff", "/Personnel/Division/Design/2026" })
            {
                var status = (await client.GetAsync(url)).StatusCode;
                Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{email} GET {url}: {status}");
            }
            var own = await client.GetAsync("/Personnel");
            if (own.StatusCode == HttpStatusCode.OK) Assert.DoesNotContain("道路 次郎", await own.Content.ReadAsStringAsync());
        }
        var after = app.WithDb(db => db.PersonnelEvaluations.Include(e => e.Goals).Single(e => e.Id == id));
        Assert.Equal(PersonnelState.MidYearReviewed, after.State);
        Assert.DoesNotContain(after.Goals, g => g.Title == "書き換え");
        Assert.NotNull(after.FirstEvaluatorId);
    }

    [Fact]
    public async Task A_forged_step_or_field_is_refused_with_the_reason_and_changes_nothing()
    {
        var id = EvaluationOf("10103", 2026);
        var version = app.WithDb(db => db.PersonnelEvaluations.Single(e => e.Id == id).Version.ToString());
        var person = await app.SignedInAsync(Person);
        // The person tries the evaluator's step and the personnel division's.
        var first = await PostAsync(person, $"/Personnel/{id}/Act", ("Version", version), ("Step", "FirstEvaluate"), ("CompetenceGrade", "S"), ("PerformanceGrade", "S"));
        Assert.Contains("一次評価をするのは一次評価者です。", await first.Content.ReadAsStringAsync());
        var confirm = await PostAsync(person, $"/Personnel/{id}/Act", ("Version", version), ("Step", "Confirm"), ("CompetenceGrade", "S"), ("PerformanceGrade", "S"), ("confirmed", "true"));
        Assert.Contains("調整・確認をするのは人事担当です。", await confirm.Content.ReadAsStringAsync());
        // At the mid-year interview, the evaluator's goal change names a goal of another person's evaluation.
        var agreed = EvaluationOf("20104", 2026);
        var otherGoal = app.WithDb(db => db.PerformanceGoals.First(g => g.PersonnelEvaluationId != agreed && g.PersonnelEvaluationId != null).Id);
        var head = await app.SignedInAsync("kankyo-kacho@komaki.example");
        var agreedVersion = app.WithDb(db => db.PersonnelEvaluations.Single(e => e.Id == agreed).Version.ToString());
        var forged = await PostAsync(head, $"/Personnel/{agreed}/Goals", ("Version", agreedVersion), ("Goals[0].Id", otherGoal.ToString()), ("Goals[0].Title", "他人の目標"),
            ("Goals[0].Weight", "100"), ("ChangedOn", "2026-11-30"), ("ChangeReason", "偽造"));
        Assert.Contains("この目標は、この評価の目標ではありません。", await forged.Content.ReadAsStringAsync());
        Assert.DoesNotContain(app.WithDb(db => db.PerformanceGoals.Where(g => g.PersonnelEvaluationId == agreed).Select(g => g.Title).ToList()), t => t == "他人の目標");
        var e = app.WithDb(db => db.PersonnelEvaluations.Include(x => x.Goals).Single(x => x.Id == id));
        Assert.Equal(PersonnelState.MidYearReviewed, e.State);
        Assert.DoesNotContain(e.Goals, g => g.Title == "他人の目標");
        Assert.NotEqual("他人の目標", app.WithDb(db => db.PerformanceGoals.Single(g => g.Id == otherGoal).Title));
    }

    [Fact]
    public async Task The_person_sees_the_evaluators_grades_only_once_disclosed_and_every_read_is_logged()
    {
        var id = EvaluationOf("10103", 2026);
        app.WithDb(db =>
        {
            var e = db.PersonnelEvaluations.Single(x => x.Id == id);
            e.State = PersonnelState.Confirmed;
            e.FinalCompetenceGrade = "S";
            e.FinalPerformanceGrade = "S";
            e.AdjustmentReason = "SECRET-ADJUSTMENT";
            var goal = db.PerformanceGoals.First(g => g.PersonnelEvaluationId == id).Id;
            db.EvaluationMarks().Add(new EvaluationMark { PersonnelEvaluationId = id, Stage = MarkStage.First, Part = AppraisalPart.Performance, PerformanceGoalId = goal, Grade = "S", Comment = "SECRET-FIRST-COMMENT" });
            return db.SaveChanges();
        });
        var before = app.WithDb(db => db.PersonnelReads.Count(r => r.PersonnelEvaluationId == id));
        var person = await app.SignedInAsync(Person);
        var html = await person.GetStringAsync($"/Personnel/{id}");
        Assert.DoesNotContain("SECRET-FIRST-COMMENT", html);
        Assert.DoesNotContain("SECRET-ADJUSTMENT", html);
        Assert.DoesNotContain("final-performance", html);
        var head = await app.SignedInAsync(First);
        Assert.Contains("SECRET-FIRST-COMMENT", await head.GetStringAsync($"/Personnel/{id}"));
        Assert.Contains("SECRET-ADJUSTMENT", await head.GetStringAsync($"/Personnel/{id}/Print"));

        var division = await app.SignedInAsync(Division);
        var disclose = await PostAsync(division, $"/Personnel/{id}/Act", ("Version", app.WithDb(db => db.PersonnelEvaluations.Single(x => x.Id == id).Version.ToString())), ("Step", "Disclose"));
        var confirmHtml = await disclose.Content.ReadAsStringAsync();
        Assert.True(confirmHtml.Contains("開示は取り消せません。", StringComparison.Ordinal), confirmHtml[..Math.Min(3000, confirmHtml.Length)]);
        Assert.Equal(PersonnelState.Confirmed, app.WithDb(db => db.PersonnelEvaluations.Single(x => x.Id == id).State));
        var done = await PostAsync(division, $"/Personnel/{id}/Act", ("Version", app.WithDb(db => db.PersonnelEvaluations.Single(x => x.Id == id).Version.ToString())), ("Step", "Disclose"), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var disclosed = await person.GetStringAsync($"/Personnel/{id}");
        Assert.Contains("final-performance", disclosed);
        Assert.Contains("SECRET-FIRST-COMMENT", disclosed);

        var reads = app.WithDb(db => db.PersonnelReads.Where(r => r.PersonnelEvaluationId == id && r.Id > 0).OrderBy(r => r.Id).ToList()).Skip(before).ToList();
        Assert.Equal([Person, First, First, Division, Division, Person], reads.Select(r => r.UserName).ToArray());
        Assert.Equal(["画面", "画面", "印刷", "操作", "操作", "画面"], reads.Select(r => r.What).ToArray());
        Assert.Contains(Person, await division.GetStringAsync($"/Personnel/Division/Reads?evaluationId={id}"));
    }

    [Fact]
    public async Task The_payroll_file_lists_every_evaluation_of_the_year_with_its_bonus_category_or_the_reason_it_is_not_final_and_logs_each_read()
    {
        var division = await app.SignedInAsync(Division);
        var response = await division.GetAsync("/Personnel/Division/Payroll/2025");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("職員番号,氏名,年度,職層,能力評価,業績評価,勤勉手当区分,確定,状態,未確定の理由", lines[0]);
        Assert.Contains("10103,道路 次郎,2025,一般職員,A,A,優秀,確定,本人確認済,", lines);
        Assert.Contains("10105,橋本 優,2025,一般職員,B,B,良好（標準）,確定,本人確認済,", lines);
        // The 部長, evaluated by the 副市長 (特別職), are on the file like everyone else.
        Assert.Contains("10001,建設 正人,2025,部長級,B,B,良好（標準）,確定,本人確認済,", lines);
        var all = app.WithDb(db => db.PersonnelEvaluations.Count(e => e.FiscalYear == 2025));
        Assert.Equal(all + 1, lines.Length);
        Assert.Equal(all, app.WithDb(db => db.PersonnelReads.Count(r => r.What == "給与連携CSV" && r.UserName == Division)));

        // A year under way: every evaluation is listed, those not final as 未確定 with the reason, none without a line.
        var current = Encoding.UTF8.GetString(await (await division.GetAsync("/Personnel/Division/Payroll/2026")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(app.WithDb(db => db.PersonnelEvaluations.Count(e => e.FiscalYear == 2026)) + 1, current.Length);
        Assert.All(current.Skip(1), l => Assert.Contains(",未確定,", l));
        Assert.Contains("10104,道路 三郎,2026,一般職員,,,,未確定,目標設定中,本人の対応待ち（目標設定中）", current);
        Assert.Contains("10001,建設 正人,2026,部長級,,,,未確定,中間面談済,本人の対応待ち（中間面談済）", current);
        var deputy = app.WithDb(db =>
        {
            var chief = db.PersonnelEvaluations.Single(e => e.FiscalYear == 2026 && e.StaffMember!.StaffNumber == "20001");
            var was = chief.FirstEvaluatorId;
            chief.FirstEvaluatorId = null;
            db.SaveChanges();
            return was;
        });
        current = Encoding.UTF8.GetString(await (await division.GetAsync("/Personnel/Division/Payroll/2026")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(current, l => l.StartsWith("20001,市民 和子,2026,部長級,,,,未確定,", StringComparison.Ordinal) && l.EndsWith(",評価者未設定（人事課が一次評価者を指名していません）", StringComparison.Ordinal));
        app.WithDb(db =>
        {
            db.PersonnelEvaluations.Single(e => e.FiscalYear == 2026 && e.StaffMember!.StaffNumber == "20001").FirstEvaluatorId = deputy;
            return db.SaveChanges();
        });
    }

    [Fact]
    public async Task A_staff_register_is_imported_from_csv_and_the_year_opens_with_the_evaluators_derived_from_the_organisation()
    {
        var path = Path.Combine(Path.GetTempPath(), $"staff-{Guid.NewGuid():N}.csv");
        var csv = "職員番号,氏名,所属,職名,職層,級,任用形態,発令日,メールアドレス\r\n"
            + "30001,公園 部長,都市建設部,部長,部長級,8,正規,,\r\n"
            + "30101,公園 課長,都市建設部公園緑地課,課長,課長級,7,正規,2027/4/1,koen-kacho@komaki.example\r\n"
            + "30102,\"緑 花子\",公園緑地課,主事,一般職員,2,正規,,\r\n"
            + "30103,森 太郎,公園緑地課,主任,主任,3,正規,,\r\n"
            + "30104,林 次郎,公園係,主事,一般職員,2,嘱託,2028/4/1,\r\n";
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(true));
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await KomakiCli.RunAsync(["import", "staff", path, "--fiscal-year", "2027", "--provider", "Sqlite", "--connection", app.ConnectionString], output, error, new StringReader(""));
            Assert.Equal(1, code);
            var refused = error.ToString();
            Assert.Contains("職層「主任」は読めません", refused);
            Assert.Contains("任用形態「嘱託」は読めません", refused);
            Assert.Contains("発令日 令和10年4月1日 は令和9年度より後の日付です", refused);
            Assert.Contains("公園係", refused);
            Assert.Equal(0, app.WithDb(db => db.StaffMembers.Count(s => s.StaffNumber.StartsWith("30"))));

            await File.WriteAllTextAsync(path, string.Join("\r\n", csv.Split("\r\n").Take(4)) + "\r\n", new UTF8Encoding(true));
            code = await KomakiCli.RunAsync(["import", "staff", path, "--fiscal-year", "2027", "--provider", "Sqlite", "--connection", app.ConnectionString], output, error, new StringReader(""));
            Assert.True(code == 0, error.ToString());
            Assert.Contains("アカウントを 1 件作成します", output.ToString());
            Assert.Contains("発令日のない 2 行は、年度の初日（4月1日）からの所属として読みました。", output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
        var account = app.WithDb(db => db.Users.Single(u => u.Email == "koen-kacho@komaki.example"));
        Assert.Null(account.PasswordHash);
        Assert.Equal(account.Id, app.WithDb(db => db.StaffMembers.Single(s => s.StaffNumber == "30101").UserId));

        var division = await app.SignedInAsync(Division);
        var designPage = await division.GetStringAsync("/Personnel/Division/Design/2027");
        var fields = HtmlForms.Fields(designPage, "/Personnel/Division/Design/2027");
        fields["Criteria[0].JobLevel"] = "General";
        fields["Criteria[0].Name"] = "業務遂行";
        fields["Criteria[0].Weight"] = "90";
        var refusedDesign = await division.PostAsync("/Personnel/Division/Design/2027", KomakiFactory.Form(KomakiFactory.TokenIn(designPage), fields.Select(f => (f.Key, f.Value)).ToArray()));
        Assert.Contains("一般職員の評価項目のウエイトの合計が90です。", WebUtility.HtmlDecode(await refusedDesign.Content.ReadAsStringAsync()));
        fields["Criteria[0].Weight"] = "100";
        Assert.Equal(HttpStatusCode.Redirect, (await division.PostAsync("/Personnel/Division/Design/2027", KomakiFactory.Form(KomakiFactory.TokenIn(designPage), fields.Select(f => (f.Key, f.Value)).ToArray()))).StatusCode);
        var confirmPage = await division.GetStringAsync("/Personnel/Division/Open/2027");
        Assert.Contains("評価基準日", confirmPage);
        Assert.Equal(HttpStatusCode.Redirect, (await division.PostAsync("/Personnel/Division/Open/2027", KomakiFactory.Form(KomakiFactory.TokenIn(confirmPage)))).StatusCode);

        var opened = app.WithDb(db => db.PersonnelEvaluations.Include(e => e.StaffMember).Include(e => e.FirstEvaluator).Include(e => e.SecondEvaluator)
            .Where(e => e.FiscalYear == 2027).ToDictionary(e => e.StaffMember!.StaffNumber));
        Assert.Equal(3, opened.Count);
        Assert.Equal(("公園 課長", "公園 部長"), (opened["30102"].FirstEvaluator?.Name, opened["30102"].SecondEvaluator?.Name));
        Assert.Equal(("公園 部長", (string?)null), (opened["30101"].FirstEvaluator?.Name, opened["30101"].SecondEvaluator?.Name));
        Assert.Null(opened["30001"].FirstEvaluatorId);
        var list = await division.GetStringAsync("/Personnel/Division?year=2027");
        Assert.Contains("評価者未設定", list);
    }
}

internal static class PersonnelTestData
{
    public static DbSet<EvaluationMark> EvaluationMarks(this Komaki.Management.Core.Data.AppDbContext db) => db.Set<EvaluationMark>();
}
