using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Evaluation;

/// 評価 as sheets write it: A, B or C.
public sealed class RatingMeanings() : FixedLabelMeanings<Rating>(LabelKind.Rating, EvaluationLabels.Ratings, r => r.ToString());
