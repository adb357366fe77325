using System.Net;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Web.Features.Improvements;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Improvements;

public class ImprovementWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private (int ActionId, int ProjectId, int Version, int Year) OpenRoadAction() => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var e = db.ProjectEvaluations.Include(x => x.Project).First(x => x.OwnerUnitId == road && x.FiscalYear == 2025 && x.State == EvaluationState.FirstReviewed
            || x.OwnerUnitId == road && x.FiscalYear == 2025 && x.State == EvaluationState.Draft);
        e.State = EvaluationState.SecondReviewed;
        e.FirstDirection = Direction.Reduce;
        e.Improvement = "対象路線を絞り込む。";
        db.SaveChanges();
        db.ImprovementActions.Where(a => a.ProjectEvaluationId == e.Id).ExecuteDelete();
        var action = ImprovementLabels.OpenedBy(e, DateTime.UtcNow, DirectionCatalog.Default)!;
        db.ImprovementActions.Add(action);
        db.SaveChanges();
        return (action.Id, e.ProjectId, action.Version, e.FiscalYear);
    });

    [Fact]
    public async Task A_second_review_other_than_continue_opens_an_action_that_a_later_plan_line_answers()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var (actionId, projectId, version, year) = OpenRoadAction();
        var url = $"/Improvements/{actionId}";
        var html = await planning.GetStringAsync(url);
        var token = KomakiFactory.TokenIn(html);

        var earlier = app.WithDb(db => db.ImplementationPlanLines.First(l => l.ProjectId == projectId && l.FiscalYear == year).Id);
        var refused = await planning.PostAsync(url + "/Answer", KomakiFactory.Form(token, ("version", version.ToString()), ("planLineId", earlier.ToString())));
        Assert.Contains("評価年度より後の実施計画の行から選んでください。", await refused.Content.ReadAsStringAsync());
        var noReason = await planning.PostAsync(url + "/Answer", KomakiFactory.Form(token, ("version", version.ToString()), ("close", "true"), ("note", "")));
        Assert.Contains("終了する理由を入力してください", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(ImprovementState.Open, app.WithDb(db => db.ImprovementActions.Single(a => a.Id == actionId).State));

        var other = await app.SignedInAsync("kankyo-kacho@komaki.example");
        var later = app.WithDb(db => db.ImplementationPlanLines.First(l => l.ProjectId == projectId && l.FiscalYear == year + 1 && l.ImplementationPlan!.FiscalYear == 2026).Id);
        // The evaluation behind it is not published yet: another unit neither reads the action nor answers it.
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("対象路線を絞り込む。", await other.GetStringAsync("/Improvements"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(url + "/Answer", KomakiFactory.Form(KomakiFactory.TokenIn(await other.GetStringAsync("/Improvements")), ("version", version.ToString()), ("planLineId", later.ToString())))).StatusCode);

        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var answered = await head.PostAsync(url + "/Answer", KomakiFactory.Form(KomakiFactory.TokenIn(await head.GetStringAsync(url)), ("version", version.ToString()), ("planLineId", later.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var action = app.WithDb(db => db.ImprovementActions.Single(a => a.Id == actionId));
        Assert.Equal((ImprovementState.Answered, later), (action.State, action.AnswerPlanLineId!.Value));

        // The next year's evaluation sheet tells what became of it.
        var nextSheet = await planning.GetStringAsync($"/Evaluations/{year + 1}/{projectId}");
        Assert.Contains("前年度の評価による改善とその結果", nextSheet);
        Assert.Contains("対象路線を絞り込む。", nextSheet);
        Assert.Contains("計画・予算に反映", nextSheet);
    }

    [Fact]
    public async Task The_follow_up_list_shows_open_actions_by_unit_with_their_age()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var html = await planning.GetStringAsync("/Improvements");
        var open = app.WithDb(db => db.ImprovementActions.Count(a => a.State == ImprovementState.Open));
        Assert.True(open > 0);
        // Fifty to a page, every one of them counted and reachable.
        Assert.Equal(Math.Min(open, ImprovementsController.PageSize), System.Text.RegularExpressions.Regex.Count(html, "improvement-open\">対応中"));
        Assert.Contains($"全 {open:#,##0} 件", html);
        var pages = (open + ImprovementsController.PageSize - 1) / ImprovementsController.PageSize;
        var last = await planning.GetStringAsync($"/Improvements?state=Open&page={pages}");
        Assert.Equal(open - (pages - 1) * ImprovementsController.PageSize, System.Text.RegularExpressions.Regex.Count(last, "improvement-open\">対応中"));
        Assert.Contains("所属別の対応中の件数", html);
    }

    [Fact]
    public async Task A_closing_reason_longer_than_its_column_is_refused_beside_the_field_and_the_action_stays_open()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var (actionId, _, version, _) = OpenRoadAction();
        var url = $"/Improvements/{actionId}";
        var token = KomakiFactory.TokenIn(await planning.GetStringAsync(url));
        var response = await planning.PostAsync(url + "/Answer", KomakiFactory.Form(token,
            ("Version", version.ToString()), ("Close", "true"), ("Note", new string('理', 4001))));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("メモ・理由は4,000文字以内で入力してください。", html);
        Assert.Contains("is-invalid\" id=\"close-note\"", html);
        Assert.Equal(ImprovementState.Open, app.WithDb(db => db.ImprovementActions.Single(a => a.Id == actionId).State));
    }
}
