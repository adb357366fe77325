using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Reports;

/// The results report as submitted to the council: every staff member reads the report.
public sealed class ResultsSubmissionHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(ResultsSubmission)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(ResultsSubmission)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.IdOf(recordId) is int id && await db.ResultsSubmissions.Where(s => s.Id == id).Select(s => new { s.FiscalYear, s.Edition }).FirstOrDefaultAsync() is { } s
            ? HistoryOpening.Read($"{Wareki.FiscalYear(s.FiscalYear)} 成果報告書 第{s.Edition}版", new("Reports", "Results", new { year = s.FiscalYear }))
            : HistoryOpening.Read(recordId);
}
