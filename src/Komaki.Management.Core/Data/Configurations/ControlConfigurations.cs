using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Staffing;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class ControlPolicyConfiguration : IEntityTypeConfiguration<ControlPolicy>
{
    public void Configure(EntityTypeBuilder<ControlPolicy> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Text).HasMaxLength(8000).IsRequired();
        builder.Property(x => x.ChiefName).HasMaxLength(100).IsRequired();
        builder.Property(x => x.ResponsibleName).HasMaxLength(100).IsRequired();
        builder.HasIndex(x => x.Edition).IsUnique().RefusedAs("この版の内部統制方針はすでにあります（他の職員が先に保存しました）。画面を開き直して確かめてください。");
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.PromotionUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.EvaluationUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ControlYearConfiguration : IEntityTypeConfiguration<ControlYear>
{
    public void Configure(EntityTypeBuilder<ControlYear> builder)
    {
        builder.Property(x => x.AuditOpinion).HasMaxLength(4000);
        foreach (var level in new[] { nameof(ControlYear.Likelihood1), nameof(ControlYear.Likelihood2), nameof(ControlYear.Likelihood3), nameof(ControlYear.Impact1), nameof(ControlYear.Impact2), nameof(ControlYear.Impact3) })
            builder.Property(level).HasMaxLength(200);
        builder.HasIndex(x => x.FiscalYear).IsUnique().RefusedAs("この年度の内部統制の評価はすでにあります。画面を開き直して確かめてください。");
    }
}

public sealed class ControlRiskConfiguration : IEntityTypeConfiguration<ControlRisk>
{
    public void Configure(EntityTypeBuilder<ControlRisk> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(30).IsRequired();
        builder.Property(x => x.Process).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Cause).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.ExistingControl).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Measures).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Owner).HasMaxLength(100).IsRequired();
        builder.Property(x => x.DesignEvidence).HasMaxLength(2000);
        builder.Property(x => x.OperationEvidence).HasMaxLength(2000);
        builder.Property(x => x.EvaluatedBy).HasMaxLength(100);
        builder.HasIndex(x => x.Code).IsUnique().RefusedAs("このリスクの番号はすでに使われています。別の番号にしてください。");
        builder.HasIndex(x => new { x.FiscalYear, x.OrgUnitId });
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Links).WithOne().HasForeignKey(l => l.ControlRiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Deficiencies).WithOne().HasForeignKey(d => d.ControlRiskId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(x => x.Score);
        builder.Ignore(x => x.Priority);
    }
}

public sealed class ControlRiskLinkConfiguration : IEntityTypeConfiguration<ControlRiskLink>
{
    public void Configure(EntityTypeBuilder<ControlRiskLink> builder)
    {
        builder.ToTable("ControlRiskLinks", t => t.HasCheckConstraint("CK_ControlRiskLinks_OneTarget", OneOf.Check("ProjectId", "MeasureId", "OrganizationalGoalId")));
        builder.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.OrganizationalGoal).WithMany().HasForeignKey(x => x.OrganizationalGoalId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ControlDeficiencyConfiguration : IEntityTypeConfiguration<ControlDeficiency>
{
    public void Configure(EntityTypeBuilder<ControlDeficiency> builder)
    {
        builder.Property(x => x.Description).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.CorrectiveAction).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.CorrectionNote).HasMaxLength(2000);
        builder.Property(x => x.CorrectionConfirmedBy).HasMaxLength(100);
        builder.Property(x => x.ReopenNote).HasMaxLength(2200);
    }
}

public sealed class ControlChaseConfiguration : IEntityTypeConfiguration<ControlChase>
{
    public void Configure(EntityTypeBuilder<ControlChase> builder)
    {
        builder.Property(x => x.ByName).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Message).HasMaxLength(500).IsRequired();
        builder.HasIndex(x => new { x.FiscalYear, x.OrgUnitId });
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProcessingErrorConfiguration : IEntityTypeConfiguration<ProcessingError>
{
    public void Configure(EntityTypeBuilder<ProcessingError> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(200).IsRequired();
        foreach (var p in new[] { nameof(ProcessingError.WhatHappened), nameof(ProcessingError.Cause), nameof(ProcessingError.Impact), nameof(ProcessingError.Correction), nameof(ProcessingError.Prevention) })
            builder.Property(p).HasMaxLength(2000).IsRequired();
        builder.HasIndex(x => new { x.FiscalYear, x.OrgUnitId });
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.ControlRisk).WithMany().HasForeignKey(x => x.ControlRiskId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StaffingYearConfiguration : IEntityTypeConfiguration<StaffingYear>
{
    public void Configure(EntityTypeBuilder<StaffingYear> builder)
    {
        builder.Property(x => x.Tolerance).HasPrecision(8, 2);
        builder.Property(x => x.AllocationNote).HasMaxLength(4000);
        builder.HasIndex(x => x.FiscalYear).IsUnique().RefusedAs("この年度の定員管理はすでにあります。画面を開き直して確かめてください。");
        builder.HasMany(x => x.UnitCosts).WithOne().HasForeignKey(c => c.StaffingYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StaffingUnitCostConfiguration : IEntityTypeConfiguration<StaffingUnitCost>
{
    public void Configure(EntityTypeBuilder<StaffingUnitCost> builder) => builder.ToTable("StaffingUnitCosts");
}

public sealed class StaffingLineConfiguration : IEntityTypeConfiguration<StaffingLine>
{
    public void Configure(EntityTypeBuilder<StaffingLine> builder)
    {
        foreach (var p in new[] { nameof(StaffingLine.Allocated), nameof(StaffingLine.ActualApril1), nameof(StaffingLine.Requested), nameof(StaffingLine.Assessed) })
            builder.Property(p).HasPrecision(8, 2);
        builder.Property(x => x.RequestReason).HasMaxLength(1000);
        builder.Property(x => x.AssessmentReason).HasMaxLength(1000);
        builder.HasIndex(x => new { x.FiscalYear, x.OrgUnitId, x.JobType, x.Employment }).IsUnique().RefusedAs("この所属・職種・任用形態の行はこの年度にすでにあります。一つの組み合わせに行は一つです。");
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StaffingTableEditionConfiguration : IEntityTypeConfiguration<StaffingTableEdition>
{
    public void Configure(EntityTypeBuilder<StaffingTableEdition> builder)
    {
        builder.Property(x => x.Correction).HasMaxLength(1000);
        builder.HasIndex(x => new { x.FiscalYear, x.Edition }).IsUnique().RefusedAs("この版の定員表はすでに確定されています（同じ画面から二度送られたか、他の職員が先に確定しました）。画面を開き直して確かめてください。");
    }
}
