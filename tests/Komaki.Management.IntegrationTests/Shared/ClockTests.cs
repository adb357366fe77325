using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Komaki.Management.IntegrationTests.Shared;

/// The app on 20 May 2025 (JST): 令和7年度 is the current fiscal year, whatever day the tests run.
public sealed class May2025Factory : KomakiFactory
{
    public static readonly DateTimeOffset Start = new(2025, 5, 20, 9, 0, 0, TimeSpan.FromHours(9));

    public FakeTimeProvider Time { get; } = new(Start);

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
}

public class ClockTests(May2025Factory app) : IClassFixture<May2025Factory>
{
    [Fact]
    public async Task Pages_open_on_the_years_of_the_date_the_city_is_on_not_the_machines_date()
    {
        app.Time.SetUtcNow(May2025Factory.Start);
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        // Evaluations look back at the year before; the year a plan tree opens at is this one.
        Assert.Matches("<option value=\"2024\" selected=\"selected\">", await planning.GetStringAsync("/Evaluations"));
        Assert.Matches("<option value=\"2025\" selected=\"selected\">", await planning.GetStringAsync("/Goals"));
    }

    [Fact]
    public async Task A_new_fiscal_year_begins_on_the_first_of_April_in_Tokyo()
    {
        // Sessions end with the clock too, so each moment signs in afresh.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 31, 14, 59, 0, TimeSpan.Zero)); // 23:59 on 31 March in Tokyo
        Assert.Matches("<option value=\"2025\" selected=\"selected\">", await (await app.SignedInAsync("kikaku@komaki.example")).GetStringAsync("/Goals"));
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero)); // 00:00 on 1 April in Tokyo
        Assert.Matches("<option value=\"2026\" selected=\"selected\">", await (await app.SignedInAsync("kikaku@komaki.example")).GetStringAsync("/Goals"));
    }
}
