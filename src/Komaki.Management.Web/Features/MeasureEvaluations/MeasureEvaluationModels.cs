using Komaki.Management.Core;
using Komaki.Management.Core.Evaluation;

namespace Komaki.Management.Web.Features.MeasureEvaluations;

public sealed record MeasureEvaluationListModel(int Year, string Audience, IReadOnlyList<MeasureSummary> Rows);

public sealed record MeasureEvaluationModel(int Year, MeasureSummary Summary, bool CanEdit, string? Assessment, Direction? Direction, int Version, bool Published, string? CorrectionReason);
