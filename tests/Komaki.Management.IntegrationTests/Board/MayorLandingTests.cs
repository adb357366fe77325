using System.Net;

namespace Komaki.Management.IntegrationTests.Board;

/// The executives start from the mayor's view; the staff keep their own home page.
public class MayorLandingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task Executives_land_on_the_mayors_view_and_staff_on_their_home_page()
    {
        var mayor = await app.SignedInAsync("shicho@komaki.example");
        var home = await mayor.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Board/Mayor", home.Headers.Location!.ToString());
        var view = await mayor.GetStringAsync("/Board/Mayor");
        Assert.Contains("id=\"policy-chart\"", view);
        Assert.Contains("id=\"execution\"", view);
        Assert.Contains("id=\"h-delayed\"", view);
        Assert.Contains("id=\"h-worsened\"", view);

        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/")).StatusCode);
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        Assert.Equal(HttpStatusCode.OK, (await planning.GetAsync("/")).StatusCode);
    }
}
