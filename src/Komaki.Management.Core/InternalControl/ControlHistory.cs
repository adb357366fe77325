using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.InternalControl;

/// A risk with its links and deficiencies (filed under the risk), read as the risk is (ControlAccess): its division,
/// the 推進部局 and 評価部局 and the executives.
public sealed class ControlRiskHistory(AppDbContext db, ControlPages pages) : HistoryKind<ControlRisk>(typeof(ControlRiskLink), typeof(ControlDeficiency))
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Refused;
        var r = await db.ControlRisks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (r is null) return HistoryOpening.Read(recordId);
        var actor = reader.Actor();
        var reported = actor.IsIn(Roles.Auditor) ? (await pages.YearAsync(r.FiscalYear))?.ReportedOn : null;
        return ControlAccess.CanRead(actor, r, await pages.PolicyAsync(), reader.Org, reported)
            ? HistoryOpening.Read($"リスク {r.Code}", new("Control", "Details", new { id }))
            : HistoryOpening.Refused;
    }
}

/// The policy's editions, the year's cycle and the processing errors: every staff member reads them on the control pages.
public sealed class ControlRecordHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(ControlPolicy), nameof(ControlYear), nameof(ProcessingError)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(ControlPolicy), typeof(ControlYear), typeof(ProcessingError)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Read(recordId);
        return recordType switch
        {
            nameof(ControlPolicy) => await db.ControlPolicies.Where(p => p.Id == id).Select(p => (int?)p.Edition).FirstOrDefaultAsync() is int edition
                ? HistoryOpening.Read($"内部統制の方針 第{edition}版", new("ControlPolicy", "Index")) : HistoryOpening.Read(recordId),
            nameof(ControlYear) => await db.ControlYears.Where(y => y.Id == id).Select(y => (int?)y.FiscalYear).FirstOrDefaultAsync() is int year
                ? HistoryOpening.Read($"{Wareki.FiscalYear(year)} 内部統制", new("Control", "Index", new { year })) : HistoryOpening.Read(recordId),
            _ => await db.ProcessingErrors.Where(e => e.Id == id).Select(e => new { e.FiscalYear, e.Title }).FirstOrDefaultAsync() is { } e
                ? HistoryOpening.Read($"事務処理ミス「{e.Title}」", new("ControlErrors", "Index", new { year = e.FiscalYear })) : HistoryOpening.Read(recordId),
        };
    }
}
