namespace Komaki.Management.Core.Evaluation;

/// 施策評価: per measure per year, the owning division's assessment and direction, made in view of the measure's
/// indicators, the roll-up of its projects' evaluations and what citizens said in the survey.
public sealed class MeasureEvaluation : IVersioned, IAudited
{
    public int Id { get; set; }
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public int FiscalYear { get; set; }
    public string Assessment { get; set; } = "";
    public Direction? Direction { get; set; }
    public string? AssessedBy { get; set; }
    public DateTime? AssessedAt { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(MeasureEvaluation), Id);
}
