using Komaki.Management.Core.Data;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Evaluation;

/// 評価 as sheets write it: A, B or C.
public sealed class RatingMeanings : ILabelMeanings
{
    public LabelKind Kind => LabelKind.Rating;

    public Task<IReadOnlyList<(int Value, string Text)>> OptionsAsync(AppDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(int Value, string Text)>>(EvaluationLabels.Ratings.Select(r => ((int)r, r.ToString())).ToList());
}
