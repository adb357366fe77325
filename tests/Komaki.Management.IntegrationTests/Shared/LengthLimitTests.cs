namespace Komaki.Management.IntegrationTests.Shared;

/// Text longer than its column is refused beside the field on every provider (SQLite alone would have kept it).
public class LengthLimitTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task Overlong_text_gets_a_message_with_the_limit_and_nothing_is_written()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var terms = app.WithDb(db => db.MayorTerms.Count());
        var token = await KomakiFactory.TokenAsync(planning, "/Manifesto/Terms/Create");
        var response = await planning.PostAsync("/Manifesto/Terms/Create", KomakiFactory.Form(token,
            ("Title", "第4期"), ("MayorName", new string('長', 150)), ("StartDate", "2027-02-12")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("市長は100文字以内で入力してください（現在 150 文字）。", html);
        Assert.Equal(terms, app.WithDb(db => db.MayorTerms.Count()));

        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var goals = app.WithDb(db => db.OrganizationalGoals.Count());
        var goalToken = await KomakiFactory.TokenAsync(head, "/Goals/Create");
        var goal = await head.PostAsync("/Goals/Create", KomakiFactory.Form(goalToken,
            ("OrgUnitId", road.ToString()), ("FiscalYear", "2026"), ("Title", "長すぎる取組"), ("Reason", "理由"),
            ("Indicators[0].Name", "件数"), ("Indicators[0].Unit", "件"), ("Indicators[0].Target", "1"),
            ("Steps[0].Action", new string('あ', 600)), ("Steps[0].Schedule", "4月")));
        var goalHtml = await goal.Content.ReadAsStringAsync();
        Assert.Contains("取組は500文字以内で入力してください（現在 600 文字）。", goalHtml);
        Assert.Contains("長すぎる取組", goalHtml);
        Assert.Equal(goals, app.WithDb(db => db.OrganizationalGoals.Count()));
    }
}
