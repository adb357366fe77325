using System.Net;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Security;

/// 人事担当, 監査委員 and 市長・副市長 are granted only when a second administrator confirms; nobody changes their own
/// role; the personnel division is told of every new 人事担当; the grant ends the person's sessions.
public sealed class RoleGrantTests(RoleGrantTests.Factory app) : IClassFixture<RoleGrantTests.Factory>
{
    private const string Admin = "admin@komaki.example";
    private const string SecondAdmin = "admin2@komaki.example";

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

    private string[] RolesOf(string email) => app.WithDb(db =>
        (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id where u.Email == email select r.Name!).ToArray());

    private string IdOf(string email) => app.WithDb(db => db.Users.Single(u => u.Email == email).Id);

    private static async Task<HttpResponseMessage> EditAsync(HttpClient admin, string id, string role)
    {
        var page = await admin.GetStringAsync($"/Users/Edit/{id}");
        var fields = HtmlForms.Fields(page, $"/Users/Edit/{id}");
        fields["Role"] = role;
        return await admin.PostAsync($"/Users/Edit/{id}", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. fields.Select(f => (f.Key, f.Value))]));
    }

    [Theory]
    [InlineData("kikaku@komaki.example", Roles.Personnel)]
    [InlineData("doro-tanto@komaki.example", Roles.Auditor)]
    [InlineData("kankyo-kacho@komaki.example", Roles.Executive)]
    public async Task An_administrators_grant_of_a_sensitive_role_waits_for_a_second_administrator(string email, string role)
    {
        var before = RolesOf(email);
        var person = await app.SignedInAsync(email);
        var admin = await app.SignedInAsync(Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(admin, IdOf(email), role)).StatusCode);
        Assert.Equal(before, RolesOf(email));
        var grant = app.WithDb(db => db.RoleGrants.Single(g => g.UserId == db.Users.Single(u => u.Email == email).Id && g.ConfirmedAt == null));
        Assert.Equal(role, grant.Role);

        // The administrator who asked cannot confirm it; a second one can.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/Users/ConfirmGrant?grantId={grant.Id}", KomakiFactory.Form(KomakiFactory.TokenIn(await admin.GetStringAsync("/Users"))))).StatusCode);
        Assert.Equal(before, RolesOf(email));
        var second = await app.SignedInAsync(SecondAdmin);
        var list = await second.GetStringAsync("/Users");
        Assert.Contains("確認して付与する", list);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync($"/Users/ConfirmGrant?grantId={grant.Id}", KomakiFactory.Form(KomakiFactory.TokenIn(list)))).StatusCode);
        Assert.Equal([role], RolesOf(email));
        // The person signs in again to work in the new role.
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("/")).StatusCode);

        if (role == Roles.Personnel)
        {
            var division = await app.SignedInAsync("jinji@komaki.example");
            var index = await division.GetStringAsync("/Personnel/Division");
            Assert.Contains("新しい人事担当", index);
            Assert.Contains(email, index);
        }
    }

    [Fact]
    public async Task A_removed_role_ends_the_persons_sessions_at_once()
    {
        const string email = "doro-kacho@komaki.example";
        var person = await app.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/")).StatusCode);
        var admin = await app.SignedInAsync(Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(admin, IdOf(email), Roles.DepartmentStaff)).StatusCode);
        Assert.Equal([Roles.DepartmentStaff], RolesOf(email));
        var next = await person.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_changes_no_role_of_their_own()
    {
        var admin = await app.SignedInAsync(SecondAdmin);
        var response = await EditAsync(admin, IdOf(SecondAdmin), Roles.Personnel);
        Assert.Contains("自分の役割は変えられません。", await response.Content.ReadAsStringAsync());
        Assert.Equal([Roles.Administrator], RolesOf(SecondAdmin));
        Assert.False(app.WithDb(db => db.RoleGrants.Any(g => g.UserId == db.Users.Single(u => u.Email == SecondAdmin).Id)));
    }

    [Fact]
    public async Task An_account_created_with_a_sensitive_role_has_no_role_until_confirmed()
    {
        var admin = await app.SignedInAsync(Admin);
        var page = await admin.GetStringAsync("/Users/Create");
        var fields = HtmlForms.Fields(page, "/Users/Create");
        fields["Email"] = "new-jinji@komaki.example";
        fields["DisplayName"] = "新任 人事";
        fields["Role"] = Roles.Personnel;
        fields["Password"] = "Initial-Password-For-New-2026!";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/Users/Create", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. fields.Select(f => (f.Key, f.Value))]))).StatusCode);
        Assert.Empty(RolesOf("new-jinji@komaki.example"));
        Assert.Equal(Roles.Personnel, app.WithDb(db => db.RoleGrants.Single(g => g.UserId == db.Users.Single(u => u.Email == "new-jinji@komaki.example").Id).Role));
    }
}
