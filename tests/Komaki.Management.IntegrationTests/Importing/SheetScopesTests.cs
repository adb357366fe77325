using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Importing;

/// Where a sheet can be imported into comes from its kind (issue 28): the manifesto offers the mayoral terms, the other
/// kinds fiscal years — the import pipeline names no feature to find them.
public class SheetScopesTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task The_manifesto_offers_every_mayoral_term_and_the_other_kinds_fiscal_years()
    {
        var terms = app.WithDb(db => db.MayorTerms.Select(t => new { t.Id, t.Title, t.MayorName }).ToList());
        Assert.NotEmpty(terms);
        using var scope = app.Services.CreateScope();
        var runs = scope.ServiceProvider.GetRequiredService<ImportRuns>();
        var manifesto = await runs.ScopesAsync(SheetKinds.All[SheetKind.Manifesto], 2026);
        Assert.Equal(terms.Select(t => (t.Id, $"{t.Title}（{t.MayorName} 市長）")).Order(), manifesto.Order());
        foreach (var kind in SheetKinds.ForOperators.Values.Where(k => k.Scope == SheetScope.FiscalYear))
        {
            var years = await runs.ScopesAsync(kind, 2026);
            Assert.Equal(Enumerable.Range(2019, 2028 - 2019 + 1).Reverse().Select(y => (y, Wareki.FiscalYearWithWestern(y))), years);
        }
    }
}
