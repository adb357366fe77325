using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Data.Configurations;

internal static class PlanElementMapping
{
    public static void MapCommon<T>(EntityTypeBuilder<T> builder) where T : PlanElement
    {
        builder.Property(x => x.Code).HasMaxLength(32).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(4000);
        builder.Property(x => x.RetiredReason).HasMaxLength(500);
        builder.Ignore(x => x.IsRetired);
    }
}

public sealed class ComprehensivePlanConfiguration : IEntityTypeConfiguration<ComprehensivePlan>
{
    public void Configure(EntityTypeBuilder<ComprehensivePlan> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Vision).HasMaxLength(4000);
        builder.Property(x => x.PolicyLabel).HasMaxLength(20).IsRequired();
        builder.Property(x => x.MeasureLabel).HasMaxLength(20).IsRequired();
        builder.Property(x => x.BasicProjectLabel).HasMaxLength(20).IsRequired();
        builder.Property(x => x.ProjectLabel).HasMaxLength(20).IsRequired();
    }
}

public sealed class BasicPlanConfiguration : IEntityTypeConfiguration<BasicPlan>
{
    public void Configure(EntityTypeBuilder<BasicPlan> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.HasOne(x => x.ComprehensivePlan).WithMany(p => p.BasicPlans)
            .HasForeignKey(x => x.ComprehensivePlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BasicPlan>().WithMany().HasForeignKey(x => x.CopiedFromId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> builder)
    {
        PlanElementMapping.MapCommon(builder);
        builder.HasOne(x => x.BasicPlan).WithMany().HasForeignKey(x => x.BasicPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.BasicPlanId, x.Code }).IsUnique().RefusedAs("この基本計画にこの番号の施策はすでにあります。別の番号にしてください。");
    }
}

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        PlanElementMapping.MapCommon(builder);
        builder.Property(x => x.Weight).HasPrecision(9, 3);
        builder.HasOne(x => x.Policy).WithMany(p => p.Measures).HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.Code);
    }
}

public sealed class BasicProjectConfiguration : IEntityTypeConfiguration<BasicProject>
{
    public void Configure(EntityTypeBuilder<BasicProject> builder)
    {
        PlanElementMapping.MapCommon(builder);
        builder.HasOne(x => x.Measure).WithMany(m => m.BasicProjects).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.Code);
    }
}

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        PlanElementMapping.MapCommon(builder);
        builder.HasOne(x => x.Measure).WithMany(m => m.Projects).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.BasicProject).WithMany().HasForeignKey(x => x.BasicProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.Code);
        builder.HasIndex(x => x.OwnerUnitId);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Unit).HasMaxLength(20).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(2000);
        builder.Property(x => x.BaselineValue).HasPrecision(18, 4);
        builder.Property(x => x.Weight).HasPrecision(9, 3);
        builder.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Values).WithOne(v => v.Indicator).HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        // An indicator belongs to exactly one of a measure or a project.
        builder.ToTable(t => t.HasCheckConstraint("CK_Indicators_Owner",
            "(\"MeasureId\" IS NULL AND \"ProjectId\" IS NOT NULL) OR (\"MeasureId\" IS NOT NULL AND \"ProjectId\" IS NULL)"));
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(x => x.Target).HasPrecision(18, 4);
        builder.Property(x => x.Actual).HasPrecision(18, 4);
        builder.Property(x => x.PublishedActual).HasPrecision(18, 4);
        builder.HasIndex(x => new { x.IndicatorId, x.FiscalYear }).IsUnique().RefusedAs("この指標のこの年度の値はすでにあります（他の職員が先に保存しました）。画面を開き直して確かめてください。");
    }
}
