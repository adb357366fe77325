using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Importing;

/// Writing a sheet kind's export for a reader: the rows of the given units (all when null), or, for a kind whose rows
/// are each a person's to read (the evaluation sheets), the rows that reader may read.
public sealed class SheetExports(AppDbContext db) : IUseCase
{
    public Task<bool> WriteAsync(SheetKind kind, int year, Stream output, IReadOnlySet<int>? units, Actor reader, OrgTree org) =>
        kind.ExportForReader is { } forReader ? forReader(db, year, output, reader, org) : kind.Export!(db, year, output, units);
}
