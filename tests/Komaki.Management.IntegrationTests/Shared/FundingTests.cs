using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Shared;

/// 財源内訳 is one value wherever it is kept or typed: a record holds a Funding (its parts in the record's own columns,
/// under the parts' names), a form that takes one is a FundingForm, and every part reads as the same label everywhere.
/// A record or a form that spells the five parts out again fails here.
public class FundingTests
{
    private static readonly HashSet<string> PartNames = [.. Funding.Parts.Select(p => p.Field)];

    private static AppDbContext Context()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new AppDbContext(options.Options);
    }

    [Fact]
    public void Every_record_with_a_funding_breakdown_keeps_it_as_one_value_in_its_own_columns()
    {
        using var db = Context();
        var spelledOut = db.Model.GetEntityTypes().Where(t => t.GetProperties().Count(p => PartNames.Contains(p.Name)) >= 2).Select(t => t.ClrType.Name).ToList();
        Assert.True(spelledOut.Count == 0, "財源内訳 spelled out as properties of its own (use Funding): " + string.Join(", ", spelledOut));

        var owners = db.Model.GetEntityTypes().SelectMany(t => t.GetComplexProperties().Where(c => c.ClrType == typeof(Funding)).Select(c => (Type: t, Complex: c))).ToList();
        Assert.Equal(["BudgetRequest", "BudgetStageEntry", "ImplementationPlanLine"], owners.Select(o => o.Type.ClrType.Name).Order(StringComparer.Ordinal));
        foreach (var (type, complex) in owners)
        {
            var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            Assert.Equal(Funding.Parts.Count, complex.ComplexType.GetProperties().Count());
            foreach (var part in Funding.Parts)
            {
                Assert.Equal(part.Field, complex.ComplexType.FindProperty(part.Field)!.GetColumnName(table));
                Assert.Equal(part.Label, FieldLabels.Of(type.ClrType, part.Field));
            }
        }
    }

    [Fact]
    public void Every_form_that_takes_a_funding_breakdown_is_a_funding_form()
    {
        var forms = new[] { typeof(Funding).Assembly, typeof(Komaki.Management.Web.AppHost).Assembly }.SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.GetProperties().Count(p => PartNames.Contains(p.Name) && p.PropertyType == typeof(string)) >= 2).ToList();
        Assert.NotEmpty(forms);
        var apart = forms.Where(t => !typeof(FundingForm).IsAssignableFrom(t)).Select(t => t.FullName).ToList();
        Assert.True(apart.Count == 0, "a form with 財源内訳 fields of its own (derive from FundingForm): " + string.Join(", ", apart));
    }
}
