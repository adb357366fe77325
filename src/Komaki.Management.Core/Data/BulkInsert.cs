using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Komaki.Management.Core.Data;

/// One prepared INSERT executed per row inside the caller's transaction: ten thousand rows in a fraction
/// of what change tracking costs. Table and column names, identifier quoting and value conversion all come
/// from the EF model, so it follows the mapping on both providers. Store-generated keys are left to the database.
internal static class BulkInsert
{
    public static async Task RunAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = type.GetFlattenedProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Converter: p.GetTypeMapping().Converter, Getter: p.GetGetter()))
            .ToList();

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside a transaction.");
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        // No explicit Prepare: SQLite reuses the statement compiled on first execution, and SQL Server's
        // Prepare would demand sizes for every text parameter.
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].Getter.GetClrValueUsingContainingEntity(row);
                if (value is not null && columns[i].Converter is { } converter) value = converter.ConvertToProvider(value);
                parameters[i].Value = value ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// One prepared UPDATE of one column per row, by key, inside the caller's transaction (no audit entries, as for
    /// the inserts above).
    public static async Task SetAsync<T>(AppDbContext db, string property, IEnumerable<(int Key, object? Value)> rows, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = type.FindPrimaryKey()!.Properties.Single();
        var column = type.FindProperty(property) ?? throw new ArgumentException($"{typeof(T).Name} has no {property}", nameof(property));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside a transaction.");
        command.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {sql.DelimitIdentifier(column.GetColumnName(table)!)} = @v WHERE {sql.DelimitIdentifier(key.GetColumnName(table)!)} = @k";
        var value = command.CreateParameter();
        value.ParameterName = "@v";
        command.Parameters.Add(value);
        var id = command.CreateParameter();
        id.ParameterName = "@k";
        command.Parameters.Add(id);
        foreach (var (k, v) in rows)
        {
            id.Value = k;
            value.Value = v ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
