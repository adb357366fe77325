using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.BudgetFormulation;

/// A 課's request, its entries per stage and its 復活要求, read as the request is (BudgetAccess.CanRead): the 課
/// concerned, its 部長 and 部, the 財政課, the executives and planning.
public sealed class BudgetRequestHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(BudgetRequest), nameof(BudgetStageEntry), nameof(BudgetRestoration)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(BudgetRequest), typeof(BudgetRequestSetsu), typeof(BudgetStageEntry), typeof(BudgetRestoration)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Refused;
        var (requestId, what) = recordType switch
        {
            nameof(BudgetStageEntry) => await db.BudgetStageEntries.Where(e => e.Id == id).Select(e => new { e.BudgetRequestId, e.Stage }).FirstOrDefaultAsync() is { } e
                ? ((int?)e.BudgetRequestId, $"（{e.Stage.Label()}）") : (null, ""),
            nameof(BudgetRestoration) => (await db.BudgetRestorations.Where(r => r.Id == id).Select(r => (int?)r.BudgetRequestId).FirstOrDefaultAsync(), "の復活要求"),
            _ => ((int?)id, ""),
        };
        var request = requestId is int r
            ? await db.BudgetRequests.Where(x => x.Id == r).Select(x => new { x.Id, x.FiscalYear, x.OrgUnitId, x.Project!.Code, x.Project.Name }).FirstOrDefaultAsync()
            : null;
        // A record no longer there says nothing of its 課; only those who read every request read what is left of it.
        if (request is null) return BudgetAccess.ReadsAll(reader.Actor()) ? HistoryOpening.Read(recordId) : HistoryOpening.Refused;
        if (!BudgetAccess.CanRead(reader.Actor(), request.OrgUnitId, reader.Org)) return HistoryOpening.Refused;
        return HistoryOpening.Read($"{request.Code} {request.Name} {Wareki.FiscalYear(request.FiscalYear)}予算要求{what}",
            new("BudgetRequests", "Line", new { year = request.FiscalYear, id = request.Id }));
    }
}

/// The year's round (方針・日程) — every staff member reads it — and a stage committed for a 部, read by those who read
/// that 部's totals.
public sealed class BudgetRoundHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(BudgetRound), nameof(BudgetStageCommit)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(BudgetRound), typeof(BudgetRoundStage), typeof(BudgetFrame), typeof(BudgetStageCommit)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Read(recordId);
        if (recordType == nameof(BudgetRound))
            return await db.BudgetRounds.Where(r => r.Id == id).Select(r => (int?)r.FiscalYear).FirstOrDefaultAsync() is int year
                ? HistoryOpening.Read($"{Wareki.FiscalYear(year)}予算編成の方針と日程", new("BudgetFormulation", "Index", new { year }))
                : HistoryOpening.Read(recordId);
        var commit = await db.BudgetStageCommits.Where(c => c.Id == id).Select(c => new { c.FiscalYear, c.Stage, c.DepartmentId }).FirstOrDefaultAsync();
        if (commit is null) return BudgetAccess.ReadsAll(reader.Actor()) ? HistoryOpening.Read(recordId) : HistoryOpening.Refused;
        return BudgetAccess.CanReadDepartment(reader.Actor(), commit.DepartmentId, reader.Org)
            ? HistoryOpening.Read($"{reader.Org.PathName(commit.DepartmentId)} {Wareki.FiscalYear(commit.FiscalYear)}予算 {commit.Stage.Label()}の確定",
                new("BudgetFormulation", "Department", new { year = commit.FiscalYear, departmentId = commit.DepartmentId }))
            : HistoryOpening.Refused;
    }
}

/// A published edition of 評価の効き目: what it holds is public, so every staff member reads who published it and when.
public sealed class EffectPublicationHistory(AppDbContext db) : HistoryKind<EffectPublication>
{
    public override Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) => HistoryOpening.ByIdAsync(recordId,
        id => db.EffectPublications.Where(p => p.Id == id).Select(p => new { p.FiscalYear, p.Edition }).FirstOrDefaultAsync(),
        p => HistoryOpening.Read($"{Wareki.FiscalYear(p.FiscalYear)}の評価の効き目の公表（第{p.Edition}版）", new("PublicEffect", "Index", new { year = p.FiscalYear, edition = p.Edition })));
}
