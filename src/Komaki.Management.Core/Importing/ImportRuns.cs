using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Importing;

/// Running a sheet's import for the preview or for real, and the log of confirmed imports.
public sealed class ImportRuns(AppDbContext db, ExcelLimits limits, ImportSettings settings, IServiceProvider services) : IUseCase
{
    /// Reads the file against the database; with Apply the import writes everything in one transaction and the
    /// confirmed import is logged with who sent it (unitId: the department's unit; null for planning).
    public async Task<ImportReport> RunAsync(SheetKind kind, ImportRequest request, string userName, int? unitId, DateTime now)
    {
        var report = await kind.Import!(new ImportContext(db, limits, settings) { Rules = new RecordRules(services) }).RunAsync(request with { UserName = userName });
        if (!request.Apply || !report.Applied) return report;
        db.ImportLogs.Add(new ImportLog
        {
            Kind = kind.Name, Scope = request.Scope, FileName = request.FileName, UserName = userName, UnitId = unitId,
            At = now, Created = report.Created.Count, Updated = report.Updated.Count, Unchanged = report.Unchanged,
        });
        await db.SaveChangesAsync();
        return report;
    }

    /// The latest confirmed imports of a sheet (of one person when userName is given) with the sender's name.
    public async Task<List<(ImportLog Log, string Person)>> RecentAsync(SheetKind kind, string? userName)
    {
        var log = await db.ImportLogs.AsNoTracking().Where(l => l.Kind == kind.Name && (userName == null || l.UserName == userName))
            .OrderByDescending(l => l.At).Take(30).ToListAsync();
        var userNames = log.Select(l => l.UserName).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userNames.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName);
        return log.Select(l => (l, people.GetValueOrDefault(l.UserName, l.UserName))).ToList();
    }

    /// Where a sheet can be imported into: what the sheet declares (the mayoral terms for the manifesto), else fiscal
    /// years up to three ahead.
    public async Task<List<(int Value, string Text)>> ScopesAsync(SheetKind kind, int currentFiscalYear, CancellationToken ct = default) => kind.Scopes is { } scopes
        ? await scopes(db, ct)
        : Enumerable.Range(2019, currentFiscalYear + 3 - 2019).Reverse().Select(y => (y, Wareki.FiscalYearWithWestern(y))).ToList();
}
