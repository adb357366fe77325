using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Personnel;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(x => x.StaffNumber).HasMaxLength(20).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.HasIndex(x => x.StaffNumber).IsUnique().RefusedAs("この職員番号はすでに登録されています。");
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Assignments).WithOne(a => a.StaffMember).HasForeignKey(a => a.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StaffAssignmentConfiguration : IEntityTypeConfiguration<StaffAssignment>
{
    public void Configure(EntityTypeBuilder<StaffAssignment> builder)
    {
        builder.Property(x => x.Position).HasMaxLength(50).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.FiscalYear, x.StaffMemberId, x.StartsOn }).IsUnique().RefusedAs("この職員のこの日からの配置はすでにあります。");
        builder.HasIndex(x => new { x.FiscalYear, x.OrgUnitId });
    }
}

public sealed class PersonnelDesignConfiguration : IEntityTypeConfiguration<PersonnelDesign>
{
    public void Configure(EntityTypeBuilder<PersonnelDesign> builder)
    {
        builder.HasIndex(x => x.FiscalYear).IsUnique().RefusedAs("この年度の人事評価の設計はすでにあります。画面を開き直して確かめてください。");
        builder.HasMany(x => x.Grades).WithOne().HasForeignKey(g => g.PersonnelDesignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Criteria).WithOne().HasForeignKey(c => c.PersonnelDesignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DesignGradeConfiguration : IEntityTypeConfiguration<DesignGrade>
{
    public void Configure(EntityTypeBuilder<DesignGrade> builder)
    {
        builder.ToTable("DesignGrades");
        builder.Property(x => x.Code).HasMaxLength(4).IsRequired();
        builder.Property(x => x.Label).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Points).HasPrecision(6, 2);
        builder.Property(x => x.BonusCategory).HasMaxLength(50).IsRequired();
    }
}

public sealed class CompetenceCriterionConfiguration : IEntityTypeConfiguration<CompetenceCriterion>
{
    public void Configure(EntityTypeBuilder<CompetenceCriterion> builder)
    {
        builder.ToTable("CompetenceCriteria");
        builder.Property(x => x.Name).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Viewpoints).HasMaxLength(2000).IsRequired();
    }
}

public sealed class PersonnelEvaluationConfiguration : IEntityTypeConfiguration<PersonnelEvaluation>
{
    public void Configure(EntityTypeBuilder<PersonnelEvaluation> builder)
    {
        builder.Property(x => x.Position).HasMaxLength(50).IsRequired();
        builder.Property(x => x.GoalInterviewNote).HasMaxLength(2000);
        builder.Property(x => x.MidYearInterviewNote).HasMaxLength(2000);
        builder.Property(x => x.AdjustmentReason).HasMaxLength(2500);
        builder.Property(x => x.AdjustmentNote).HasMaxLength(2000);
        builder.Property(x => x.DisclosedReason).HasMaxLength(2500);
        builder.HasIndex(x => new { x.FiscalYear, x.StaffMemberId }).IsUnique().RefusedAs("この職員のこの年度の人事評価はすでにあります（他の職員が先に作りました）。画面を開き直して確かめてください。");
        builder.HasIndex(x => x.FirstEvaluatorId);
        builder.HasIndex(x => x.SecondEvaluatorId);
        builder.HasOne(x => x.StaffMember).WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.FirstEvaluator).WithMany().HasForeignKey(x => x.FirstEvaluatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.SecondEvaluator).WithMany().HasForeignKey(x => x.SecondEvaluatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Goals).WithOne().HasForeignKey(g => g.PersonnelEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Marks).WithOne().HasForeignKey(m => m.PersonnelEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.GoalChanges).WithOne().HasForeignKey(c => c.PersonnelEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Events).WithOne().HasForeignKey(c => c.PersonnelEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Complaints).WithOne().HasForeignKey(c => c.PersonnelEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(x => x.OrderedGoals);
    }
}

public sealed class PerformanceGoalConfiguration : IEntityTypeConfiguration<PerformanceGoal>
{
    public void Configure(EntityTypeBuilder<PerformanceGoal> builder)
    {
        builder.Property(x => x.OwnerUserId).HasMaxLength(450);
        builder.Property(x => x.Title).HasMaxLength(300).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.Target).HasMaxLength(1000);
        builder.Property(x => x.Result).HasMaxLength(4000);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.OrganizationalGoal).WithMany().HasForeignKey(x => x.OrganizationalGoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.ManifestoItem).WithMany().HasForeignKey(x => x.ManifestoItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.OwnerUserId, x.FiscalYear });
        builder.Property(x => x.AgreedServes).HasMaxLength(600);
        builder.Ignore(x => x.Serves);
        builder.Ignore(x => x.ServesShown);
        builder.Ignore(x => x.ServesChangedSinceAgreed);
    }
}

public sealed class EvaluationMarkConfiguration : IEntityTypeConfiguration<EvaluationMark>
{
    public void Configure(EntityTypeBuilder<EvaluationMark> builder)
    {
        builder.ToTable("EvaluationMarks");
        builder.Property(x => x.Comment).HasMaxLength(2000);
        builder.Property(x => x.DraftResult).HasMaxLength(4000);
    }
}

public sealed class PerformanceGoalChangeConfiguration : IEntityTypeConfiguration<PerformanceGoalChange>
{
    public void Configure(EntityTypeBuilder<PerformanceGoalChange> builder)
    {
        builder.ToTable("PerformanceGoalChanges");
        builder.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Before).HasMaxLength(8000).IsRequired();
        builder.Property(x => x.After).HasMaxLength(8000).IsRequired();
        builder.Property(x => x.UserName).IsRequired();
        builder.Property(x => x.DisplayName).HasMaxLength(100).IsRequired();
    }
}

public sealed class PersonnelEventConfiguration : IEntityTypeConfiguration<PersonnelEvent>
{
    public void Configure(EntityTypeBuilder<PersonnelEvent> builder)
    {
        builder.ToTable("PersonnelEvents");
        builder.Property(x => x.UserName).IsRequired();
        builder.Property(x => x.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Comment).HasMaxLength(2500);
    }
}

public sealed class PersonnelComplaintConfiguration : IEntityTypeConfiguration<PersonnelComplaint>
{
    public void Configure(EntityTypeBuilder<PersonnelComplaint> builder)
    {
        builder.ToTable("PersonnelComplaints");
        builder.Property(x => x.Content).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.AnsweredBy).HasMaxLength(100);
        builder.Property(x => x.Answer).HasMaxLength(2000);
    }
}

public sealed class PersonnelReadConfiguration : IEntityTypeConfiguration<PersonnelRead>
{
    public void Configure(EntityTypeBuilder<PersonnelRead> builder)
    {
        builder.Property(x => x.UserName).IsRequired();
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.What).HasMaxLength(40).IsRequired();
        builder.HasIndex(x => x.PersonnelEvaluationId);
        builder.HasOne<PersonnelEvaluation>().WithMany().HasForeignKey(x => x.PersonnelEvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}
