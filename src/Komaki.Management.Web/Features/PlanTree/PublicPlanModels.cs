using Komaki.Management.Core.Common;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Features.Public;

namespace Komaki.Management.Web.Features.PlanTree;

public sealed record PublicHomeModel(BasicPlan? Plan, string? PlanName, int? Year, IReadOnlyList<PolicyRollUp> Policies, IReadOnlyList<JudgmentBand> Bands);

public sealed record PublicMeasureModel(
    Measure Measure, string? Unit, int? Year, RolledUp? Result, IReadOnlyList<JudgmentBand> Bands, IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<(int Id, string Code, string Name, int? EvaluationId, int? EvaluationYear, string? Direction)> Projects,
    IReadOnlyList<CitizenInputRecord> Voices)
{
    /// 施策評価 of the years planning has published, newest first.
    public IReadOnlyList<(int Year, string Assessment, string? Direction, PublicCorrection? Correction)> Assessments { get; init; } = [];
}
