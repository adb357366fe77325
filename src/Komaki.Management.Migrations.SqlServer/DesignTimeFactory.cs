using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Komaki.Management.Migrations.SqlServer;

/// Lets `dotnet ef migrations add` build the context for this provider without the web host.
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, DatabaseProvider.SqlServer, "Server=localhost;Database=Komaki;Trusted_Connection=True;TrustServerCertificate=True");
        return new AppDbContext(options.Options);
    }
}
