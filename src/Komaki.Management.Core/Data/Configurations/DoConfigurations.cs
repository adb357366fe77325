namespace Komaki.Management.Core.Data.Configurations;

public sealed class ImplementationPlanConfiguration : IEntityTypeConfiguration<ImplementationPlan>
{
    public void Configure(EntityTypeBuilder<ImplementationPlan> b)
    {
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.FiscalYear).IsUnique();
        b.HasOne(x => x.CopiedFrom).WithMany().HasForeignKey(x => x.CopiedFromId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne(l => l.ImplementationPlan).HasForeignKey(l => l.ImplementationPlanId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class ImplementationPlanLineConfiguration : IEntityTypeConfiguration<ImplementationPlanLine>
{
    public void Configure(EntityTypeBuilder<ImplementationPlanLine> b)
    {
        b.Property(x => x.Content).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ImplementationPlanId, x.ProjectId, x.FiscalYear }).IsUnique();
        b.HasIndex(x => x.ProjectId);
        b.ToTable(t => t.HasCheckConstraint("CK_ImplementationPlanLines_Balanced",
            "\"Cost\" = \"National\" + \"Prefectural\" + \"Bonds\" + \"OtherSpecific\" + \"General\""));
        b.Ignore(x => x.AuditTarget);
        b.Ignore(x => x.SumOfSources);
        b.Ignore(x => x.IsBalanced);
    }
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProjectId, x.FiscalYear }).IsUnique();
        b.HasIndex(x => x.FiscalYear);
        b.Ignore(x => x.AuditTarget);
        b.Ignore(x => x.Current);
        b.Ignore(x => x.HasSettledFunding);
    }
}

public sealed class ExecutionPlanConfiguration : IEntityTypeConfiguration<ExecutionPlan>
{
    public void Configure(EntityTypeBuilder<ExecutionPlan> b)
    {
        b.Property(x => x.Goal).HasMaxLength(2000).IsRequired();
        b.Property(x => x.Content).HasMaxLength(4000).IsRequired();
        b.Property(x => x.MidYearProgress).HasMaxLength(4000);
        b.Property(x => x.YearEndProgress).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Schedule).WithOne(m => m.ExecutionPlan).HasForeignKey(m => m.ExecutionPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.FiscalYear, x.ProjectId }).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class ExecutionPlanMonthConfiguration : IEntityTypeConfiguration<ExecutionPlanMonth>
{
    public void Configure(EntityTypeBuilder<ExecutionPlanMonth> b)
    {
        b.Property(x => x.Work).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.ExecutionPlanId, x.Month }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_ExecutionPlanMonths_Month", "\"Month\" BETWEEN 1 AND 12"));
        b.Ignore(x => x.AuditTarget);
        b.Ignore(x => x.IsMilestone);
    }
}
