using Komaki.Management.Core.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class ProjectEvaluationConfiguration : IEntityTypeConfiguration<ProjectEvaluation>
{
    public void Configure(EntityTypeBuilder<ProjectEvaluation> b)
    {
        b.Property(x => x.StaffPersonYears).HasPrecision(9, 2);
        foreach (var text in new[] { nameof(ProjectEvaluation.NecessityReason), nameof(ProjectEvaluation.EffectivenessReason), nameof(ProjectEvaluation.EfficiencyReason),
                     nameof(ProjectEvaluation.EquityReason), nameof(ProjectEvaluation.Improvement), nameof(ProjectEvaluation.SecondReason), nameof(ProjectEvaluation.ReturnComment) })
            b.Property(text).HasMaxLength(4000);
        b.Property(x => x.FirstReviewedBy).HasMaxLength(256);
        b.Property(x => x.SecondReviewedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProjectId, x.FiscalYear }).IsUnique();
        b.HasIndex(x => x.FiscalYear);
        b.Ignore(x => x.AuditTarget);
        b.Ignore(x => x.StaffCost);
        b.Ignore(x => x.FullCost);
        b.Ignore(x => x.FinalDirection);
    }
}

public sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> b)
    {
        b.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Note).HasMaxLength(4000);
        b.Property(x => x.ClosedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ProjectEvaluation).WithMany().HasForeignKey(x => x.ProjectEvaluationId).OnDelete(DeleteBehavior.Restrict);
        // A plan line can be taken out of an edition later; the action then shows that its answer is gone.
        b.HasOne(x => x.AnswerPlanLine).WithMany().HasForeignKey(x => x.AnswerPlanLineId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.AnswerBudgetLine).WithMany().HasForeignKey(x => x.AnswerBudgetLineId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.State, x.OwnerUnitId });
        b.HasIndex(x => x.ProjectEvaluationId).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}
