using System.Net;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Security;

/// A 内部統制 policy edition that moves the 推進部局 or 評価部局 (who read every division's risks) is in force only once
/// an administrator other than its proposer confirms it; until then the previous bodies keep their rights.
public sealed class PolicyConfirmationTests(PolicyConfirmationTests.Factory app) : IClassFixture<PolicyConfirmationTests.Factory>
{
    private const string Admin = "admin@komaki.example";
    private const string SecondAdmin = "admin2@komaki.example";
    private const string Planning = "kikaku@komaki.example";

    public sealed class Factory : KomakiFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = SecondAdmin, Email = SecondAdmin, EmailConfirmed = true, DisplayName = "第二 管理者" };
            Assert.True((await users.CreateAsync(user, Core.Data.Seeding.DemoSeeder.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Administrator);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    [Theory]
    [InlineData(Admin)]
    [InlineData("gyosei@komaki.example")]
    public async Task An_edition_naming_planning_as_the_promotion_body_gives_planning_nothing_until_a_second_administrator_confirms(string proposer)
    {
        var (current, planningUnit, roadRisk) = app.WithDb(db => (
            db.ControlPolicies.Where(p => !p.AwaitingConfirmation).OrderByDescending(p => p.Edition).First(),
            db.Users.Single(u => u.Email == Planning).OrgUnitId!.Value,
            db.ControlRisks.First(r => r.OrgUnitId == db.OrgUnits.Single(u => u.Name == "道路課").Id).Id));
        var planning = await app.SignedInAsync(Planning);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.GetAsync($"/Control/Risks/{roadRisk}")).StatusCode);

        var author = await app.SignedInAsync(proposer);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(author, "/Control/Policy", ("Title", "小牧市内部統制基本方針（体制の変更）"), ("Text", "推進部局を経営企画課とする。"),
            ("AdoptedOn", "2026-12-01"), ("ChiefName", current.ChiefName), ("ResponsibleName", current.ResponsibleName),
            ("PromotionUnitId", planningUnit.ToString()), ("EvaluationUnitId", current.EvaluationUnitId.ToString()))).StatusCode);
        var pending = app.WithDb(db => db.ControlPolicies.Single(p => p.AwaitingConfirmation));
        Assert.Equal(planningUnit, pending.PromotionUnitId);

        // Until confirmed, planning reads no other division's risk and the previous 推進部局 keeps its rights.
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.GetAsync($"/Control/Risks/{roadRisk}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("gyosei@komaki.example")).GetAsync($"/Control/Risks/{roadRisk}")).StatusCode);

        // The proposer (when an administrator) cannot confirm; another administrator can.
        var admin = await app.SignedInAsync(Admin);
        if (proposer == Admin) Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(admin, $"/Control/Policy/Confirm?policyId={pending.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(planning, $"/Control/Policy/Confirm?policyId={pending.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.GetAsync($"/Control/Risks/{roadRisk}")).StatusCode);
        var confirmer = proposer == Admin ? await app.SignedInAsync(SecondAdmin) : admin;
        // It waits for the confirmer in 対応待ち, and not for its proposer.
        var waits = $"内部統制の方針（第{pending.Edition}版）の承認";
        Assert.Contains(waits, await confirmer.GetStringAsync("/Goals/Waiting"));
        if (proposer == Admin) Assert.DoesNotContain(waits, await admin.GetStringAsync("/Goals/Waiting"));
        Assert.DoesNotContain(waits, await planning.GetStringAsync("/Goals/Waiting"));
        var page = await confirmer.GetStringAsync("/Control/Policy");
        Assert.Contains("確認して現行にする", page);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmer.PostAsync($"/Control/Policy/Confirm?policyId={pending.Id}", KomakiFactory.Form(KomakiFactory.TokenIn(page)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planning.GetAsync($"/Control/Risks/{roadRisk}")).StatusCode);
        Assert.DoesNotContain(waits, await confirmer.GetStringAsync("/Goals/Waiting"));

        // Put the bodies back for the next case (again through a second administrator).
        var second = await app.SignedInAsync(SecondAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(second, "/Control/Policy", ("Title", current.Title), ("Text", current.Text), ("AdoptedOn", "2026-12-02"),
            ("ChiefName", current.ChiefName), ("ResponsibleName", current.ResponsibleName), ("PromotionUnitId", current.PromotionUnitId.ToString()), ("EvaluationUnitId", current.EvaluationUnitId.ToString()))).StatusCode);
        var back = app.WithDb(db => db.ControlPolicies.Single(p => p.AwaitingConfirmation)).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/Control/Policy/Confirm?policyId={back}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.GetAsync($"/Control/Risks/{roadRisk}")).StatusCode);
    }

    [Fact]
    public async Task An_edition_that_keeps_the_bodies_is_in_force_at_once()
    {
        var current = app.WithDb(db => db.ControlPolicies.Where(p => !p.AwaitingConfirmation).OrderByDescending(p => p.Edition).First());
        var promotion = await app.SignedInAsync("gyosei@komaki.example");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(promotion, "/Control/Policy", ("Title", "小牧市内部統制基本方針（字句の修正）"), ("Text", current.Text), ("AdoptedOn", "2026-12-03"),
            ("ChiefName", current.ChiefName), ("ResponsibleName", current.ResponsibleName), ("PromotionUnitId", current.PromotionUnitId.ToString()), ("EvaluationUnitId", current.EvaluationUnitId.ToString()))).StatusCode);
        Assert.False(app.WithDb(db => db.ControlPolicies.Any(p => p.AwaitingConfirmation)));
        Assert.Equal("小牧市内部統制基本方針（字句の修正）", app.WithDb(db => db.ControlPolicies.OrderByDescending(p => p.Edition).First().Title));
    }
}
