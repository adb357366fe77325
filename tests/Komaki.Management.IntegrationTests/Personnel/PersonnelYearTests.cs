using System.Net;
using System.Text;
using Komaki.Management.Core.Personnel;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Personnel;

/// A 人事評価 year as the personnel division, a 部長 and the 副市長 run it, over plain form POSTs: 特別職 registered
/// outside the register and named for 部長; a 部長's distribution of his own department only; every stage kept as a
/// draft until confirmed on a page with the weighted average; the adjustment's disclosed reason and internal note;
/// the disclosed grades kept as shown beside a later change; the next year's design copied from this one.
public sealed class PersonnelYearTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Chief = "toshi-bucho@komaki.example";
    private const string Deputy = "fukushicho@komaki.example";
    private const string Division = "jinji@komaki.example";

    private int EvaluationOf(string number, int year) =>
        app.WithDb(db => db.PersonnelEvaluations.Single(e => e.FiscalYear == year && e.StaffMember!.StaffNumber == number).Id);

    private string Version(int id) => app.WithDb(db => db.PersonnelEvaluations.Single(e => e.Id == id).Version.ToString());

    private PersonnelEvaluation Load(int id) => app.WithDb(db => db.PersonnelEvaluations.Include(e => e.Marks).Include(e => e.Goals).Include(e => e.Complaints).AsNoTracking().Single(e => e.Id == id));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    /// The marks of a stage as the sheet's form sends them: every criterion of the job level, then every goal.
    private (string, string)[] Marks(int id, string grade, string? result = null, string? comment = null)
    {
        var keys = app.WithDb(db =>
        {
            var e = db.PersonnelEvaluations.Include(x => x.Goals).Single(x => x.Id == id);
            var criteria = db.Set<CompetenceCriterion>().Where(c => c.PersonnelDesignId == db.PersonnelDesigns.Single(d => d.FiscalYear == e.FiscalYear).Id && c.JobLevel == e.JobLevel)
                .OrderBy(c => c.SortOrder).Select(c => "C" + c.Id).ToList();
            return criteria.Concat(e.Goals.OrderBy(g => g.SortOrder).ThenBy(g => g.Id).Select(g => "G" + g.Id)).ToList();
        });
        var fields = new List<(string, string)>();
        for (var n = 0; n < keys.Count; n++)
        {
            fields.Add(($"Marks[{n}].Key", keys[n]));
            fields.Add(($"Marks[{n}].Grade", grade));
            if (comment is not null) fields.Add(($"Marks[{n}].Comment", comment));
            if (result is not null && keys[n][0] == 'G') fields.Add(($"Marks[{n}].Result", result));
        }
        return [.. fields];
    }

    [Fact]
    public async Task Special_officials_are_registered_outside_the_register_and_named_for_department_chiefs()
    {
        var division = await app.SignedInAsync(Division);
        var page = await division.GetStringAsync("/Personnel/Division/Special");
        Assert.Contains("大野 隆", page);
        Assert.Contains("副市長", page);

        // Refusals beside their fields, and what was typed comes back.
        var refused = await (await PostAsync(division, "/Personnel/Division/Special", ("Name", "教育 一郎"), ("Post", ""), ("Email", "nobody@komaki.example"))).Content.ReadAsStringAsync();
        Assert.Contains("職（市長・副市長・教育長）を選んでください。", refused);
        Assert.Contains("メールアドレス nobody@komaki.example のアカウントがありません。", refused);
        Assert.Contains("value=\"教育 一郎\"", refused);
        // A name longer than the register's column is refused with the limit read from the model, beside the account's refusal.
        var tooLong = await (await PostAsync(division, "/Personnel/Division/Special", ("Name", new string('名', 101)), ("Post", "Superintendent"), ("Email", "nobody@komaki.example"))).Content.ReadAsStringAsync();
        Assert.Contains("氏名は100文字以内で入力してください。", tooLong);
        Assert.Contains("メールアドレス nobody@komaki.example のアカウントがありません。", tooLong);
        Assert.Equal(0, app.WithDb(db => db.StaffMembers.Count(m => m.Name.StartsWith("名名名"))));
        var linked = await (await PostAsync(division, "/Personnel/Division/Special", ("Name", "教育 一郎"), ("Post", "Superintendent"), ("Email", "doro-kacho@komaki.example"))).Content.ReadAsStringAsync();
        Assert.Contains("すでに職員または特別職に紐付いています", linked);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, "/Personnel/Division/Special", ("Name", "教育 一郎"), ("Post", "Superintendent"), ("Email", "hyoka@komaki.example"))).StatusCode);
        Assert.Contains("教育 一郎", await division.GetStringAsync("/Personnel/Division/Special"));
        Assert.Equal(SpecialPost.Superintendent, app.WithDb(db => db.StaffMembers.Single(m => m.Name == "教育 一郎").SpecialPost));
        // Outside the staff register: not on its page, no evaluation of their own.
        Assert.DoesNotContain("教育 一郎", await division.GetStringAsync("/Personnel/Division/Staff?q=" + Uri.EscapeDataString("教育")));
        Assert.DoesNotContain("大野 隆", await division.GetStringAsync("/Personnel/Division/Staff"));

        // A 部長 sheet offers the 特別職 as evaluators, and a sheet left without one is named in one step.
        var chief = EvaluationOf("20001", 2026);
        Assert.Contains("副市長 大野 隆（特別職）", await division.GetStringAsync($"/Personnel/{chief}"));
        app.WithDb(db =>
        {
            db.PersonnelEvaluations.Single(e => e.Id == chief).FirstEvaluatorId = null;
            return db.SaveChanges();
        });
        Assert.Contains("id=\"chiefs-without\">1<", await division.GetStringAsync("/Personnel/Division/Special?year=2026"));
        var deputyId = app.WithDb(db => db.StaffMembers.Single(m => m.SpecialPost == SpecialPost.DeputyMayor).Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, "/Personnel/Division/Special/NameForChiefs/2026", ("specialId", deputyId.ToString()))).StatusCode);
        Assert.Equal(deputyId, app.WithDb(db => db.PersonnelEvaluations.Single(e => e.Id == chief).FirstEvaluatorId));
        var again = await (await PostAsync(division, "/Personnel/Division/Special/NameForChiefs/2026", ("specialId", deputyId.ToString()))).Content.ReadAsStringAsync();
        Assert.Contains("評価者が未設定の部長級のシートはありません", again);
        // The individual form accepts the 特別職 too.
        var reassign = await PostAsync(division, $"/Personnel/{chief}/Reassign", ("version", Version(chief)), ("firstEvaluatorId", deputyId.ToString()), ("secondEvaluatorId", ""), ("reason", "確認"));
        Assert.Contains("評価者は変わっていません。", await reassign.Content.ReadAsStringAsync());

        // The 副市長 opens the sheets he evaluates, and no other.
        var deputy = await app.SignedInAsync(Deputy);
        Assert.Equal(HttpStatusCode.OK, (await deputy.GetAsync($"/Personnel/{chief}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await deputy.GetAsync($"/Personnel/{EvaluationOf("10103", 2026)}")).StatusCode);
        Assert.Contains("市民 和子", await deputy.GetStringAsync("/Personnel?year=2026"));
    }

    [Fact]
    public async Task A_department_chief_sees_the_distribution_of_his_own_department_only()
    {
        var chief = await app.SignedInAsync(Chief);
        var own = await chief.GetStringAsync("/Personnel/Distribution?year=2025");
        Assert.Contains("都市建設部", own);
        Assert.Contains("道路 次郎", own);
        Assert.DoesNotContain("清水 葵", own);
        Assert.DoesNotContain($"href=\"/Personnel/{EvaluationOf("10001", 2025)}\"", own);
        Assert.Contains($"href=\"/Personnel/{EvaluationOf("10101", 2025)}\"", own);
        var other = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "市民生活部").Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.GetAsync($"/Personnel/Distribution?year=2025&departmentId={other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.GetAsync($"/Personnel/Division/Distribution?year=2025&departmentId={other}")).StatusCode);
        Assert.Contains("部の評語の分布", await chief.GetStringAsync("/Personnel?year=2025"));
        // Staff who head no department, and the 課長 of a division, have no distribution.
        foreach (var who in new[] { "doro-tanto@komaki.example", "doro-kacho@komaki.example", "kikaku@komaki.example" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(who)).GetAsync("/Personnel/Distribution?year=2025")).StatusCode);
    }

    [Fact]
    public async Task A_department_chiefs_year_runs_with_drafts_confirmation_pages_the_internal_note_and_the_disclosed_snapshot()
    {
        var id = EvaluationOf("10001", 2026);
        var chief = await app.SignedInAsync(Chief);
        var deputy = await app.SignedInAsync(Deputy);
        var division = await app.SignedInAsync(Division);

        // The demo's draft opens again as it was left, for its holder only.
        var sheet = await chief.GetStringAsync($"/Personnel/{id}");
        Assert.Contains("11月末で主要事業8件のうち7件が計画どおり。", sheet);
        Assert.Contains("id=\"draft-note\"", sheet);
        Assert.DoesNotContain("11月末で主要事業8件のうち7件が計画どおり。", await deputy.GetStringAsync($"/Personnel/{id}"));
        Assert.DoesNotContain("11月末で主要事業8件のうち7件が計画どおり。", await division.GetStringAsync($"/Personnel/{id}"));

        // 一時保存 with half the form: kept, nothing moves on.
        var half = Marks(id, "", result: "途中まで書いた実績").Select(f => f.Item1.EndsWith(".Grade", StringComparison.Ordinal) && f.Item1.StartsWith("Marks[0]", StringComparison.Ordinal) ? (f.Item1, "A") : f).ToArray();
        var saved = await PostAsync(chief, $"/Personnel/{id}/Act", [("Version", Version(id)), ("Step", "SelfAssess"), ("draft", "true"), .. half]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var e = Load(id);
        Assert.Equal(PersonnelState.MidYearReviewed, e.State);
        Assert.All(e.Marks.Where(m => m.Stage == MarkStage.Self), m => Assert.True(m.Draft));
        Assert.Contains("途中まで書いた実績", await chief.GetStringAsync($"/Personnel/{id}"));
        // A grade outside the scale is refused even in a draft.
        var forged = await PostAsync(chief, $"/Personnel/{id}/Act", [("Version", Version(id)), ("Step", "SelfAssess"), ("draft", "true"), .. Marks(id, "Z")]);
        Assert.Contains("の評語は一覧から選んでください。", await forged.Content.ReadAsStringAsync());

        // 確認画面へ: incomplete comes back with the reasons (and the draft kept); complete shows the confirmation page.
        var incomplete = await (await PostAsync(chief, $"/Personnel/{id}/Act", [("Version", Version(id)), ("Step", "SelfAssess"), .. half])).Content.ReadAsStringAsync();
        Assert.Contains("の評語を選んでください", incomplete);
        var confirmPage = await (await PostAsync(chief, $"/Personnel/{id}/Act", [("Version", Version(id)), ("Step", "SelfAssess"), .. Marks(id, "B", result: "主要事業8件すべてを計画どおり進めた。")])).Content.ReadAsStringAsync();
        Assert.Contains("自己評価の確定", confirmPage);
        Assert.Contains("加重平均 3.00", confirmPage);
        Assert.Contains("確定した自己評価は直せません", confirmPage);
        Assert.Equal(PersonnelState.MidYearReviewed, Load(id).State);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(chief, $"/Personnel/{id}/Act",
            [("Version", Version(id)), ("Step", "SelfAssess"), ("confirmed", "true"), .. Marks(id, "B", result: "主要事業8件すべてを計画どおり進めた。")])).StatusCode);
        e = Load(id);
        Assert.Equal(PersonnelState.SelfAssessed, e.State);
        Assert.DoesNotContain(e.Marks, m => m.Draft);
        Assert.All(e.Goals, g => Assert.Equal("主要事業8件すべてを計画どおり進めた。", g.Result));

        // The 副市長's 一次評価: the overall grade beside the weighted average, told when they differ.
        var first = await (await PostAsync(deputy, $"/Personnel/{id}/Act",
            [("Version", Version(id)), ("Step", "FirstEvaluate"), ("CompetenceGrade", "B"), ("PerformanceGrade", "A"), .. Marks(id, "A", comment: "部をよくまとめた。")])).Content.ReadAsStringAsync();
        Assert.Contains("一次評価の確定", first);
        Assert.Contains("加重平均 4.00", first);
        Assert.Contains("加重平均に最も近い評語（A）と違います", first);
        Assert.Contains("人事課の調整・確認に進みます", first);
        Assert.Equal(PersonnelState.SelfAssessed, Load(id).State);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(deputy, $"/Personnel/{id}/Act",
            [("Version", Version(id)), ("Step", "FirstEvaluate"), ("confirmed", "true"), ("CompetenceGrade", "B"), ("PerformanceGrade", "A"), .. Marks(id, "A", comment: "部をよくまとめた。")])).StatusCode);
        Assert.Equal(PersonnelState.FirstEvaluated, Load(id).State);

        // 調整: the reason disclosed to the person and the internal note, each labelled on the confirmation page.
        var adjust = await (await PostAsync(division, $"/Personnel/{id}/Act", ("Version", Version(id)), ("Step", "Confirm"), ("CompetenceGrade", "B"), ("PerformanceGrade", "B"),
            ("AdjustmentReason", "部の目標のうち長寿命化計画の改定が翌年度に延びたため。"), ("AdjustmentNote", "INTERNAL-QUOTA-NOTE 部長級のA枠は1名"))).Content.ReadAsStringAsync();
        Assert.Contains("本人に開示する調整の理由: 部の目標のうち長寿命化計画の改定が翌年度に延びたため。", adjust);
        Assert.Contains("人事課内のメモ（開示しません）: INTERNAL-QUOTA-NOTE", adjust);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, $"/Personnel/{id}/Act", ("Version", Version(id)), ("Step", "Confirm"), ("confirmed", "true"),
            ("CompetenceGrade", "B"), ("PerformanceGrade", "B"), ("AdjustmentReason", "部の目標のうち長寿命化計画の改定が翌年度に延びたため。"), ("AdjustmentNote", "INTERNAL-QUOTA-NOTE 部長級のA枠は1名"))).StatusCode);
        Assert.Contains("INTERNAL-QUOTA-NOTE", await division.GetStringAsync($"/Personnel/{id}"));
        Assert.DoesNotContain("INTERNAL-QUOTA-NOTE", await deputy.GetStringAsync($"/Personnel/{id}"));

        // 開示 and the snapshot: the person reads the reason, never the note; a change after a complaint stands beside
        // what was disclosed, with its date.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, $"/Personnel/{id}/Act", ("Version", Version(id)), ("Step", "Disclose"), ("confirmed", "true"))).StatusCode);
        var shown = await chief.GetStringAsync($"/Personnel/{id}");
        Assert.Contains("部の目標のうち長寿命化計画の改定が翌年度に延びたため。", shown);
        Assert.DoesNotContain("INTERNAL-QUOTA-NOTE", shown);
        Assert.DoesNotContain("INTERNAL-QUOTA-NOTE", await chief.GetStringAsync($"/Personnel/{id}/Print"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(chief, $"/Personnel/{id}/Act", ("Version", Version(id)), ("Step", "FileComplaint"), ("Complaint", "改定の遅れは国の基準改正によるものです。"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, $"/Personnel/{id}/Act", ("Version", Version(id)), ("Step", "AnswerComplaint"), ("Comment", "事情を確認し、業績評価をAに改めます。"),
            ("Outcome", "Changed"), ("CompetenceGrade", "B"), ("PerformanceGrade", "A"))).StatusCode);
        e = Load(id);
        Assert.Equal(("B", "B", "A"), (e.DisclosedPerformanceGrade, e.DisclosedCompetenceGrade, e.FinalPerformanceGrade));
        var versions = await chief.GetStringAsync($"/Personnel/{id}");
        Assert.Contains("data-version=\"disclosed\"", versions);
        Assert.Contains("data-version=\"changed\"", versions);
        Assert.Contains("変更（苦情相談）", versions);

        // The payroll file carries the changed grade, and lists the year's other evaluations as 未確定 with the reason.
        var csv = Encoding.UTF8.GetString(await (await division.GetAsync("/Personnel/Division/Payroll/2026")).Content.ReadAsByteArrayAsync());
        Assert.Contains("10001,建設 正人,2026,部長級,B,A,優秀,確定,", csv);
        Assert.Contains("10104,道路 三郎,2026,一般職員,,,,未確定,", csv);
    }

    [Fact]
    public async Task Disclosing_the_year_lists_what_is_not_confirmed_and_needs_a_reason_to_leave_it()
    {
        var division = await app.SignedInAsync(Division);
        var id = EvaluationOf("20102", 2026);
        app.WithDb(db =>
        {
            var e = db.PersonnelEvaluations.Single(x => x.Id == id);
            e.State = PersonnelState.Confirmed;
            e.FinalCompetenceGrade = "B";
            e.FinalPerformanceGrade = "B";
            return db.SaveChanges();
        });
        var page = await division.GetStringAsync("/Personnel/Division/Disclose/2026");
        Assert.Contains("まだ確定していない評価が", page);
        Assert.Contains("未確定の評価を残して開示する理由（必須）", page);
        var refused = await PostAsync(division, "/Personnel/Division/Disclose/2026");
        Assert.Contains("残したまま開示する理由を書いてください", await refused.Content.ReadAsStringAsync());
        Assert.Equal(PersonnelState.Confirmed, Load(id).State);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, "/Personnel/Division/Disclose/2026", ("Comment", "賞与の基準日に間に合わせるため、確定した人から開示する。"))).StatusCode);
        Assert.Equal(PersonnelState.Disclosed, Load(id).State);
        Assert.Contains(app.WithDb(db => db.Set<PersonnelEvent>().Where(x => x.PersonnelEvaluationId == id && x.Step == PersonnelStep.Disclose).Select(x => x.Comment).ToList()),
            c => c!.Contains("賞与の基準日に間に合わせるため", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_next_years_design_is_copied_from_this_year_and_rows_are_added_without_a_save()
    {
        var division = await app.SignedInAsync(Division);
        var design = await division.GetStringAsync("/Personnel/Division/Design/2027");
        Assert.Contains("前年度の設計を写す", design);

        // Rows are added with what was typed kept, and nothing saved.
        var added = await (await PostAsync(division, "/Personnel/Division/Design/2027", ("addRows", "5"), ("Criteria[0].JobLevel", "General"), ("Criteria[0].Name", "新しい項目"),
            ("Criteria[0].Weight", "40"), ("ComplaintDays", "14"))).Content.ReadAsStringAsync();
        Assert.Contains("value=\"新しい項目\"", added);
        Assert.Contains("name=\"Criteria[7].Name\"", added);
        Assert.DoesNotContain("ウエイトの合計", added);
        Assert.False(app.WithDb(db => db.PersonnelDesigns.Any(d => d.FiscalYear == 2027)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(division, "/Personnel/Division/Design/2027/CopyPrevious")).StatusCode);
        var (copied, source) = app.WithDb(db => (db.PersonnelDesigns.Include(d => d.Criteria).Include(d => d.Grades).AsNoTracking().Single(d => d.FiscalYear == 2027),
            db.PersonnelDesigns.Include(d => d.Criteria).Include(d => d.Grades).AsNoTracking().Single(d => d.FiscalYear == 2026)));
        Assert.Null(copied.OpenedAt);
        Assert.Equal(source.ReferenceDate.AddYears(1), copied.ReferenceDate);
        Assert.Equal(source.Criteria.OrderBy(c => c.SortOrder).Select(c => (c.JobLevel, c.Name, c.Viewpoints, c.Weight)),
            copied.Criteria.OrderBy(c => c.SortOrder).Select(c => (c.JobLevel, c.Name, c.Viewpoints, c.Weight)));
        Assert.Equal(source.Grades.OrderBy(g => g.SortOrder).Select(g => (g.Code, g.Points, g.BonusCategory)), copied.Grades.OrderBy(g => g.SortOrder).Select(g => (g.Code, g.Points, g.BonusCategory)));

        // The copy is edited as any design, and the form saves as it shows (no weights error).
        var form = await division.GetStringAsync("/Personnel/Division/Design/2027");
        Assert.Contains("構想・判断", form);
        Assert.Contains("着眼点", form);
        // A year already opened is never replaced.
        var opened = await PostAsync(division, "/Personnel/Division/Design/2026/CopyPrevious");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(source.Criteria.Count, app.WithDb(db => db.Set<CompetenceCriterion>().Count(c => c.PersonnelDesignId == source.Id)));
        Assert.Contains("評価を開始しているため", await division.GetStringAsync("/Personnel/Division/Design/2026"));
    }
}
