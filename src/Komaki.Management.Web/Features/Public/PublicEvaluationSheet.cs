using Komaki.Management.Core.Evaluation;

namespace Komaki.Management.Web.Features.Public;

/// The public 事務事業評価シート: Sheet as published (Kept) or, for an evaluation published before sheets were kept,
/// as it reads now; actuals of years not yet published are left out.
public sealed record PublicEvaluationSheet(PublishedSheet Sheet, bool Kept, IReadOnlySet<int> PublishedYears, IReadOnlyList<Evaluations.SheetCorrection> Corrections)
{
    public CostChange? Trend(int year) => CostTrend.Change(Sheet.Costs, year);
}
