using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Web.Features.Public;

public sealed record PublicHomeModel(BasicPlan? Plan, string? PlanName, int? Year, IReadOnlyList<PolicyRollUp> Policies, IReadOnlyList<JudgmentBand> Bands);

public sealed record PublicMeasureModel(
    Measure Measure, string? Unit, int? Year, RolledUp? Result, IReadOnlyList<JudgmentBand> Bands, IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<(int Id, string Code, string Name, int? EvaluationId, int? EvaluationYear, string? Direction)> Projects,
    IReadOnlyList<CitizenInputRecord> Voices)
{
    /// 施策評価 of the years planning has published, newest first.
    public IReadOnlyList<(int Year, string Assessment, string? Direction, PublicCorrection? Correction)> Assessments { get; init; } = [];
}

public sealed record PublicEvaluationsModel(int? Year, string? Q, IReadOnlyList<int> Years, Paged<EvaluationRecord> Rows);

/// The public 事務事業評価シート: Sheet as published (Kept) or, for an evaluation published before sheets were kept,
/// as it reads now; actuals of years not yet published are left out.
public sealed record PublicEvaluationSheet(PublishedSheet Sheet, bool Kept, IReadOnlySet<int> PublishedYears, IReadOnlyList<Evaluations.SheetCorrection> Corrections)
{
    public CostChange? Trend(int year) => CostTrend.Change(Sheet.Costs, year);
}

public sealed record PublicEvaluationModel(ProjectEvaluation Evaluation, string? Unit, PublicEvaluationSheet Sheet);
