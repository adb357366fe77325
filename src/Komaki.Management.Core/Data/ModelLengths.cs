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

    /// How many decimals a number of the model keeps, so a form takes no more than it stores and shows: a [Decimals]
    /// on the property (0 for a count of people) or the column's scale, never more than NumberText shows.
    public static int DecimalsOf<TEntity>(Expression<Func<TEntity, decimal?>> property)
    {
        var body = property.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : property.Body;
        var member = ((MemberExpression)body).Member;
        if (member.GetCustomAttributes(typeof(DecimalsAttribute), true).FirstOrDefault() is DecimalsAttribute declared) return declared.Count;
        var scale = Model.Value.FindEntityType(typeof(TEntity))?.FindProperty(member.Name)?.GetScale();
        return Math.Min(scale ?? Common.NumberText.FormDecimals, Common.NumberText.FormDecimals);
    }

    public static int Of<TEntity>(Expression<Func<TEntity, string?>> property)
    {
        var name = ((MemberExpression)property.Body).Member.Name;
        return Model.Value.FindEntityType(typeof(TEntity))?.FindProperty(name)?.GetMaxLength()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{name} has no maximum length in the model.");
    }
}

/// The decimals a number keeps where the column's scale says more than its meaning allows (0: a count of people).
[AttributeUsage(AttributeTargets.Property)]
public sealed class DecimalsAttribute(int count) : Attribute
{
    public int Count { get; } = count;
}
