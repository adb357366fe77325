using Komaki.Management.Core.Publishing;
using Komaki.Management.Web.Features.Public;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.OpenData;

// The lists OpenDataController serves, in the open-data index (IOpenDataDataset); a feature's own list declares itself
// beside its actions the same way (評価の効き目: BudgetFormulation/OpenDataEffectController).

public sealed class EvaluationsDataset(PublicData data) : IOpenDataDataset
{
    public string Name => "evaluations";
    public string Title => "事務事業評価（公表済み）";
    public int Order => 10;
    public IReadOnlyList<string> Columns { get; } = OpenDataColumns.Of(OpenDataCsv.Evaluations);
    public string? YearsKey => "evaluationYears";
    public async Task<IReadOnlyList<int>> YearsAsync() => await data.Evaluations.Select(e => e.FiscalYear).Distinct().OrderBy(y => y).ToListAsync();
}

public sealed class ForumDataset : IOpenDataDataset
{
    public string Name => "forum";
    public string Title => "行政評価市民公開フォーラムの結果";
    public int Order => 20;
    public IReadOnlyList<string> Columns { get; } = OpenDataColumns.Of(OpenDataCsv.Forum);
    public string? YearsKey => null;
    public Task<IReadOnlyList<int>> YearsAsync() => Task.FromResult<IReadOnlyList<int>>([]);
}

public sealed class MeasuresDataset : IOpenDataDataset
{
    public string Name => "measures";
    public string Title => "施策と達成度";
    public int Order => 30;
    public IReadOnlyList<string> Columns { get; } = OpenDataColumns.Of(OpenDataCsv.Measures);
    public string? YearsKey => null;
    public Task<IReadOnlyList<int>> YearsAsync() => Task.FromResult<IReadOnlyList<int>>([]);
}

public sealed class IndicatorsDataset(PublicData data) : IOpenDataDataset
{
    public string Name => "indicators";
    public string Title => "指標の目標値と実績値";
    public int Order => 40;
    public IReadOnlyList<string> Columns { get; } = OpenDataColumns.Of(OpenDataCsv.Indicators);
    public string? YearsKey => "indicatorActualYears";
    public Task<IReadOnlyList<int>> YearsAsync() => data.YearsAsync(PublicationKind.IndicatorActuals);
}
