using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Publishing;

/// What planning can publish for a fiscal year as a whole. Evaluations are published one by one (their own
/// state), citizen inputs one by one (CitizenInput.IsPublished), forum results when the session is closed.
public enum PublicationKind
{
    [Display(Name = "指標の実績値")]
    IndicatorActuals = 1,
    [Display(Name = "マニフェストの進捗")]
    ManifestoProgress = 2,
    [Display(Name = "施策評価")]
    MeasureEvaluations = 3,
}

public static class PublicationKinds
{
    public static readonly IReadOnlyList<PublicationKind> All = Enum.GetValues<PublicationKind>();
}

/// Planning's decision that one kind of result for one fiscal year is public. Withdrawing deletes the row (audited).
[DataArea(DataArea.Publishing)]
public sealed class Publication : IAudited
{
    public int Id { get; set; }
    [Display(Name = "種類")]
    public PublicationKind Kind { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "公表日時")]
    public DateTime PublishedAt { get; set; }
    [Display(Name = "公表者")]
    public string PublishedBy { get; set; } = "";
    /// Why planning published with entries still missing (what was missing is named in it).
    [Display(Name = "備考")]
    public string? Note { get; set; }

    public AuditTarget AuditTarget => new(nameof(Publication), Id, $"{Wareki.FiscalYear(FiscalYear)} {Kind.Label()}");
}
