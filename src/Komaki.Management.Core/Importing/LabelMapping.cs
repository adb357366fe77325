using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Importing;

/// The kinds of label a sheet may carry whose meaning is the city's own.
public enum LabelKind
{
    [Display(Name = "今後の方向性")]
    Direction = 1,
    [Display(Name = "実施計画の区分")]
    ImplementationStatus = 2,
    [Display(Name = "進捗区分")]
    ProgressStatus = 3,
    [Display(Name = "評価")]
    Rating = 4,
    [Display(Name = "職層")]
    JobLevel = 5,
    [Display(Name = "任用形態")]
    Employment = 6,
}

/// One entry of the label table planning edits: what a label written in a sheet means
/// (「２　改革改善（縮小・統合含む）」 is 改善). Labels are compared by Key; Label keeps the text as first seen.
[DataArea(DataArea.Settings)]
public sealed class LabelMapping : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "種類")]
    public LabelKind Kind { get; set; }
    [Display(Name = "表記")]
    public string Label { get; set; } = "";
    [Display(Name = "照合に使う表記")]
    public string Key { get; set; } = "";
    /// The value the label means, as the number of the kind's enum (Direction, ImplementationStatus …).
    [Display(Name = "意味")]
    public int Value { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(LabelMapping), Id);

    /// A label as compared: NFKC without spaces, and without a leading list number (１　現状維持 is 現状維持).
    /// Nothing else is cut away: 「改革改善（縮小・統合含む）」 is its own label, not 改善 and not 統合.
    public static string KeyOf(string? label) => TextNormal.ForMatch(TextNormal.WithoutListNumber(label));
}
