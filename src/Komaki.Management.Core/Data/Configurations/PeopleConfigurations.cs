namespace Komaki.Management.Core.Data.Configurations;

internal static class OneOf
{
    /// Exactly one of the columns is set.
    public static string Check(params string[] columns) =>
        string.Join(" + ", columns.Select(c => $"(CASE WHEN \"{c}\" IS NULL THEN 0 ELSE 1 END)")) + " = 1";
}

public sealed class MayorTermConfiguration : IEntityTypeConfiguration<MayorTerm>
{
    public void Configure(EntityTypeBuilder<MayorTerm> b)
    {
        b.Property(x => x.Title).HasMaxLength(100).IsRequired();
        b.Property(x => x.MayorName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Items).WithOne(i => i.MayorTerm).HasForeignKey(i => i.MayorTermId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.AuditTarget);
        b.Ignore(x => x.FirstFiscalYear);
        b.Ignore(x => x.LastFiscalYear);
    }
}

public sealed class ManifestoItemConfiguration : IEntityTypeConfiguration<ManifestoItem>
{
    public void Configure(EntityTypeBuilder<ManifestoItem> b)
    {
        b.Property(x => x.Number).HasMaxLength(20).IsRequired();
        b.Property(x => x.Area).HasMaxLength(100).IsRequired();
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        b.Property(x => x.NumericTarget).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.MayorTermId, x.Number }).IsUnique();
        b.HasMany(x => x.Links).WithOne(l => l.ManifestoItem).HasForeignKey(l => l.ManifestoItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Progress).WithOne(p => p.ManifestoItem).HasForeignKey(p => p.ManifestoItemId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class ManifestoLinkConfiguration : IEntityTypeConfiguration<ManifestoLink>
{
    public void Configure(EntityTypeBuilder<ManifestoLink> b)
    {
        b.HasOne(x => x.Policy).WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_ManifestoLinks_OneTarget", OneOf.Check("PolicyId", "MeasureId", "ProjectId")));
        b.Ignore(x => x.AuditTarget);
        b.Ignore(x => x.Level);
        b.Ignore(x => x.ElementId);
    }
}

public sealed class ManifestoProgressConfiguration : IEntityTypeConfiguration<ManifestoProgress>
{
    public void Configure(EntityTypeBuilder<ManifestoProgress> b)
    {
        b.Property(x => x.Commentary).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Evidence).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ManifestoItemId, x.FiscalYear }).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class CitizenInputConfiguration : IEntityTypeConfiguration<CitizenInput>
{
    public void Configure(EntityTypeBuilder<CitizenInput> b)
    {
        b.Property(x => x.Summary).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Answer).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ReceivedOn);
        b.HasMany(x => x.Links).WithOne(l => l.CitizenInput).HasForeignKey(l => l.CitizenInputId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class CitizenInputLinkConfiguration : IEntityTypeConfiguration<CitizenInputLink>
{
    public void Configure(EntityTypeBuilder<CitizenInputLink> b)
    {
        b.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_CitizenInputLinks_OneTarget", OneOf.Check("MeasureId", "ProjectId")));
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class SurveyResultConfiguration : IEntityTypeConfiguration<SurveyResult>
{
    public void Configure(EntityTypeBuilder<SurveyResult> b)
    {
        b.Property(x => x.Satisfaction).HasPrecision(9, 3);
        b.Property(x => x.Importance).HasPrecision(9, 3);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MeasureId, x.FiscalYear }).IsUnique();
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class OrganizationalGoalConfiguration : IEntityTypeConfiguration<OrganizationalGoal>
{
    public void Configure(EntityTypeBuilder<OrganizationalGoal> b)
    {
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(4000).IsRequired();
        b.Property(x => x.MidYearReview).HasMaxLength(4000);
        b.Property(x => x.GradeEvidence).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FiscalYear, x.OrgUnitId });
        b.HasMany(x => x.Links).WithOne().HasForeignKey(l => l.OrganizationalGoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(i => i.OrganizationalGoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.OrganizationalGoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.OrganizationalGoalId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class GoalLinkConfiguration : IEntityTypeConfiguration<GoalLink>
{
    public void Configure(EntityTypeBuilder<GoalLink> b)
    {
        b.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ManifestoItem).WithMany().HasForeignKey(x => x.ManifestoItemId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_GoalLinks_OneTarget", OneOf.Check("MeasureId", "ProjectId", "ManifestoItemId")));
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class GoalIndicatorConfiguration : IEntityTypeConfiguration<GoalIndicator>
{
    public void Configure(EntityTypeBuilder<GoalIndicator> b)
    {
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(20).IsRequired();
        b.Property(x => x.Target).HasPrecision(18, 4);
        b.Property(x => x.Baseline).HasPrecision(18, 4);
        b.Property(x => x.Direction).HasDefaultValue(Plans.IndicatorDirection.HigherIsBetter);
        b.Property(x => x.Actual).HasPrecision(18, 4);
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class GoalStepConfiguration : IEntityTypeConfiguration<GoalStep>
{
    public void Configure(EntityTypeBuilder<GoalStep> b)
    {
        b.Property(x => x.Action).HasMaxLength(500).IsRequired();
        b.Property(x => x.Schedule).HasMaxLength(100).IsRequired();
        b.Ignore(x => x.AuditTarget);
    }
}

public sealed class GoalEventConfiguration : IEntityTypeConfiguration<GoalEvent>
{
    public void Configure(EntityTypeBuilder<GoalEvent> b)
    {
        b.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        b.Property(x => x.DisplayName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Comment).HasMaxLength(4000);
    }
}

public sealed class IndividualGoalConfiguration : IEntityTypeConfiguration<IndividualGoal>
{
    public void Configure(EntityTypeBuilder<IndividualGoal> b)
    {
        b.Property(x => x.OwnerUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Target).HasMaxLength(1000);
        b.Property(x => x.Result).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrganizationalGoal).WithMany().HasForeignKey(x => x.OrganizationalGoalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OwnerUserId, x.FiscalYear });
        b.Ignore(x => x.AuditTarget);
    }
}
