using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class BudgetRoundConfiguration : IEntityTypeConfiguration<BudgetRound>
{
    public void Configure(EntityTypeBuilder<BudgetRound> builder)
    {
        builder.Property(x => x.Policy).HasMaxLength(2000);
        builder.HasIndex(x => x.FiscalYear).IsUnique().RefusedAs("この年度の予算編成方針はすでにあります。画面を開き直して確かめてください。");
        builder.Ignore(x => x.InUse);
        builder.HasMany(x => x.Stages).WithOne().HasForeignKey(s => s.BudgetRoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Frames).WithOne().HasForeignKey(s => s.BudgetRoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BudgetRoundStageConfiguration : IEntityTypeConfiguration<BudgetRoundStage>
{
    public void Configure(EntityTypeBuilder<BudgetRoundStage> builder) => builder.HasIndex(x => new { x.BudgetRoundId, x.Stage }).IsUnique().RefusedAs("この段階はすでに予算編成方針にあります。画面を開き直して入力してください。");
}

public sealed class BudgetFrameConfiguration : IEntityTypeConfiguration<BudgetFrame>
{
    public void Configure(EntityTypeBuilder<BudgetFrame> builder)
    {
        builder.HasIndex(x => new { x.BudgetRoundId, x.DepartmentId }).IsUnique().RefusedAs("この部の枠はすでにあります。一つの部に枠は一つです。画面を開き直して入力してください。");
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BudgetRequestConfiguration : IEntityTypeConfiguration<BudgetRequest>
{
    public void Configure(EntityTypeBuilder<BudgetRequest> builder)
    {
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.HasIndex(x => new { x.FiscalYear, x.ProjectId }).IsUnique().RefusedAs("この事業のこの年度の予算要求はすでにあります（他の職員が先に保存しました）。画面を開き直して確かめてください。");
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
        builder.HasIndex(x => new { x.BudgetRequestId, x.Setsu }).IsUnique().RefusedAs("この節の金額はすでにあります。一つの節に金額は一つです。画面を開き直して入力してください。");
        builder.ToTable("BudgetRequestSetsu", t => t.HasCheckConstraint("CK_BudgetRequestSetsu_Setsu", "\"Setsu\" BETWEEN 1 AND 27"));
    }
}

public sealed class BudgetStageEntryConfiguration : IEntityTypeConfiguration<BudgetStageEntry>
{
    public void Configure(EntityTypeBuilder<BudgetStageEntry> builder)
    {
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.CheckReason).HasMaxLength(2000);
        builder.HasIndex(x => new { x.BudgetRequestId, x.Stage }).IsUnique().RefusedAs("この要求のこの段階の額はすでに記録されています（段階は確定済か、他の職員が先に保存しました）。画面を開き直して確かめてください。");
        builder.HasFunding(x => x.Funding);
        builder.ToTable(t => t.HasCheckConstraint("CK_BudgetStageEntries_Funding", FundingColumns.Sum + " = \"Expenditure\""));
    }
}

public sealed class BudgetStageCommitConfiguration : IEntityTypeConfiguration<BudgetStageCommit>
{
    public void Configure(EntityTypeBuilder<BudgetStageCommit> builder)
    {
        builder.Property(x => x.Unrequested).HasMaxLength(4000);
        builder.Property(x => x.UnrequestedReason).HasMaxLength(2000);
        builder.HasIndex(x => new { x.FiscalYear, x.Stage, x.DepartmentId }).IsUnique().RefusedAs("この部のこの段階はすでに確定済です。画面を開き直して確かめてください。");
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BudgetRestorationConfiguration : IEntityTypeConfiguration<BudgetRestoration>
{
    public void Configure(EntityTypeBuilder<BudgetRestoration> builder)
    {
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.Answer).HasMaxLength(2000);
        // One 復活要求 per line: the limit 「内示で減額された額まで」 is checked against the line's one request, so a second
        // (two posts at once) would ask the cut twice.
        builder.HasIndex(x => x.BudgetRequestId).IsUnique().RefusedAs(BudgetFormulationCommands.RestorationAlreadyMade);
    }
}

public sealed class EffectPublicationConfiguration : IEntityTypeConfiguration<EffectPublication>
{
    public void Configure(EntityTypeBuilder<EffectPublication> builder)
    {
        builder.Property(x => x.Correction).HasMaxLength(2000);
        builder.HasIndex(x => new { x.FiscalYear, x.Edition }).IsUnique().RefusedAs("この版はすでに公表されています（同じ画面から二度送られたか、他の職員が先に公表しました）。公表の履歴を確かめてください。");
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
        builder.HasIndex(x => new { x.EffectPublicationId, x.SortOrder }).IsUnique().RefusedAs("公表する表の行が重なっています。画面を開き直してもう一度公表してください。");
    }
}
