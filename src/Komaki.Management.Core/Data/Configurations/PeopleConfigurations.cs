using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Manifesto;

namespace Komaki.Management.Core.Data.Configurations;

internal static class OneOf
{
    /// Exactly one of the columns is set.
    public static string Check(params string[] columns) =>
        string.Join(" + ", columns.Select(c => $"(CASE WHEN \"{c}\" IS NULL THEN 0 ELSE 1 END)")) + " = 1";
}

public sealed class MayorTermConfiguration : IEntityTypeConfiguration<MayorTerm>
{
    public void Configure(EntityTypeBuilder<MayorTerm> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(100).IsRequired();
        builder.Property(x => x.MayorName).HasMaxLength(100).IsRequired();
        builder.HasMany(x => x.Items).WithOne(i => i.MayorTerm).HasForeignKey(i => i.MayorTermId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(x => x.FirstFiscalYear);
        builder.Ignore(x => x.LastFiscalYear);
    }
}

public sealed class ManifestoItemConfiguration : IEntityTypeConfiguration<ManifestoItem>
{
    public void Configure(EntityTypeBuilder<ManifestoItem> builder)
    {
        builder.Property(x => x.Number).HasMaxLength(20).IsRequired();
        builder.Property(x => x.Area).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Title).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.NumericTarget).HasMaxLength(200);
        builder.Property(x => x.Note).HasMaxLength(1000);
        builder.HasIndex(x => new { x.MayorTermId, x.Number }).IsUnique().RefusedAs("この任期にこの番号のマニフェスト項目はすでにあります。別の番号にしてください。");
        builder.HasMany(x => x.Links).WithOne(l => l.ManifestoItem).HasForeignKey(l => l.ManifestoItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Progress).WithOne(p => p.ManifestoItem).HasForeignKey(p => p.ManifestoItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ManifestoLinkConfiguration : IEntityTypeConfiguration<ManifestoLink>
{
    public void Configure(EntityTypeBuilder<ManifestoLink> builder)
    {
        builder.HasOne(x => x.Policy).WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_ManifestoLinks_OneTarget", OneOf.Check("PolicyId", "MeasureId", "ProjectId")));
        builder.Ignore(x => x.Level);
        builder.Ignore(x => x.ElementId);
    }
}

public sealed class ManifestoProgressConfiguration : IEntityTypeConfiguration<ManifestoProgress>
{
    public void Configure(EntityTypeBuilder<ManifestoProgress> builder)
    {
        builder.Property(x => x.Commentary).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.Evidence).HasMaxLength(4000);
        builder.HasIndex(x => new { x.ManifestoItemId, x.FiscalYear }).IsUnique().RefusedAs("この項目のこの年度の進捗はすでにあります（他の職員が先に保存しました）。画面を開き直して確かめてください。");
    }
}

public sealed class CitizenInputConfiguration : IEntityTypeConfiguration<CitizenInput>
{
    public void Configure(EntityTypeBuilder<CitizenInput> builder)
    {
        builder.Property(x => x.Summary).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.Answer).HasMaxLength(4000);
        builder.HasIndex(x => x.ReceivedOn);
        builder.HasMany(x => x.Links).WithOne(l => l.CitizenInput).HasForeignKey(l => l.CitizenInputId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CitizenInputLinkConfiguration : IEntityTypeConfiguration<CitizenInputLink>
{
    public void Configure(EntityTypeBuilder<CitizenInputLink> builder)
    {
        builder.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_CitizenInputLinks_OneTarget", OneOf.Check("MeasureId", "ProjectId")));
    }
}

public sealed class SurveyResultConfiguration : IEntityTypeConfiguration<SurveyResult>
{
    public void Configure(EntityTypeBuilder<SurveyResult> builder)
    {
        builder.Property(x => x.Satisfaction).HasPrecision(9, 3);
        builder.Property(x => x.Importance).HasPrecision(9, 3);
        builder.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.MeasureId, x.FiscalYear }).IsUnique().RefusedAs("この施策のこの年度の市民意識調査の結果はすでにあります。");
    }
}

public sealed class OrganizationalGoalConfiguration : IEntityTypeConfiguration<OrganizationalGoal>
{
    public void Configure(EntityTypeBuilder<OrganizationalGoal> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(300).IsRequired();
        builder.Property(x => x.Reason).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.MidYearReview).HasMaxLength(4000);
        builder.Property(x => x.GradeEvidence).HasMaxLength(4000);
        builder.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.FiscalYear, x.OrgUnitId });
        builder.HasMany(x => x.Links).WithOne().HasForeignKey(l => l.OrganizationalGoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Indicators).WithOne().HasForeignKey(i => i.OrganizationalGoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.OrganizationalGoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.OrganizationalGoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GoalLinkConfiguration : IEntityTypeConfiguration<GoalLink>
{
    public void Configure(EntityTypeBuilder<GoalLink> builder)
    {
        builder.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.ManifestoItem).WithMany().HasForeignKey(x => x.ManifestoItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.AgreedCode).HasMaxLength(50);
        builder.Property(x => x.AgreedName).HasMaxLength(300);
        builder.Ignore(x => x.CodeToday);
        builder.Ignore(x => x.NameToday);
        builder.Ignore(x => x.ChangedSinceAgreed);
        builder.ToTable(t => t.HasCheckConstraint("CK_GoalLinks_OneTarget", OneOf.Check("MeasureId", "ProjectId", "ManifestoItemId")));
    }
}

public sealed class GoalIndicatorConfiguration : IEntityTypeConfiguration<GoalIndicator>
{
    public void Configure(EntityTypeBuilder<GoalIndicator> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Unit).HasMaxLength(20).IsRequired();
        builder.Property(x => x.Target).HasPrecision(18, 4);
        builder.Property(x => x.Baseline).HasPrecision(18, 4);
        builder.Property(x => x.Direction).HasDefaultValue(Plans.IndicatorDirection.HigherIsBetter);
        builder.Property(x => x.Actual).HasPrecision(18, 4);
    }
}

public sealed class GoalStepConfiguration : IEntityTypeConfiguration<GoalStep>
{
    public void Configure(EntityTypeBuilder<GoalStep> builder)
    {
        builder.Property(x => x.Action).HasMaxLength(500).IsRequired();
        builder.Property(x => x.Schedule).HasMaxLength(100).IsRequired();
    }
}

public sealed class GoalEventConfiguration : IEntityTypeConfiguration<GoalEvent>
{
    public void Configure(EntityTypeBuilder<GoalEvent> builder)
    {
        builder.Property(x => x.UserName).IsRequired();
        builder.Property(x => x.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Comment).HasMaxLength(4000);
    }
}
