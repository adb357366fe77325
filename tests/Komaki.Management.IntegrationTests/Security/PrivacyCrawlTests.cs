using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Publishing;
using Komaki.Management.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Komaki.Management.IntegrationTests.Security;

/// Private stays private everywhere it is shown. A unique text is planted in every record of 道路課 that others may not
/// read yet — evaluations not published and the improvements they opened, goals in draft, 人事評価 (interview notes and performance goals) — and in
/// what the public may not read (citizen input not published, manifesto progress and measure evaluations of years not
/// published, verdicts of a forum still open). Then the site is crawled as each role, following every link and the
/// id routes of the planted records (pages, sheets of the next year, history, prints, exports, open data), and no page
/// or file may carry a text that role may not read. Planning, who may read them all, must find them: the crawl sees them.
public class PrivacyCrawlTests(KomakiFactory app, ITestOutputHelper output) : IClassFixture<KomakiFactory>
{
    private sealed record Planted(string Text, string Kind);

    private sealed record Plan(List<Planted> Texts, List<string> Routes);

    private Plan PlantAll() => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var texts = new List<Planted>();
        var routes = new List<string> { $"/Goals/Sheet?unitId={road}&year=2026", "/Goals/Export?year=2026", $"/Evaluations/2025/Print?unitId={road}", "/Imports/evaluations/2025/Export",
            "/Board/Mayor?year=2025", "/MeasureEvaluations?year=2025", $"/Improvements?unitId={road}", "/Improvements?state=", $"/Evaluations?year=2025&unitId={road}", "/Personnel",
            "/public/budget-effect?year=2025&edition=1", "/public/budget-effect?year=2025&edition=2" };
        // The citizens' site as the features declare it: every page of its menu and every open-data file.
        routes.AddRange([.. PublicSiteMap.MenuUrls(app), .. PublicSiteMap.DatasetUrls(app)]);

        foreach (var e in db.ProjectEvaluations.Where(e => e.OwnerUnitId == road && e.State != EvaluationState.Published).ToList())
        {
            var text = $"PRIVATE-EVAL-{e.Id}";
            (e.Improvement, e.NecessityReason) = (text, text);
            texts.Add(new(text, "evaluation"));
            routes.AddRange([$"/Evaluations/{e.FiscalYear}/{e.ProjectId}", $"/Evaluations/{e.FiscalYear + 1}/{e.ProjectId}", $"/History/ProjectEvaluation/{e.Id}", $"/Plan/Project/{e.ProjectId}", $"/public/evaluations/{e.Id}"]);
        }
        foreach (var a in db.ImprovementActions.Where(a => a.OwnerUnitId == road && a.ProjectEvaluation!.State != EvaluationState.Published).ToList())
        {
            a.Description = $"PRIVATE-ACTION-{a.Id}";
            texts.Add(new(a.Description, "evaluation"));
            routes.AddRange([$"/Improvements/{a.Id}", $"/History/ImprovementAction/{a.Id}"]);
        }
        // The demo's road goals are all past draft; one goes back to draft, as a goal returned for rework would.
        db.OrganizationalGoals.Where(g => g.OrgUnitId == road).OrderBy(g => g.Id).First().State = GoalState.Draft;
        db.SaveChanges();
        foreach (var g in db.OrganizationalGoals.Where(g => g.OrgUnitId == road && (g.State == GoalState.Draft || g.State == GoalState.ChangesRequested)).ToList())
        {
            g.Title = $"PRIVATE-GOAL-{g.Id}";
            texts.Add(new(g.Title, "goal"));
            routes.AddRange([$"/Goals/{g.Id}", $"/History/OrganizationalGoal/{g.Id}", $"/Goals?year={g.FiscalYear}"]);
        }
        foreach (var e in db.PersonnelEvaluations.Where(e => e.OrgUnitId == road).ToList())
        {
            var text = $"PRIVATE-PERSONNEL-{e.Id}";
            e.GoalInterviewNote = text;
            texts.Add(new(text, "personnel"));
            routes.AddRange([$"/Personnel/{e.Id}", $"/Personnel/{e.Id}/Print", $"/Personnel/{e.Id}/Goals", $"/History/PersonnelEvaluation/{e.Id}", $"/Personnel?year={e.FiscalYear}",
                $"/Personnel/Division?year={e.FiscalYear}", $"/Personnel/Division/Distribution?year={e.FiscalYear}", $"/Personnel/Division/Payroll/{e.FiscalYear}"]);
        }
        foreach (var g in db.PerformanceGoals.Where(g => db.PersonnelEvaluations.Any(e => e.Id == g.PersonnelEvaluationId && e.OrgUnitId == road)).ToList())
        {
            g.Title = $"PRIVATE-PERSONNEL-GOAL-{g.Id}";
            texts.Add(new(g.Title, "personnel"));
        }
        var reported = db.ControlYears.Where(y => y.ReportedOn != null).Select(y => y.FiscalYear).ToList();
        foreach (var r in db.ControlRisks.Where(r => r.OrgUnitId == road).ToList())
        {
            r.Description = $"PRIVATE-RISK-{r.Id}";
            // The audit committee reads the register behind a written report, and no other year's.
            texts.Add(new(r.Description, reported.Contains(r.FiscalYear) ? "reported-risk" : "risk"));
            routes.AddRange([$"/Control/Risks/{r.Id}", $"/History/ControlRisk/{r.Id}", $"/Control?year={r.FiscalYear}&unitId=0", $"/Control/Report?year={r.FiscalYear}", $"/Control/Errors?year={r.FiscalYear}"]);
        }
        foreach (var c in db.CitizenInputs.Where(c => !c.IsPublished).ToList())
        {
            c.Summary = $"PRIVATE-VOICE-{c.Id}";
            texts.Add(new(c.Summary, "public"));
        }
        var progressYears = db.Publications.Where(p => p.Kind == PublicationKind.ManifestoProgress).Select(p => p.FiscalYear).ToList();
        foreach (var p in db.ManifestoProgress.Where(p => !progressYears.Contains(p.FiscalYear)).ToList())
        {
            p.Commentary = $"PRIVATE-PROGRESS-{p.Id}";
            texts.Add(new(p.Commentary, "public"));
            routes.Add($"/public/manifesto/{p.ManifestoItemId}");
        }
        var measureYears = db.Publications.Where(p => p.Kind == PublicationKind.MeasureEvaluations).Select(p => p.FiscalYear).ToList();
        foreach (var m in db.MeasureEvaluations.Where(m => !measureYears.Contains(m.FiscalYear)).ToList())
        {
            m.Assessment = $"PRIVATE-MEASURE-{m.Id}";
            texts.Add(new(m.Assessment, "public"));
            routes.Add($"/public/measures/{m.MeasureId}");
        }
        foreach (var v in db.ReviewerVerdicts.Where(v => db.ExternalReviewProjects.Any(p => p.Id == v.ExternalReviewProjectId && !p.ExternalReview!.IsClosed)).ToList())
        {
            v.Comment = $"PRIVATE-VERDICT-{v.Id}";
            texts.Add(new(v.Comment, "public"));
        }
        // 予算編成: a 課's request is its own, its 部's, and the 財政課's, the executives' and planning's — nobody else's.
        foreach (var r in db.BudgetRequests.Include(r => r.Entries).Where(r => r.OrgUnitId == road).ToList())
        {
            r.Reason = $"PRIVATE-BUDGET-{r.Id}";
            texts.Add(new(r.Reason, "budget"));
            foreach (var e in r.Entries.Where(e => e.CheckReason != null)) { e.CheckReason = $"PRIVATE-BUDGET-CHECK-{e.Id}"; texts.Add(new(e.CheckReason, "budget")); }
            var department = db.OrgUnits.Single(u => u.Id == road).ParentId;
            routes.AddRange([$"/BudgetFormulation/{r.FiscalYear}/Lines/{r.Id}", $"/BudgetFormulation/{r.FiscalYear}/Chousho/{department}", $"/BudgetFormulation/{r.FiscalYear}/Department/{department}"]);
        }
        db.SaveChanges();
        return new Plan(texts, routes.Distinct().ToList());
    });

    /// What each role may not read of the planted kinds.
    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["kankyo-kacho@komaki.example"] = ["evaluation", "goal", "personnel", "risk", "reported-risk", "budget"],
        ["shicho@komaki.example"] = ["evaluation", "personnel"],
        ["hyoka@komaki.example"] = ["evaluation", "goal", "personnel", "risk", "reported-risk", "budget"],
        ["kikaku@komaki.example"] = ["personnel", "risk", "reported-risk"],
        ["admin@komaki.example"] = ["personnel", "risk", "reported-risk"],
        ["shimin-bucho@komaki.example"] = ["evaluation", "goal", "personnel", "risk", "reported-risk", "budget"],
        ["kansa@komaki.example"] = ["evaluation", "goal", "personnel", "risk", "budget"],
        [""] = ["evaluation", "goal", "personnel", "public", "risk", "reported-risk", "budget"],
    };

    [Fact]
    public async Task No_role_finds_a_planted_text_it_may_not_read_on_any_page_file_or_id_route()
    {
        var plan = PlantAll();
        // 評価の効き目 is published again after the texts are planted (the demo's edition is the first): the new snapshot
        // may hold nothing of a 課's request.
        var finance = await app.SignedInAsync("zaisei@komaki.example");
        var confirm = await finance.GetStringAsync("/BudgetFormulation/Effect/2025/Publish");
        var published = await finance.PostAsync("/BudgetFormulation/Effect/2025/Publish", KomakiFactory.Form(KomakiFactory.TokenIn(confirm),
            ShownFingerprint.In(confirm, "/BudgetFormulation/Effect/2025/Publish"),
            ("Correction", "非公開の記録が公表の写しに入らないことを確かめるため。")));
        // Refused as the same content as the demo's edition when the planted texts change no published figure or name:
        // then the current edition, published before the plant, is what the public reads.
        Assert.True(published.StatusCode == System.Net.HttpStatusCode.Redirect || (await published.Content.ReadAsStringAsync()).Contains("内容が同じです", StringComparison.Ordinal),
            $"publishing 評価の効き目 again: {published.StatusCode}");
        Assert.Contains(plan.Texts, t => t.Kind == "evaluation");
        Assert.Contains(plan.Texts, t => t.Kind == "goal");
        Assert.Contains(plan.Texts, t => t.Kind == "personnel");
        Assert.Contains(plan.Texts, t => t.Kind == "risk");
        Assert.Contains(plan.Texts, t => t.Kind == "reported-risk");
        Assert.Contains(plan.Texts, t => t.Kind == "public");
        Assert.Contains(plan.Texts, t => t.Kind == "budget");
        var leaks = new List<string>();
        foreach (var (email, kinds) in Forbidden)
        {
            var client = email.Length == 0 ? app.NewClient() : await app.SignedInAsync(email);
            var pages = await SiteCrawler.CrawlAsync(client, [email.Length == 0 ? "/public" : "/", .. plan.Routes], email.Length == 0 ? 1500 : 700);
            output.WriteLine($"{(email.Length == 0 ? "public" : email)}: {pages.Count} pages and files");
            var forbidden = plan.Texts.Where(t => kinds.Contains(t.Kind)).Select(t => t.Text).ToList();
            foreach (var (url, body) in pages)
            {
                foreach (var text in forbidden.Where(t => body.Contains(t, StringComparison.Ordinal)))
                    leaks.Add($"{(email.Length == 0 ? "public" : email)} {url}: {text}");
            }
            if (email == "kikaku@komaki.example")
            {
                // Planning reads evaluations and goals of every unit: the crawl does reach the planted texts.
                var found = plan.Texts.Where(t => t.Kind is "evaluation" or "goal").Count(t => pages.Values.Any(b => b.Contains(t.Text, StringComparison.Ordinal)));
                Assert.True(found >= plan.Texts.Count(t => t.Kind is "evaluation" or "goal") / 2, $"planning found only {found} planted texts");
            }
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(30)));

        // The personnel division reads every evaluation: its crawl reaches the planted texts.
        var division = await SiteCrawler.CrawlAsync(await app.SignedInAsync("jinji@komaki.example"), plan.Routes.Where(r => r.StartsWith("/Personnel", StringComparison.Ordinal)).ToList(), 300);
        var personnel = plan.Texts.Where(t => t.Kind == "personnel").ToList();
        Assert.True(personnel.Count(t => division.Values.Any(b => b.Contains(t.Text, StringComparison.Ordinal))) == personnel.Count, "the personnel division does not find every planted 人事評価 text");
    }
}
