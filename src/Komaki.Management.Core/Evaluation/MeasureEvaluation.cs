using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// 施策評価: per measure per year, the owning division's assessment and direction, made in view of the measure's
/// indicators, the roll-up of its projects' evaluations and what citizens said in the survey.
[DataArea(DataArea.Check)]
public sealed class MeasureEvaluation : IVersioned, IAudited, IPublishedByYear
{
    public int Id { get; set; }
    [Display(Name = "施策")]
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "評価")]
    public string Assessment { get; set; } = "";
    [Display(Name = "今後の方向性")]
    public Direction? Direction { get; set; }
    [Display(Name = "評価者")]
    public string? AssessedBy { get; set; }
    [Display(Name = "評価日時")]
    public DateTime? AssessedAt { get; set; }
    /// When a published year's record was corrected and why; the public site shows it as 訂正 beside AsPublished.
    [Display(Name = "訂正日時")]
    public DateTime? CorrectedAt { get; set; }
    [Display(Name = "訂正の理由")]
    public string? CorrectionReason { get; set; }
    [Display(Name = "公表時の評価")]
    public string? AsPublished { get; set; }
    [Display(Name = "公表時の今後の方向性")]
    public Direction? AsPublishedDirection { get; set; }
    public int Version { get; set; }

    public string PublicText() => $"{(int?)Direction}\n{Assessment}";

    public void KeepAsPublished(ICorrectable? published)
    {
        var p = published as MeasureEvaluation;
        (AsPublished, AsPublishedDirection) = (p?.Assessment ?? "", p?.Direction);
    }

    public AuditTarget AuditTarget => new(nameof(MeasureEvaluation), Id);
}
