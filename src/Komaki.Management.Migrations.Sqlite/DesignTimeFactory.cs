using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Komaki.Management.Migrations.Sqlite;

/// Lets `dotnet ef migrations add` build the context for this provider without the web host.
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new AppDbContext(options.Options);
    }
}
