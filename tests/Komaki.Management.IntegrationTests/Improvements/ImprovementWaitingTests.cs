using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Improvements;

/// An improvement waits for someone at each step: the division's head to propose its answer (again, once sent back),
/// planning outside the division to confirm it. 対応待ち — the full page and the home page — lists it for them, and
/// for nobody else.
public class ImprovementWaitingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static readonly Regex Row = new("<tr[^>]*>.*?</tr>", RegexOptions.Singleline);

    /// A row of the list that opens the improvement and says what is asked: its kind on the unit's list
    /// (data-kind), the task's words on the other areas' list.
    private static bool Lists(string html, string asked, int id) =>
        Row.Matches(html).Any(m => m.Value.Contains($"/Improvements/{id}\"", StringComparison.Ordinal) && m.Value.Contains(asked, StringComparison.Ordinal));

    private (int Id, int Version) OpenRoadAction() => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var e = db.ProjectEvaluations.OrderBy(x => x.Id).First(x => x.OwnerUnitId == road && x.FiscalYear == 2025 && (x.State == EvaluationState.FirstReviewed || x.State == EvaluationState.Draft));
        e.State = EvaluationState.SecondReviewed;
        e.FirstDirection = Direction.Reduce;
        e.Improvement = "対象路線を絞り込む（対応待ちの確認）。";
        db.SaveChanges();
        var action = ImprovementLabels.OpenedBy(e, DateTime.UtcNow, DirectionCatalog.Default)!;
        db.ImprovementActions.Add(action);
        db.SaveChanges();
        return (action.Id, action.Version);
    });

    [Fact]
    public async Task The_head_has_the_improvement_to_answer_planning_outside_the_division_the_proposal_to_confirm_and_the_head_what_was_sent_back()
    {
        var (id, version) = OpenRoadAction();
        var url = $"/Improvements/{id}";
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var otherHead = await app.SignedInAsync("kankyo-kacho@komaki.example");

        var waiting = await head.GetStringAsync("/Goals/Waiting");
        Assert.True(Lists(waiting, "data-kind=\"Improvement\"", id), "the 所属長 is not asked to answer the improvement");
        Assert.Contains("改善の反映案（令和7年度評価）", waiting);
        Assert.False(Lists(await planning.GetStringAsync("/Goals/Waiting"), "改善の反映案の確認", id));
        Assert.False(Lists(await staff.GetStringAsync("/Goals/Waiting"), "data-kind=\"Improvement\"", id));
        Assert.False(Lists(await otherHead.GetStringAsync("/Goals/Waiting"), "data-kind=\"Improvement\"", id));

        var proposed = await head.PostAsync(url + "/Answer", KomakiFactory.Form(KomakiFactory.TokenIn(await head.GetStringAsync(url)),
            ("Version", version.ToString()), ("Close", "true"), ("Note", "対象路線は前年度に絞り込み済みのため終了とする。")));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.False(Lists(await head.GetStringAsync("/Goals/Waiting"), "data-kind=\"Improvement\"", id), "a proposed improvement still waits for the head");
        var planningWaiting = await planning.GetStringAsync("/Goals/Waiting");
        Assert.True(Lists(planningWaiting, "改善の反映案の確認", id), "planning is not asked to confirm the proposal");
        Assert.Contains("改善の反映案の確認", planningWaiting);

        // Sent back: the head has it again, named as sent back; planning no longer.
        var proposedVersion = app.WithDb(db => db.ImprovementActions.Single(a => a.Id == id).Version);
        var sentBack = await planning.PostAsync(url + "/Confirm", KomakiFactory.Form(KomakiFactory.TokenIn(await planning.GetStringAsync(url)),
            ("Version", proposedVersion.ToString()), ("SendBack", "true"), ("Comment", "絞り込みの結果を実施計画の事業内容に書いてください。")));
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        Assert.Equal(ImprovementState.Open, app.WithDb(db => db.ImprovementActions.Single(a => a.Id == id).State));
        var again = await head.GetStringAsync("/Goals/Waiting");
        Assert.True(Lists(again, "data-kind=\"ImprovementSentBack\"", id), "the head is not told the proposal was sent back");
        Assert.Contains("改善の反映案の出し直し（差し戻し", again);
        Assert.False(Lists(await planning.GetStringAsync("/Goals/Waiting"), "改善の反映案の確認", id));
    }

    /// Separation of duties: planning does not confirm the improvements of its own unit, so they do not wait for it.
    [Fact]
    public async Task A_proposal_of_planning_s_own_unit_does_not_wait_for_planning()
    {
        var (id, _) = OpenRoadAction();
        app.WithDb(db =>
        {
            var planningUnit = db.Users.Single(u => u.Email == "kikaku@komaki.example").OrgUnitId!.Value;
            var a = db.ImprovementActions.Include(x => x.Project).Single(x => x.Id == id);
            (a.OwnerUnitId, a.State, a.ProposedBy, a.ProposedByUser, a.ProposedAt, a.Note) = (planningUnit, ImprovementState.Proposed, "道路 一郎", "doro-kacho@komaki.example", DateTime.UtcNow, "終了とする。");
            db.SaveChanges();
            return 0;
        });
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        Assert.False(Lists(await planning.GetStringAsync("/Goals/Waiting"), "改善の反映案の確認", id));
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.PostAsync($"/Improvements/{id}/Confirm",
            KomakiFactory.Form(KomakiFactory.TokenIn(await planning.GetStringAsync($"/Improvements/{id}")), ("Version", "1")))).StatusCode);
    }
}
