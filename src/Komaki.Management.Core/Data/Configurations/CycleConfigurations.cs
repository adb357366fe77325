using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class CycleDeadlineConfiguration : IEntityTypeConfiguration<CycleDeadline>
{
    public void Configure(EntityTypeBuilder<CycleDeadline> builder)
    {
        builder.HasIndex(x => new { x.FiscalYear, x.Stage }).IsUnique().RefusedAs("この年度のこの工程の期限はすでにあります。画面を開き直して入力してください。");
    }
}

public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(x => x.Message).HasMaxLength(500).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.UserId, x.ReadAt });
        builder.HasIndex(x => new { x.UserId, x.FiscalYear, x.Stage, x.CreatedAt });
    }
}

public sealed class JudgmentBandConfiguration : IEntityTypeConfiguration<JudgmentBand>
{
    public void Configure(EntityTypeBuilder<JudgmentBand> builder)
    {
        builder.Property(x => x.Grade).IsRequired();
        builder.Property(x => x.Label).HasMaxLength(20).IsRequired();
        builder.Property(x => x.Color).HasMaxLength(7).IsRequired();
        builder.Property(x => x.MinPercent).HasPrecision(9, 2);
        builder.HasIndex(x => x.Grade).IsUnique().RefusedAs("この評語の判定基準はすでにあります。一つの評語に基準は一つです。");
    }
}

public sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.Property(x => x.PublishedBy).IsRequired();
        builder.Property(x => x.Note).HasMaxLength(2000);
        builder.HasIndex(x => new { x.Kind, x.FiscalYear }).IsUnique().RefusedAs("この年度のこの公表はすでにあります（他の職員が先に公表しました）。画面を開き直して確かめてください。");
    }
}
