using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class BudgetRoundConfiguration : IEntityTypeConfiguration<BudgetRound>
{
    public void Configure(EntityTypeBuilder<BudgetRound> builder)
    {
        builder.Property(x => x.Policy).HasMaxLength(2000);
        builder.HasIndex(x => x.FiscalYear).IsUnique();
        builder.Ignore(x => x.InUse);
        builder.HasMany(x => x.Stages).WithOne().HasForeignKey(s => s.BudgetRoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Frames).WithOne().HasForeignKey(s => s.BudgetRoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BudgetRoundStageConfiguration : IEntityTypeConfiguration<BudgetRoundStage>
{
    public void Configure(EntityTypeBuilder<BudgetRoundStage> builder) => builder.HasIndex(x => new { x.BudgetRoundId, x.Stage }).IsUnique();
}

public sealed class BudgetFrameConfiguration : IEntityTypeConfiguration<BudgetFrame>
{
    public void Configure(EntityTypeBuilder<BudgetFrame> builder)
    {
        builder.HasIndex(x => new { x.BudgetRoundId, x.DepartmentId }).IsUnique();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BudgetRequestConfiguration : IEntityTypeConfiguration<BudgetRequest>
{
    public void Configure(EntityTypeBuilder<BudgetRequest> builder)
    {
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.EnteredBy).HasMaxLength(256);
        builder.Property(x => x.SubmittedBy).HasMaxLength(256);
        builder.HasIndex(x => new { x.FiscalYear, x.ProjectId }).IsUnique();
        builder.HasIndex(x => new { x.FiscalYear, x.OrgUnitId });
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Entries).WithOne().HasForeignKey(e => e.BudgetRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Restorations).WithOne().HasForeignKey(e => e.BudgetRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Breakdown).WithOne().HasForeignKey(e => e.BudgetRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasFunding(x => x.Funding);
        builder.ToTable(t => t.HasCheckConstraint("CK_BudgetRequests_Funding", FundingColumns.Sum + " = \"Expenditure\""));
    }
}

public sealed class BudgetRequestSetsuConfiguration : IEntityTypeConfiguration<BudgetRequestSetsu>
{
    public void Configure(EntityTypeBuilder<BudgetRequestSetsu> builder)
    {
        builder.HasIndex(x => new { x.BudgetRequestId, x.Setsu }).IsUnique();
        builder.ToTable("BudgetRequestSetsu", t => t.HasCheckConstraint("CK_BudgetRequestSetsu_Setsu", "\"Setsu\" BETWEEN 1 AND 27"));
        builder.Ignore(x => x.AuditTarget);
    }
}

public sealed class BudgetStageEntryConfiguration : IEntityTypeConfiguration<BudgetStageEntry>
{
    public void Configure(EntityTypeBuilder<BudgetStageEntry> builder)
    {
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.CheckReason).HasMaxLength(2000);
        builder.Property(x => x.RecordedBy).HasMaxLength(256);
        builder.HasIndex(x => new { x.BudgetRequestId, x.Stage }).IsUnique();
        builder.HasFunding(x => x.Funding);
        builder.ToTable(t => t.HasCheckConstraint("CK_BudgetStageEntries_Funding", FundingColumns.Sum + " = \"Expenditure\""));
    }
}

public sealed class BudgetStageCommitConfiguration : IEntityTypeConfiguration<BudgetStageCommit>
{
    public void Configure(EntityTypeBuilder<BudgetStageCommit> builder)
    {
        builder.Property(x => x.CommittedBy).HasMaxLength(256);
        builder.Property(x => x.Unrequested).HasMaxLength(4000);
        builder.Property(x => x.UnrequestedReason).HasMaxLength(2000);
        builder.HasIndex(x => new { x.FiscalYear, x.Stage, x.DepartmentId }).IsUnique();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BudgetRestorationConfiguration : IEntityTypeConfiguration<BudgetRestoration>
{
    public void Configure(EntityTypeBuilder<BudgetRestoration> builder)
    {
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.Answer).HasMaxLength(2000);
        builder.Property(x => x.RequestedBy).HasMaxLength(256);
        builder.Property(x => x.AnsweredBy).HasMaxLength(256);
    }
}

public sealed class EffectPublicationConfiguration : IEntityTypeConfiguration<EffectPublication>
{
    public void Configure(EntityTypeBuilder<EffectPublication> builder)
    {
        builder.Property(x => x.PublishedBy).HasMaxLength(256);
        builder.Property(x => x.Correction).HasMaxLength(2000);
        builder.HasIndex(x => new { x.FiscalYear, x.Edition }).IsUnique();
        builder.HasMany(x => x.Rows).WithOne().HasForeignKey(r => r.EffectPublicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EffectPublicationRowConfiguration : IEntityTypeConfiguration<EffectPublicationRow>
{
    public void Configure(EntityTypeBuilder<EffectPublicationRow> builder)
    {
        builder.Property(x => x.Department).HasMaxLength(200);
        builder.Property(x => x.Verdict).HasMaxLength(100);
        builder.Property(x => x.PersonYears).HasPrecision(11, 2);
        builder.Property(x => x.NextPersonYears).HasPrecision(11, 2);
        builder.ToTable("EffectPublicationRows");
        builder.HasIndex(x => new { x.EffectPublicationId, x.SortOrder }).IsUnique();
    }
}
