using Komaki.Management.Core.Evaluation;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class ProjectEvaluationConfiguration : IEntityTypeConfiguration<ProjectEvaluation>
{
    public void Configure(EntityTypeBuilder<ProjectEvaluation> builder)
    {
        builder.Property(x => x.StaffPersonYears).HasPrecision(9, 2);
        builder.Property(x => x.ReappointedPersonYears).HasPrecision(9, 2);
        builder.Property(x => x.FiscalYearPersonYears).HasPrecision(9, 2);
        foreach (var text in new[] { nameof(ProjectEvaluation.NecessityReason), nameof(ProjectEvaluation.EffectivenessReason), nameof(ProjectEvaluation.EfficiencyReason),
                     nameof(ProjectEvaluation.EquityReason), nameof(ProjectEvaluation.Improvement), nameof(ProjectEvaluation.SecondReason), nameof(ProjectEvaluation.ReturnComment),
                     nameof(ProjectEvaluation.PurposeTarget), nameof(ProjectEvaluation.PurposeIntent), nameof(ProjectEvaluation.Means),
                     nameof(ProjectEvaluation.FirstReviewFindings), nameof(ProjectEvaluation.FirstReviewExplanation), nameof(ProjectEvaluation.SecondReviewFindings),
                     nameof(ProjectEvaluation.SecondReviewExplanation), nameof(ProjectEvaluation.PublishFindings), nameof(ProjectEvaluation.PublishExplanation) })
            builder.Property(text).HasMaxLength(4000);
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ProjectId, x.FiscalYear }).IsUnique().RefusedAs("この事業のこの年度の評価はすでにあります（他の職員が先に作りました）。画面を開き直して確かめてください。");
        builder.HasIndex(x => x.FiscalYear);
        builder.Ignore(x => x.StaffCost);
        builder.Ignore(x => x.FullCost);
        builder.Ignore(x => x.FinalDirection);
    }
}

public sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.Note).HasMaxLength(4000);
        builder.Property(x => x.DeviationReason).HasMaxLength(2000);
        builder.Property(x => x.ConfirmNote).HasMaxLength(2000);
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.ProjectEvaluation).WithMany().HasForeignKey(x => x.ProjectEvaluationId).OnDelete(DeleteBehavior.Restrict);
        // A plan line can be taken out of an edition later; the action then shows that its answer is gone.
        builder.HasOne(x => x.AnswerPlanLine).WithMany().HasForeignKey(x => x.AnswerPlanLineId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(x => x.AnswerBudgetLine).WithMany().HasForeignKey(x => x.AnswerBudgetLineId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(x => new { x.State, x.OwnerUnitId });
        builder.HasIndex(x => x.ProjectEvaluationId).IsUnique().RefusedAs("この評価の改善の取組はすでにあります（他の職員が先に保存しました）。画面を開き直して確かめてください。");
    }
}

public sealed class ExternalReviewConfiguration : IEntityTypeConfiguration<ExternalReview>
{
    public void Configure(EntityTypeBuilder<ExternalReview> builder)
    {
        // The tables and columns keep the names they were created with (the 市民公開フォーラム); the code says 外部評価.
        builder.ToTable("ForumSessions");
        builder.Property(x => x.Title).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Venue).HasMaxLength(200).IsRequired();
        builder.Property(x => x.CloseNote).HasMaxLength(4000);
        builder.HasMany(x => x.Projects).WithOne(p => p.ExternalReview).HasForeignKey(p => p.ExternalReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Reviewers).WithOne().HasForeignKey(r => r.ExternalReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ExternalReviewProjectConfiguration : IEntityTypeConfiguration<ExternalReviewProject>
{
    public void Configure(EntityTypeBuilder<ExternalReviewProject> builder)
    {
        builder.ToTable("ForumProjects");
        builder.Property(x => x.ExternalReviewId).HasColumnName("ForumSessionId");
        builder.Property(x => x.CityResponse).HasMaxLength(4000);
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Verdicts).WithOne().HasForeignKey(v => v.ExternalReviewProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.ExternalReviewId, x.ProjectId }).IsUnique().RefusedAs("この事業はすでに外部評価の対象です。");
    }
}

public sealed class ExternalReviewerConfiguration : IEntityTypeConfiguration<ExternalReviewer>
{
    public void Configure(EntityTypeBuilder<ExternalReviewer> builder)
    {
        builder.ToTable("ForumReviewers");
        builder.Property(x => x.ExternalReviewId).HasColumnName("ForumSessionId");
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Kind).HasMaxLength(50).IsRequired();
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ExternalReviewId, x.UserId }).IsUnique().RefusedAs("この委員はすでにこの外部評価の委員です。");
    }
}

public sealed class ReviewerVerdictConfiguration : IEntityTypeConfiguration<ReviewerVerdict>
{
    public void Configure(EntityTypeBuilder<ReviewerVerdict> builder)
    {
        builder.Property(x => x.ExternalReviewProjectId).HasColumnName("ForumProjectId");
        builder.Property(x => x.ReviewerUserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Comment).HasMaxLength(4000).IsRequired();
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ExternalReviewProjectId, x.ReviewerUserId }).IsUnique().RefusedAs("この委員のこの事業への意見はすでにあります（同じ画面から二度送られました）。画面を開き直して確かめてください。");
    }
}

public sealed class MeasureEvaluationConfiguration : IEntityTypeConfiguration<MeasureEvaluation>
{
    public void Configure(EntityTypeBuilder<MeasureEvaluation> builder)
    {
        builder.Property(x => x.Assessment).HasMaxLength(4000).IsRequired();
        builder.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.MeasureId, x.FiscalYear }).IsUnique().RefusedAs("この施策のこの年度の評価はすでにあります（他の職員が先に作りました）。画面を開き直して確かめてください。");
    }
}

public sealed class ResultsSubmissionConfiguration : IEntityTypeConfiguration<Reports.ResultsSubmission>
{
    public void Configure(EntityTypeBuilder<Reports.ResultsSubmission> builder)
    {
        builder.Property(x => x.SubmittedBy).IsRequired();
        builder.Property(x => x.Note).HasMaxLength(4000);
        builder.Property(x => x.Report).IsRequired();
        builder.HasIndex(x => new { x.FiscalYear, x.Edition }).IsUnique().RefusedAs("この版の成果説明書はすでに提出されています（同じ画面から二度送られたか、他の職員が先に提出しました）。提出の履歴を確かめてください。");
        builder.Ignore(x => x.Kind);
    }
}
