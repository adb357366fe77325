using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Komaki.Management.Core.Data;

/// Every "only one … per …" of the domain is a unique index, and the code's check before a save is only the polite
/// half: two posts at once both pass it, and the database refuses the second. What the user then reads is declared
/// beside the index (`RefusedAs`) and found here from the database's refusal, on either provider, so a clash is the
/// domain's sentence beside the form, never an error page (UniqueIndexTests: every unique index has one).
public static class UniqueClash
{
    public const string Annotation = "Komaki:UniqueClash";

    public static IndexBuilder<T> RefusedAs<T>(this IndexBuilder<T> index, string message)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.HasAnnotation(Annotation, message);
    }

    public static IndexBuilder RefusedAs(this IndexBuilder index, string message)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.HasAnnotation(Annotation, message);
    }

    /// The sentence declared for a unique index; null when none was.
    public static string? MessageOf(IReadOnlyIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.FindAnnotation(Annotation)?.Value as string;
    }

    /// The declared sentence of the unique index a failed write ran into; null when the failure is anything else.
    public static string? MessageFor(IModel model, Exception error)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(error);
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException) if (e is DbException or DbUpdateException) messages.Add(e.Message);
        // SQLite: "UNIQUE constraint failed: Table.A, Table.B"; SQL Server 2601/2627: "… unique index 'IX_…'" / "… constraint 'AK_…'".
        var sqlite = messages.Select(m => Between(m, "UNIQUE constraint failed: ", ['\'', '\r', '\n'])).FirstOrDefault(s => s is not null);
        var sqlServer = messages.Select(m => Between(m, "with unique index '", ['\''])).FirstOrDefault(s => s is not null)
            ?? messages.Select(m => m.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) ? Between(m, "constraint '", ['\'']) : null).FirstOrDefault(s => s is not null);
        if (sqlite is null && sqlServer is null) return null;
        foreach (var type in model.GetEntityTypes())
        {
            if (type.GetTableName() is not { } name) continue;
            var table = StoreObjectIdentifier.Table(name, type.GetSchema());
            foreach (var index in type.GetIndexes().Where(i => i.IsUnique))
            {
                var columns = string.Join(", ", index.Properties.Select(p => $"{name}.{p.GetColumnName(table)}"));
                if (sqlite == columns || sqlServer == index.GetDatabaseName(table)) return MessageOf(index) ?? Fallback;
            }
        }
        return null;
    }

    /// For a unique index without its sentence (UniqueIndexTests fails on one): still a refusal, not an error page.
    public const string Fallback = "同じ内容がすでに保存されています（他の職員が先に保存したか、同じ画面から二度送られました）。画面を開き直して確かめてください。";

    private static string? Between(string text, string start, char[] ends)
    {
        var at = text.IndexOf(start, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = text[(at + start.Length)..];
        var end = rest.IndexOfAny(ends);
        return (end < 0 ? rest : rest[..end]).Trim().TrimEnd('.');
    }
}
