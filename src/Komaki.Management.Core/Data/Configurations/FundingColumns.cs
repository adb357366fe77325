using System.Linq.Expressions;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Data.Configurations;

/// The 財源内訳 in its owner's own columns, each named as its part, and the sum of those columns for the owner's check.
public static class FundingColumns
{
    public const string Sum = "\"National\" + \"Prefectural\" + \"Bonds\" + \"OtherSpecific\" + \"General\"";

    public static void HasFunding<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, Funding?>> funding) where T : class =>
        builder.ComplexProperty(funding, f =>
        {
            f.Property(x => x.National).HasColumnName(nameof(Funding.National));
            f.Property(x => x.Prefectural).HasColumnName(nameof(Funding.Prefectural));
            f.Property(x => x.Bonds).HasColumnName(nameof(Funding.Bonds));
            f.Property(x => x.OtherSpecific).HasColumnName(nameof(Funding.OtherSpecific));
            f.Property(x => x.General).HasColumnName(nameof(Funding.General));
        });
}
