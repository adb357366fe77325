using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Web.Features.Public;

namespace Komaki.Management.Web.Features.Evaluations;

public sealed record PublicEvaluationsModel(int? Year, string? Q, IReadOnlyList<int> Years, Paged<EvaluationRecord> Rows);

public sealed record PublicEvaluationModel(ProjectEvaluation Evaluation, PublicEvaluationSheet Sheet);
