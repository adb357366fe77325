namespace Komaki.Management.Core.Data.Configurations;

public sealed class CycleDeadlineConfiguration : IEntityTypeConfiguration<CycleDeadline>
{
    public void Configure(EntityTypeBuilder<CycleDeadline> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.FiscalYear, x.Stage }).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.Property(x => x.Message).HasMaxLength(500).IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.ReadAt });
        b.HasIndex(x => new { x.UserId, x.FiscalYear, x.Stage, x.CreatedAt });
    }
}

public sealed class JudgmentBandConfiguration : IEntityTypeConfiguration<JudgmentBand>
{
    public void Configure(EntityTypeBuilder<JudgmentBand> b)
    {
        b.Property(x => x.Grade).HasMaxLength(4).IsRequired();
        b.Property(x => x.Label).HasMaxLength(20).IsRequired();
        b.Property(x => x.Color).HasMaxLength(7).IsRequired();
        b.Property(x => x.MinPercent).HasPrecision(9, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Grade).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.Property(x => x.PublishedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => new { x.Kind, x.FiscalYear }).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}
