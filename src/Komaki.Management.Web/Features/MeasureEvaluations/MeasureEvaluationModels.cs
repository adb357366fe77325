namespace Komaki.Management.Web.Features.MeasureEvaluations;

/// What a measure's evaluation rests on: its indicators, the roll-up of its projects' evaluations, the survey.
public sealed record MeasureSummary(
    Measure Measure, string Owner, IReadOnlyList<(string Name, string Unit, decimal? Target, decimal? Actual, IndicatorJudgment Judgment)> Indicators,
    int Projects, int Evaluated, long FullCost, IReadOnlyDictionary<Direction, int> Directions, SurveyResult? Survey, MeasureEvaluation? Evaluation);

public sealed record MeasureEvaluationListModel(int Year, string Audience, IReadOnlyList<MeasureSummary> Rows);

public sealed record MeasureEvaluationModel(int Year, MeasureSummary Summary, bool CanEdit, string? Assessment, Direction? Direction, int Version);
