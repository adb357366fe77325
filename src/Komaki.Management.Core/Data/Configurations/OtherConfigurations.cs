using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(32).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(100).IsRequired();
        builder.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.Code);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(x => x.UserName).IsRequired();
        builder.Property(x => x.RecordType).HasMaxLength(64).IsRequired();
        builder.Property(x => x.RecordId).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Detail).HasMaxLength(256);
        builder.Property(x => x.EntityType).HasMaxLength(64).IsRequired();
        builder.HasIndex(x => new { x.RecordType, x.RecordId, x.At });
        builder.Ignore(x => x.Changes);
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(x => x.DisplayName).HasMaxLength(100).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DataVersionRowConfiguration : IEntityTypeConfiguration<DataVersionRow>
{
    public void Configure(EntityTypeBuilder<DataVersionRow> builder)
    {
        builder.ToTable("DataVersions");
        builder.HasKey(x => x.Area);
        builder.Property(x => x.Area).HasMaxLength(32);
        builder.HasData(DataArea.All.Select(a => new DataVersionRow { Area = a, Version = 1 }));
    }
}

public sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Role).HasMaxLength(256).IsRequired();
        builder.Property(x => x.RequestedById).IsRequired();
        builder.Property(x => x.RequestedByName).IsRequired();
        builder.HasIndex(x => x.UserId);
    }
}

public sealed class DirectoryRoleMappingConfiguration : IEntityTypeConfiguration<DirectoryRoleMapping>
{
    public void Configure(EntityTypeBuilder<DirectoryRoleMapping> builder)
    {
        builder.Property(x => x.Group).HasMaxLength(DirectoryRoleMapping.GroupMaxLength).IsRequired();
        builder.Property(x => x.Key).HasMaxLength(DirectoryRoleMapping.GroupMaxLength).IsRequired();
        builder.Property(x => x.Role).HasMaxLength(256).IsRequired();
        builder.HasIndex(x => new { x.Key, x.Role }).IsUnique().RefusedAs("このグループにはすでにこの役割が割り当てられています。");
    }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Device).HasMaxLength(UserSession.DeviceMaxLength);
        builder.Property(x => x.Address).HasMaxLength(UserSession.AddressMaxLength);
        builder.HasIndex(x => x.UserId);
        builder.HasIndex(x => x.ExpiresAt);
    }
}

public sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> builder)
    {
        builder.ToTable("SignInLog");
        builder.Property(x => x.Account).HasMaxLength(SignInRecord.AccountMaxLength).IsRequired();
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.Kind).HasMaxLength(SignInRecord.KindMaxLength).IsRequired();
        builder.Property(x => x.Reason).HasMaxLength(SignInRecord.ReasonMaxLength);
        builder.Property(x => x.Address).HasMaxLength(SignInRecord.AddressMaxLength);
        builder.HasIndex(x => x.At);
    }
}
