using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Reports;

/// The results report as submitted to the council: every staff member reads the report.
public sealed class ResultsSubmissionHistory(AppDbContext db) : HistoryKind<ResultsSubmission>
{
    public override Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) => HistoryOpening.ByIdAsync(recordId,
        id => db.ResultsSubmissions.Where(s => s.Id == id).Select(s => new { s.FiscalYear, s.Edition }).FirstOrDefaultAsync(),
        s => HistoryOpening.Read($"{Wareki.FiscalYear(s.FiscalYear)} 成果報告書 第{s.Edition}版", new("Reports", "Results", new { year = s.FiscalYear })));
}
