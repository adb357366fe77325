using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Lists;

/// The manifesto matrix names what each promise landed in, not bare codes.
public class ManifestoMatrixTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task Matrix_cells_show_the_measures_name_with_its_code()
    {
        var measure = app.WithDb(db => db.ManifestoLinks.Include(l => l.Measure).Where(l => l.Measure != null).Select(l => l.Measure!).First());
        var page = await (await app.SignedInAsync("kikaku@komaki.example")).GetStringAsync("/Manifesto");
        Assert.Contains($"<span class=\"d-block matrix-link\">{measure.Code} {measure.Name}</span>", page);
    }
}
