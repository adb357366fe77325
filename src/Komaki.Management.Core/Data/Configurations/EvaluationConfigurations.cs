namespace Komaki.Management.Core.Data.Configurations;

public sealed class ProjectEvaluationConfiguration : IEntityTypeConfiguration<ProjectEvaluation>
{
    public void Configure(EntityTypeBuilder<ProjectEvaluation> b)
    {
        b.Property(x => x.StaffPersonYears).HasPrecision(9, 2);
        foreach (var text in new[] { nameof(ProjectEvaluation.NecessityReason), nameof(ProjectEvaluation.EffectivenessReason), nameof(ProjectEvaluation.EfficiencyReason),
                     nameof(ProjectEvaluation.EquityReason), nameof(ProjectEvaluation.Improvement), nameof(ProjectEvaluation.SecondReason), nameof(ProjectEvaluation.ReturnComment),
                     nameof(ProjectEvaluation.PurposeTarget), nameof(ProjectEvaluation.PurposeIntent), nameof(ProjectEvaluation.Means),
                     nameof(ProjectEvaluation.FirstReviewFindings), nameof(ProjectEvaluation.FirstReviewExplanation), nameof(ProjectEvaluation.SecondReviewFindings),
                     nameof(ProjectEvaluation.SecondReviewExplanation) })
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

public sealed class ForumSessionConfiguration : IEntityTypeConfiguration<ForumSession>
{
    public void Configure(EntityTypeBuilder<ForumSession> b)
    {
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Venue).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Projects).WithOne(p => p.ForumSession).HasForeignKey(p => p.ForumSessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Reviewers).WithOne().HasForeignKey(r => r.ForumSessionId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class ForumProjectConfiguration : IEntityTypeConfiguration<ForumProject>
{
    public void Configure(EntityTypeBuilder<ForumProject> b)
    {
        b.Property(x => x.CityResponse).HasMaxLength(4000);
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Verdicts).WithOne().HasForeignKey(v => v.ForumProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ForumSessionId, x.ProjectId }).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class ForumReviewerConfiguration : IEntityTypeConfiguration<ForumReviewer>
{
    public void Configure(EntityTypeBuilder<ForumReviewer> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(50).IsRequired();
        b.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ForumSessionId, x.UserId }).IsUnique();
    }
}

public sealed class ReviewerVerdictConfiguration : IEntityTypeConfiguration<ReviewerVerdict>
{
    public void Configure(EntityTypeBuilder<ReviewerVerdict> b)
    {
        b.Property(x => x.ReviewerUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Comment).HasMaxLength(4000).IsRequired();
        b.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ForumProjectId, x.ReviewerUserId }).IsUnique();
    }
}

public sealed class MeasureEvaluationConfiguration : IEntityTypeConfiguration<MeasureEvaluation>
{
    public void Configure(EntityTypeBuilder<MeasureEvaluation> b)
    {
        b.Property(x => x.Assessment).HasMaxLength(4000).IsRequired();
        b.Property(x => x.AssessedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MeasureId, x.FiscalYear }).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}
