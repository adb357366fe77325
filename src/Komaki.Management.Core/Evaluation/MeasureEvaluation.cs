using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// 施策評価: per measure per year, the owning division's assessment and direction, made in view of the measure's
/// indicators, the roll-up of its projects' evaluations and what citizens said in the survey.
[DataArea(DataArea.Check)]
public sealed class MeasureEvaluation : IVersioned, IAudited
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
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(MeasureEvaluation), Id);
}
