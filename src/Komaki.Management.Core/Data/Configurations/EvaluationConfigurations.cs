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
