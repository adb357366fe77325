using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Shared;

/// What a record hangs on is declared once: a record on a 施策 or a 事務事業 is an OnMeasureOrProject, a record of one
/// 事務事業 in one 年度 is a ProjectYearRecord, and each keeps the columns in its own table under the same names and
/// labels. A record that spells the references out again fails here.
public class RecordReferenceTests
{
    private static AppDbContext Context()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new AppDbContext(options.Options);
    }

    /// Records with all the parts, typed as the shared type types them, that do not derive from it.
    private static List<string> SpelledOut(AppDbContext db, Type shared, params string[] parts) =>
        [.. db.Model.GetEntityTypes()
            .Where(t => parts.All(p => t.FindProperty(p)?.ClrType == shared.GetProperty(p)!.PropertyType) && !shared.IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType.Name)];

    [Fact]
    public void Every_record_on_a_measure_or_a_project_shares_one_declaration_of_the_two()
    {
        using var db = Context();
        var apart = SpelledOut(db, typeof(OnMeasureOrProject), nameof(OnMeasureOrProject.MeasureId), nameof(OnMeasureOrProject.ProjectId));
        Assert.True(apart.Count == 0, "施策 and 事務事業 spelled out as properties of its own (derive from OnMeasureOrProject): " + string.Join(", ", apart));
        AssertKeptInOwnColumns(db, typeof(OnMeasureOrProject), ("MeasureId", "施策"), ("ProjectId", "事務事業"));
    }

    [Fact]
    public void Every_record_of_a_project_in_a_year_shares_one_declaration_of_the_two()
    {
        using var db = Context();
        var apart = SpelledOut(db, typeof(ProjectYearRecord), nameof(ProjectYearRecord.ProjectId), nameof(ProjectYearRecord.FiscalYear));
        Assert.True(apart.Count == 0, "事務事業 and 年度 spelled out as properties of its own (derive from ProjectYearRecord): " + string.Join(", ", apart));
        AssertKeptInOwnColumns(db, typeof(ProjectYearRecord), ("ProjectId", "事務事業"), ("FiscalYear", "年度"));
    }

    /// Each owner is a table of its own with the parts in columns of their own names (the shared type is no table).
    private static void AssertKeptInOwnColumns(AppDbContext db, Type shared, params (string Field, string Label)[] parts)
    {
        Assert.Null(db.Model.FindEntityType(shared));
        var owners = db.Model.GetEntityTypes().Where(t => shared.IsAssignableFrom(t.ClrType)).ToList();
        Assert.True(owners.Count >= 4, $"{shared.Name} has {owners.Count} owners");
        foreach (var type in owners)
        {
            Assert.Null(type.BaseType);
            var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            foreach (var (field, label) in parts)
            {
                Assert.Equal(field, type.FindProperty(field)!.GetColumnName(table));
                Assert.Equal(label, FieldLabels.Of(type.ClrType, field));
            }
        }
    }
}
