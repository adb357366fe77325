using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Komaki.Management.Core.Data;

/// A number that changes whenever anything is written to the database by this process: read models cached under
/// it (the PDCA board, the plan tree, the public pages) are never served after a change. Every EF command that is
/// not a SELECT bumps it, and so does the bulk insert, which writes around EF.
/// One process per database is assumed (the city runs one app server); several servers would need a shared version.
public static class DataVersion
{
    private static long _current;

    public static long Current => Interlocked.Read(ref _current);

    public static void Bump() => Interlocked.Increment(ref _current);
}

internal sealed class DataVersionInterceptor : DbCommandInterceptor
{
    public static readonly DataVersionInterceptor Instance = new();

    private static void Seen(DbCommand command)
    {
        var text = command.CommandText.AsSpan().TrimStart();
        if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)) DataVersion.Bump();
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Seen(command);
        return result;
    }
}
