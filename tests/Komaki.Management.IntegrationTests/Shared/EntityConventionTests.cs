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
    /// A column that records who took a step, a user's key, a 人事評価 grade or a 訂正's reason is never unbounded text:
    /// its length follows from what it holds (ColumnMeaningsConvention) unless its configuration says otherwise, and a
    /// sign-in name fits as many characters as Identity allows for one.
    [Fact]
    public void Text_columns_that_name_a_person_a_grade_or_a_correction_reason_are_bounded_by_what_they_hold()
    {
        using var db = Context();
        var unbounded = db.Model.GetEntityTypes().Where(t => t.ClrType.Assembly == typeof(AppDbContext).Assembly)
            .SelectMany(t => t.GetDeclaredProperties())
            .Where(p => p.ClrType == typeof(string) && ColumnMeaningsConvention.LengthFor(p.Name) is not null && p.GetMaxLength() is null)
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}").Order(StringComparer.Ordinal).ToList();
        Assert.True(unbounded.Count == 0, "unbounded: " + string.Join(", ", unbounded));
        Assert.Equal(ColumnMeaningsConvention.SignInNameLength, db.Model.FindEntityType(typeof(Core.Identity.AppUser))!.FindProperty(nameof(Core.Identity.AppUser.UserName))!.GetMaxLength());
        var stated = db.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties())
            .Where(p => p.ClrType == typeof(string) && p.Name == PublishedCorrections.ReasonField).Select(p => p.GetMaxLength()).Distinct().ToList();
        Assert.Equal([ColumnMeaningsConvention.CorrectionReasonLength], stated);
    }
}
