using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// Chooses the provider from configuration (`Database:Provider`, `ConnectionStrings:Default`).
/// Each provider has its own migrations assembly, as EF Core recommends for multi-provider apps.
public static class Database
{
    public const string SqliteMigrationsAssembly = "Komaki.Management.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Komaki.Management.Migrations.SqlServer";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"Database:Provider '{text}' は使えません。Sqlite か SqlServer を指定してください。");
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly));
                break;
            default:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
        }
    }

    public static IServiceCollection AddKomakiDatabase(this IServiceCollection services, IConfiguration configuration, string defaultSqlitePath)
    {
        var provider = ProviderFrom(configuration);
        var connection = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.SqlServer)
                throw new InvalidOperationException("SQL Server を使うには ConnectionStrings:Default を設定してください。");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(defaultSqlitePath))!);
            connection = $"Data Source={defaultSqlitePath}";
        }
        services.AddDbContext<AppDbContext>(o => Configure(o, provider, connection));
        return services;
    }
}
