using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Komaki.Management.IntegrationTests.Shared;

/// SQL Server cannot run here, so its side is proven without a server: the model matches its migrations,
/// and the idempotent deployment script is generated from them.
public class MigrationsTests
{
    private static AppDbContext Context(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, provider, connection);
        return new AppDbContext(options.Options);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=Komaki;Trusted_Connection=True;TrustServerCertificate=True")]
    public void The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider, string connection)
    {
        using var db = Context(provider, connection);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{provider}: the model changed; add a migration to Komaki.Management.Migrations.{provider}");
    }

    [Fact]
    public void The_sql_server_deployment_script_is_idempotent_and_creates_every_table()
    {
        using var db = Context(DatabaseProvider.SqlServer, "Server=localhost;Database=Komaki;Trusted_Connection=True;TrustServerCertificate=True");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script);
        Assert.Matches(@"IF NOT EXISTS \(\s*SELECT \* FROM \[__EFMigrationsHistory\]\s*WHERE \[MigrationId\] = N'\d+_Initial'", script);
        foreach (var table in new[] { "OrgUnits", "Projects", "Indicators", "IndicatorValues", "AuditEntries", "AspNetUsers" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }
        Assert.Contains("decimal(18,4)", script);
    }

    [Fact]
    public async Task The_sqlite_migrations_create_a_working_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"komaki-mig-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = Context(DatabaseProvider.Sqlite, $"Data Source={path}");
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Projects.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
