using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Staffing;

/// 定員管理: the year's settings, the staffing lines and the confirmed editions of the 部門別職員数, which every staff
/// member reads on the staffing pages.
public sealed class StaffingHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(StaffingYear), nameof(StaffingLine), nameof(StaffingTableEdition)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(StaffingYear), typeof(StaffingLine), typeof(StaffingUnitCost), typeof(StaffingTableEdition)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Read(recordId);
        if (recordType == nameof(StaffingTableEdition))
        {
            var edition = await db.StaffingTableEditions.Where(e => e.Id == id).Select(e => new { e.FiscalYear, e.Edition }).FirstOrDefaultAsync();
            return edition is null ? HistoryOpening.Read(recordId)
                : HistoryOpening.Read($"{Wareki.FiscalYear(edition.FiscalYear)} 部門別職員数 第{edition.Edition}版", new("Staffing", "Table", new { year = edition.FiscalYear }));
        }
        var found = recordType == nameof(StaffingYear)
            ? await db.StaffingYears.Where(y => y.Id == id).Select(y => new { y.FiscalYear, UnitId = (int?)null }).FirstOrDefaultAsync()
            : await db.StaffingLines.Where(l => l.Id == id).Select(l => new { l.FiscalYear, UnitId = (int?)l.OrgUnitId }).FirstOrDefaultAsync();
        if (found is null) return HistoryOpening.Read(recordId);
        return found.UnitId is int unit
            ? HistoryOpening.Read($"{reader.Org.PathName(unit)} {Wareki.FiscalYear(found.FiscalYear)} 定員", new("Staffing", "Index", new { year = found.FiscalYear, unitId = unit }))
            : HistoryOpening.Read($"{Wareki.FiscalYear(found.FiscalYear)} 定員管理の設定", new("Staffing", "Year", new { year = found.FiscalYear }));
    }
}
