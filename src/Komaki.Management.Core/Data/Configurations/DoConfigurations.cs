using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Implementation;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class ImplementationPlanConfiguration : IEntityTypeConfiguration<ImplementationPlan>
{
    public void Configure(EntityTypeBuilder<ImplementationPlan> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(200).IsRequired();
        builder.HasIndex(x => x.FiscalYear).IsUnique().RefusedAs("この年度の実施計画はすでにあります。画面を開き直して確かめてください。");
        builder.HasOne(x => x.CopiedFrom).WithMany().HasForeignKey(x => x.CopiedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Lines).WithOne(l => l.ImplementationPlan).HasForeignKey(l => l.ImplementationPlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ImplementationPlanLineConfiguration : IEntityTypeConfiguration<ImplementationPlanLine>
{
    public void Configure(EntityTypeBuilder<ImplementationPlanLine> builder)
    {
        builder.Property(x => x.Content).HasMaxLength(4000).IsRequired();
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ImplementationPlanId, x.ProjectId, x.FiscalYear }).IsUnique().RefusedAs("この事業のこの年度の行は実施計画にすでにあります。一つの事業の一年度に行は一つです。");
        builder.HasIndex(x => x.ProjectId);
        builder.HasFunding(x => x.Funding);
        builder.ToTable(t => t.HasCheckConstraint("CK_ImplementationPlanLines_Balanced", "\"Cost\" = " + FundingColumns.Sum));
        builder.Ignore(x => x.IsBalanced);
    }
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ProjectId, x.FiscalYear }).IsUnique().RefusedAs("この事業のこの年度の予算はすでにあります（他の職員が先に保存しました）。画面を開き直して確かめてください。");
        builder.HasIndex(x => x.FiscalYear);
        builder.Ignore(x => x.Current);
        builder.Ignore(x => x.HasSettledFunding);
    }
}

public sealed class ExecutionProgressReportConfiguration : IEntityTypeConfiguration<ExecutionProgressReport>
{
    public void Configure(EntityTypeBuilder<ExecutionProgressReport> builder)
    {
        builder.ToTable("ExecutionProgressReports");
        builder.Property(x => x.ReportText).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.ReportedBy).HasMaxLength(100).IsRequired();
        builder.HasIndex(x => new { x.ExecutionPlanId, x.AsOf });
    }
}

public sealed class ExecutionPlanConfiguration : IEntityTypeConfiguration<ExecutionPlan>
{
    public void Configure(EntityTypeBuilder<ExecutionPlan> builder)
    {
        builder.Property(x => x.Goal).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Content).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.MidYearProgress).HasMaxLength(4000);
        builder.Property(x => x.YearEndProgress).HasMaxLength(4000);
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Schedule).WithOne(m => m.ExecutionPlan).HasForeignKey(m => m.ExecutionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Reports).WithOne().HasForeignKey(r => r.ExecutionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.FiscalYear, x.ProjectId }).IsUnique().RefusedAs("この事業のこの年度の執行計画はすでにあります（他の職員が先に保存しました）。画面を開き直して確かめてください。");
    }
}

public sealed class ExecutionPlanMonthConfiguration : IEntityTypeConfiguration<ExecutionPlanMonth>
{
    public void Configure(EntityTypeBuilder<ExecutionPlanMonth> builder)
    {
        builder.Property(x => x.Work).HasMaxLength(200).IsRequired();
        builder.HasIndex(x => new { x.ExecutionPlanId, x.Month }).IsUnique().RefusedAs("この月の執行計画はすでにあります。一つの月に行は一つです。画面を開き直して入力してください。");
        builder.ToTable(t => t.HasCheckConstraint("CK_ExecutionPlanMonths_Month", "\"Month\" BETWEEN 1 AND 12"));
        builder.Ignore(x => x.IsMilestone);
    }
}
