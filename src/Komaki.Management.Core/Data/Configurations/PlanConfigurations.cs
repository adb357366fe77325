namespace Komaki.Management.Core.Data.Configurations;

internal static class PlanElementMapping
{
    public static void MapCommon<T>(EntityTypeBuilder<T> b) where T : PlanElement
    {
        b.Property(x => x.Code).HasMaxLength(32).IsRequired();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.RetiredReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AuditTarget);
        b.Ignore(x => x.IsRetired);
    }
}

public sealed class ComprehensivePlanConfiguration : IEntityTypeConfiguration<ComprehensivePlan>
{
    public void Configure(EntityTypeBuilder<ComprehensivePlan> b)
    {
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Vision).HasMaxLength(4000);
        b.Property(x => x.PolicyLabel).HasMaxLength(20).IsRequired();
        b.Property(x => x.MeasureLabel).HasMaxLength(20).IsRequired();
        b.Property(x => x.BasicProjectLabel).HasMaxLength(20).IsRequired();
        b.Property(x => x.ProjectLabel).HasMaxLength(20).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class BasicPlanConfiguration : IEntityTypeConfiguration<BasicPlan>
{
    public void Configure(EntityTypeBuilder<BasicPlan> b)
    {
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.ComprehensivePlan).WithMany(p => p.BasicPlans)
            .HasForeignKey(x => x.ComprehensivePlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BasicPlan>().WithMany().HasForeignKey(x => x.CopiedFromId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> b)
    {
        PlanElementMapping.MapCommon(b);
        b.HasOne(x => x.BasicPlan).WithMany().HasForeignKey(x => x.BasicPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BasicPlanId, x.Code }).IsUnique();
    }
}

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> b)
    {
        PlanElementMapping.MapCommon(b);
        b.Property(x => x.Weight).HasPrecision(9, 3);
        b.HasOne(x => x.Policy).WithMany(p => p.Measures).HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Code);
    }
}

public sealed class BasicProjectConfiguration : IEntityTypeConfiguration<BasicProject>
{
    public void Configure(EntityTypeBuilder<BasicProject> b)
    {
        PlanElementMapping.MapCommon(b);
        b.HasOne(x => x.Measure).WithMany(m => m.BasicProjects).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Code);
    }
}

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        PlanElementMapping.MapCommon(b);
        b.HasOne(x => x.Measure).WithMany(m => m.Projects).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.BasicProject).WithMany().HasForeignKey(x => x.BasicProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Code);
        b.HasIndex(x => x.OwnerUnitId);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(20).IsRequired();
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.BaselineValue).HasPrecision(18, 4);
        b.Property(x => x.Weight).HasPrecision(9, 3);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Values).WithOne(v => v.Indicator).HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        // An indicator belongs to exactly one of a measure or a project.
        b.ToTable(t => t.HasCheckConstraint("CK_Indicators_Owner",
            "(\"MeasureId\" IS NULL AND \"ProjectId\" IS NOT NULL) OR (\"MeasureId\" IS NOT NULL AND \"ProjectId\" IS NULL)"));
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.Property(x => x.CorrectionReason).HasMaxLength(500);
        b.Property(x => x.Target).HasPrecision(18, 4);
        b.Property(x => x.Actual).HasPrecision(18, 4);
        b.HasIndex(x => new { x.IndicatorId, x.FiscalYear }).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}
