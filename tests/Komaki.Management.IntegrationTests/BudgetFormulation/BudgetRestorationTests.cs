using System.Net;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// A 復活要求 restores what 内示 cut, never more (issue 31: 99,999,999,999 千円 was accepted on a line 内示 had not cut).
public sealed class BudgetRestorationTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2030;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    /// Two lines of 道路課 after 内示: one cut by 500 千円, one not cut.
    private (int Cut, int Uncut) Lines() => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課");
        var projects = db.Projects.Where(p => p.OwnerUnitId == road.Id && p.RetiredAt == null).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToList();
        var at = new DateTime(Year - 1, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        BudgetStageEntry Entry(BudgetStage stage, long yen) => new() { Stage = stage, Expenditure = yen, Funding = Funding.None with { General = yen }, RecordedBy = "zaisei@komaki.example", RecordedAt = at, Committed = true };
        BudgetRequest Request(int project, long notice) => new()
        {
            FiscalYear = Year, ProjectId = project, OrgUnitId = road.Id, Expenditure = 3_000_000, Funding = Funding.None with { General = 3_000_000 }, Reason = "補修", EnteredBy = "doro-tanto@komaki.example",
            SubmittedBy = "doro-kacho@komaki.example", SubmittedAt = at, Entries = [Entry(BudgetStage.Request, 3_000_000), Entry(BudgetStage.Notice, notice)],
        };
        var cut = Request(projects[0], 2_500_000);
        var uncut = Request(projects[1], 3_000_000);
        db.BudgetRequests.AddRange(cut, uncut);
        db.BudgetStageCommits.Add(new BudgetStageCommit { FiscalYear = Year, Stage = BudgetStage.Notice, DepartmentId = road.ParentId!.Value, CommittedBy = "zaisei@komaki.example", CommittedAt = at, Lines = 2 });
        db.SaveChanges();
        return (cut.Id, uncut.Id);
    });

    [Fact]
    public async Task A_restoration_asks_at_most_what_the_notice_cut_and_only_on_a_line_it_cut()
    {
        var (cut, uncut) = Lines();
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        string Url(int id) => $"/BudgetFormulation/{Year}/Lines/{id}/Restoration/Create";

        var notCut = await PostAsync(head, Url(uncut), ("Amount", "100"), ("Reason", "必要"));
        Assert.Contains("内示で減額されていないため", await notCut.Content.ReadAsStringAsync());
        foreach (var amount in new[] { "501", "99,999,999,999" })
        {
            var over = await PostAsync(head, Url(cut), ("Amount", amount), ("Reason", "必要"));
            Assert.Equal(HttpStatusCode.OK, over.StatusCode);
            Assert.Contains("内示で減額された 500千円 以下にしてください", await over.Content.ReadAsStringAsync());
        }
        Assert.False(app.WithDb(db => db.BudgetRestorations.Any(r => r.BudgetRequestId == cut || r.BudgetRequestId == uncut)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, Url(cut), ("Amount", "500"), ("Reason", "安全対策上、全額が必要"))).StatusCode);
        Assert.Equal(500_000, app.WithDb(db => db.BudgetRestorations.Single(r => r.BudgetRequestId == cut).Amount));
    }
}
