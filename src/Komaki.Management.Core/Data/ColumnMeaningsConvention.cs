using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Komaki.Management.Core.Data;

/// The text columns whose length follows from what they hold, not from the entity they are on, so each limit is stated
/// once for every entity (a configuration states a column's length only where it means something of its own):
/// who took a step, as the sign-in name Identity keeps (up to 256); who, as the Identity user's key (up to 450);
/// a 人事評価 grade (S–D, at most 4); the reason given for a 訂正 of what citizens read (up to 500).
/// A column that says otherwise in its configuration (a display name of 100, say) keeps what it says.
public sealed class ColumnMeaningsConvention : IModelFinalizingConvention
{
    public const int SignInNameLength = 256;
    public const int UserKeyLength = 450;
    public const int GradeLength = 4;
    public const int CorrectionReasonLength = 500;

    /// The length a text column holds by its name, or null where the name says nothing of it.
    public static int? LengthFor(string name) => name switch
    {
        PublishedCorrections.ReasonField => CorrectionReasonLength,
        "UserName" => SignInNameLength,
        _ when name.EndsWith("ById", StringComparison.Ordinal) => UserKeyLength,
        _ when name.EndsWith("By", StringComparison.Ordinal) || name.EndsWith("ByName", StringComparison.Ordinal) || name.EndsWith("ByUser", StringComparison.Ordinal) => SignInNameLength,
        _ when name.EndsWith("Grade", StringComparison.Ordinal) => GradeLength,
        _ => null,
    };

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var property in modelBuilder.Metadata.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()))
        {
            if (property.ClrType == typeof(string) && LengthFor(property.Name) is int length)
                property.Builder.HasMaxLength(length);
        }
    }
}
