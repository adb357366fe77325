using System.Linq.Expressions;

namespace Komaki.Management.Core.Data;

/// The maximum length of a text column as the EF model configures it, so a form's validator states the same
/// limit as the database instead of retyping it.
public static class ModelLengths
{
    private static readonly Lazy<Microsoft.EntityFrameworkCore.Metadata.IModel> Model = new(() =>
    {
        // Building the model needs a provider but no connection; the lengths are the same on both providers.
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    });

    public static int Of<TEntity>(Expression<Func<TEntity, string?>> property)
    {
        var name = ((MemberExpression)property.Body).Member.Name;
        return Model.Value.FindEntityType(typeof(TEntity))?.FindProperty(name)?.GetMaxLength()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{name} has no maximum length in the model.");
    }
}
