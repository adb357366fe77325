using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Komaki.Management.Core.Data;

/// A compiled query, one per model. EF binds a compiled query to the model it first runs with and refuses any other,
/// so a static one breaks every context of the second model in a process that holds two (SQLite and SQL Server side by
/// side, as the tests and a migration between providers do) — the pages of whichever came second answer 500.
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
