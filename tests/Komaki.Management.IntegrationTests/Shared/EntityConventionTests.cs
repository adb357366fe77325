using System.Reflection;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Shared;

/// What every entity says about itself instead of a central list: its data area (read models cached by area, ADR 0008);
/// and what the model makes of audited and versioned records by convention.
public class EntityConventionTests
{
    private static AppDbContext Context()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new AppDbContext(options.Options);
    }

    /// A new entity without [DataArea] would raise no version when written, and the pages that show it would stay stale.
    [Fact]
    public void Every_entity_of_ours_declares_its_data_area()
    {
        using var db = Context();
        var own = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => t.Assembly == typeof(AppDbContext).Assembly).Distinct().ToList();
        Assert.NotEmpty(own);
        var missing = own.Where(t => t.GetCustomAttribute<DataAreaAttribute>(inherit: true) is null).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "no [DataArea] on: " + string.Join(", ", missing));
        var unknown = own.Select(DataArea.Of).OfType<string>().Where(a => !DataArea.All.Contains(a)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Versioned_records_are_checked_by_version_and_audit_targets_are_not_stored()
    {
        using var db = Context();
        foreach (var type in db.Model.GetEntityTypes())
        {
            Assert.Null(type.FindProperty(nameof(IAudited.AuditTarget)));
            if (typeof(IVersioned).IsAssignableFrom(type.ClrType))
                Assert.True(type.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken, $"{type.ClrType.Name}.Version is not a concurrency token");
        }
    }

    /// A computed list that EF takes for a navigation (BudgetRound.InUse did) becomes a second relationship with a key
    /// column of its own that nothing writes — a silent, always-empty column. Every foreign key is a declared property.
    [Fact]
    public void Every_foreign_key_is_a_property_the_entity_declares()
    {
        using var db = Context();
        var shadow = db.Model.GetEntityTypes().SelectMany(t => t.GetForeignKeys()).SelectMany(k => k.Properties)
            .Where(p => p.IsShadowProperty()).Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(shadow.Count == 0, "foreign keys in shadow state: " + string.Join(", ", shadow));
    }
}
