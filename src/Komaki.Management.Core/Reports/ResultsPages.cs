using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Reports;

/// What the results report pages read: the report of a settled year as the data reads now, whole or in its two
/// parts (kept apart in the cache so that a saved indicator value rebuilds only the indicators).
public sealed class ResultsPages(AppDbContext db) : IUseCase
{
    public Task<ResultsFrame> FrameAsync(int year, Func<int, string> unitName) => ResultsFrame.LoadAsync(db, year, unitName);

    public Task<ResultsIndicators> IndicatorsAsync(int year) => ResultsIndicators.LoadAsync(db, year);

    public Task<ResultsReport> ReportAsync(int year, Func<int, string> unitName) => ResultsReport.BuildAsync(db, year, unitName);
}
