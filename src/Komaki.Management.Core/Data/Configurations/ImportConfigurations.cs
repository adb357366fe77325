using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Data.Configurations;

public sealed class LabelMappingConfiguration : IEntityTypeConfiguration<LabelMapping>
{
    /// Labels seen in the sheets of several cities' evaluation and planning systems; planning edits them.
    /// The current names of the values (拡大, 維持 …) need no entry: they are always read as themselves.
    private static readonly (LabelKind Kind, string Label, int Value)[] Defaults =
    [
        (LabelKind.Direction, "拡充", (int)Direction.Expand),
        (LabelKind.Direction, "現状維持", (int)Direction.Continue),
        (LabelKind.Direction, "継続", (int)Direction.Continue),
        (LabelKind.Direction, "現行どおり", (int)Direction.Continue),
        (LabelKind.Direction, "改革改善", (int)Direction.Improve),
        (LabelKind.Direction, "改革改善（縮小・統合含む）", (int)Direction.Improve),
        (LabelKind.Direction, "休止", (int)Direction.SuspendOrAbolish),
        (LabelKind.Direction, "休止・廃止", (int)Direction.SuspendOrAbolish),
        (LabelKind.Direction, "休廃止", (int)Direction.SuspendOrAbolish),
        (LabelKind.Direction, "終了・廃止・休止", (int)Direction.SuspendOrAbolish),
        (LabelKind.Direction, "終了", (int)Direction.Complete),
        (LabelKind.ProgressStatus, "中止", (int)ProgressStatus.Suspended),
        (LabelKind.ProgressStatus, "休止", (int)ProgressStatus.Suspended),
        (LabelKind.Rating, "A（高い）", (int)Rating.A),
        (LabelKind.Rating, "B（普通）", (int)Rating.B),
        (LabelKind.Rating, "C（低い）", (int)Rating.C),
        (LabelKind.Rating, "結びついている", (int)Rating.A),
        (LabelKind.Rating, "妥当である", (int)Rating.A),
        (LabelKind.Rating, "適切である", (int)Rating.A),
        (LabelKind.Rating, "向上余地がない", (int)Rating.A),
        (LabelKind.Rating, "向上余地がある", (int)Rating.B),
        (LabelKind.Rating, "削減余地がない", (int)Rating.A),
        (LabelKind.Rating, "削減余地がある", (int)Rating.B),
        (LabelKind.Rating, "公平・公正である", (int)Rating.A),
        (LabelKind.Rating, "見直し余地がある", (int)Rating.B),
    ];

    public void Configure(EntityTypeBuilder<LabelMapping> builder)
    {
        builder.Property(x => x.Label).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Key).HasMaxLength(200).IsRequired();
        builder.HasIndex(x => new { x.Kind, x.Key }).IsUnique().RefusedAs("この表記の読み替えはすでにあります。一つの表記に読み替えは一つです。");
        builder.HasData(Defaults.Select((d, i) => new LabelMapping { Id = i + 1, Kind = d.Kind, Label = d.Label, Key = LabelMapping.KeyOf(d.Label), Value = d.Value }));
    }
}

public sealed class UnitNameMappingConfiguration : IEntityTypeConfiguration<UnitNameMapping>
{
    public void Configure(EntityTypeBuilder<UnitNameMapping> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Key).HasMaxLength(200).IsRequired();
        builder.HasIndex(x => x.Key).IsUnique().RefusedAs("この所属名の読み替えはすでにあります。一つの所属名に読み替えは一つです。");
        builder.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DirectionChoiceConfiguration : IEntityTypeConfiguration<DirectionChoice>
{
    public void Configure(EntityTypeBuilder<DirectionChoice> builder)
    {
        builder.HasKey(x => x.Code);
        builder.Property(x => x.Code).ValueGeneratedNever();
        builder.Property(x => x.Label).HasMaxLength(40).IsRequired();
        builder.HasData(DirectionChoice.Defaults);
    }
}

public sealed class ImportLogConfiguration : IEntityTypeConfiguration<ImportLog>
{
    public void Configure(EntityTypeBuilder<ImportLog> builder)
    {
        builder.Property(x => x.Kind).HasMaxLength(40).IsRequired();
        builder.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        builder.Property(x => x.UserName).IsRequired();
        builder.HasIndex(x => new { x.Kind, x.At });
        builder.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StagedImportConfiguration : IEntityTypeConfiguration<StagedImport>
{
    public void Configure(EntityTypeBuilder<StagedImport> builder)
    {
        builder.Property(x => x.Id).HasMaxLength(StagedImport.TokenLength).ValueGeneratedNever();
        builder.Property(x => x.UserName).IsRequired();
        builder.Property(x => x.Kind).HasMaxLength(40).IsRequired();
        builder.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        builder.Property(x => x.Content).IsRequired();
        builder.Property(x => x.Choices).IsRequired();
        builder.HasIndex(x => x.ExpiresAt);
    }
}
