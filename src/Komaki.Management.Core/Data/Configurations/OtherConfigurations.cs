namespace Komaki.Management.Core.Data.Configurations;

public sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.Property(x => x.Code).HasMaxLength(32).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Code);
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        b.Property(x => x.RecordType).HasMaxLength(64).IsRequired();
        b.Property(x => x.RecordId).HasMaxLength(64).IsRequired();
        b.Property(x => x.Detail).HasMaxLength(256);
        b.Property(x => x.EntityType).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.RecordType, x.RecordId, x.At });
        b.Ignore(x => x.Changes);
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(100).IsRequired();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class DataVersionRowConfiguration : IEntityTypeConfiguration<DataVersionRow>
{
    public void Configure(EntityTypeBuilder<DataVersionRow> b)
    {
        b.ToTable("DataVersions");
        b.HasKey(x => x.Area);
        b.Property(x => x.Area).HasMaxLength(32);
        b.HasData(DataArea.All.Select(a => new DataVersionRow { Area = a, Version = 1 }));
    }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Device).HasMaxLength(UserSession.DeviceMaxLength);
        b.Property(x => x.Address).HasMaxLength(UserSession.AddressMaxLength);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.ExpiresAt);
    }
}
