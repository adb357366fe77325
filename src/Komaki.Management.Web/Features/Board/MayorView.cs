using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Board;

public sealed record OpenImprovement(int Id, string ProjectCode, string ProjectName, string Unit, int FiscalYear, Direction Direction, int AgeDays);

/// A policy's achievement in the year with last year's beside it.
public sealed record PolicyYearOnYear(int Id, string Code, string Name, RolledUp This, RolledUp Last, IReadOnlyList<MeasureRollUp> Measures);

/// A manifesto area's items counted by their latest reported status (null: nothing reported yet).
public sealed record AreaProgress(string Area, IReadOnlyList<ManifestoStatus?> Statuses)
{
    public int Total => Statuses.Count;

    public int Count(ManifestoStatus? status) => Statuses.Count(s => s == status);
}

/// A department's budget execution in the year: settled (決算額) over the current budget (予算現額 = 当初 + 補正).
public sealed record DepartmentExecution(int UnitId, string Department, long Budget, long Settled, int Projects)
{
    public decimal? RatePercent => Budget > 0 ? Math.Round(Settled * 100m / Budget, 1) : null;
}

/// A 主要事業 whose latest progress report says 遅れ, with the reason written in it.
public sealed record DelayedProject(int ProjectId, string Code, string Name, string Unit, int FiscalYear, string Stage, string? Reason);

/// A measure 前年より悪くなった (MeasureStandings.WorseThanLastYear), with the indicators whose actuals moved the wrong way.
public sealed record WorsenedMeasure(int Id, string Code, string Name, RolledUp This, RolledUp Last, IReadOnlyList<string> Indicators)
{
    public decimal? Change => MeasureStandings.Change(This, Last);
}

/// 市長ビュー: in one screen, the policies' achievement against last year, the manifesto by area, budget execution
/// by department, the 主要事業 reported late, what worsened since last year, and improvements still open.
/// Year: the year of achievement and settled accounts (the last closed year by default); ExecutingYear: the year
/// whose 主要事業 are in progress now.
public sealed record MayorModel(
    int Year, int ExecutingYear, ManifestoStanding? Manifesto, IReadOnlyList<AreaProgress> ManifestoAreas, IReadOnlyList<PolicyYearOnYear> Policies,
    IReadOnlyList<JudgmentBand> Bands, IReadOnlyList<DepartmentExecution> Execution, IReadOnlyList<DelayedProject> Delayed, IReadOnlyList<WorsenedMeasure> Worsened,
    IReadOnlyList<(string Department, int Count)> OpenByDepartment, IReadOnlyList<OpenImprovement> Oldest, int OpenTotal)
{
    /// The order the manifesto bar is stacked in: done first, then moving, then not moving, then silent.
    public static readonly IReadOnlyList<ManifestoStatus?> StatusOrder =
        [ManifestoStatus.Achieved, ManifestoStatus.PartlyAchieved, ManifestoStatus.Advancing, ManifestoStatus.Started, ManifestoStatus.NotStarted, ManifestoStatus.Revised, null];

    public static string StatusFill(ManifestoStatus? status) => status switch
    {
        ManifestoStatus.Achieved => "#1a7f37",
        ManifestoStatus.PartlyAchieved => "#58a55c",
        ManifestoStatus.Advancing => "#0d6efd",
        ManifestoStatus.Started => "#7fb0f9",
        ManifestoStatus.NotStarted => "#adb5bd",
        ManifestoStatus.Revised => "#d9822b",
        _ => "#dee2e6",
    };

    public static string StatusLabel(ManifestoStatus? status) => status?.Label() ?? "報告なし";
}

/// An open improvement as the mayor's view keeps it for everyone; who may see it by name is decided per reader.
public sealed record OpenImprovementEntry(int Id, string Code, string Name, int OwnerUnitId, int FiscalYear, Direction Direction, DateTime OpenedAt, EvaluationState? Source);

/// 市長ビュー as a use case of the board (MayorView reads it).
public sealed class MayorPages(AppDbContext db, ReadCache cache) : IUseCase
{
    public Task<MayorModel> LoadAsync(OrgTree org, IReadOnlyList<JudgmentBand> bands, Actor actor, int year, int executingYear, DateTime utcNow) =>
        MayorView.LoadAsync(db, org, cache, bands, actor, year, executingYear, utcNow);
}

public static class MayorView
{
    /// The whole view except what depends on the reader, kept for every reader until any of it changes (it reads a
    /// bit of every area).
    private sealed record Shared(MayorModel Model, IReadOnlyList<OpenImprovementEntry> Open);

    public static async Task<MayorModel> LoadAsync(AppDbContext db, OrgTree org, ReadCache cache, IReadOnlyList<JudgmentBand> bands, Actor actor, int year, int executingYear, DateTime utcNow)
    {
        var shared = await cache.GetAsync($"mayor:{year}:{executingYear}", DataArea.All, () => LoadSharedAsync(db, org, cache, bands, year, executingYear));
        var open = shared.Open;
        var oldest = open.Where(a => a.Source is null || EvaluationAccess.CanRead(actor, a.Source.Value, a.OwnerUnitId, org)).OrderBy(a => a.OpenedAt).Take(10)
            .Select(a => new OpenImprovement(a.Id, a.Code, a.Name, org.PathName(a.OwnerUnitId), a.FiscalYear, a.Direction, (int)(utcNow - a.OpenedAt).TotalDays)).ToList();
        return shared.Model with { Oldest = oldest };
    }

    private static async Task<Shared> LoadSharedAsync(AppDbContext db, OrgTree org, ReadCache cache, IReadOnlyList<JudgmentBand> bands, int year, int executingYear)
    {
        var plan = await PlanRollUp.CurrentBasicPlanAsync(db, year);
        Task<IReadOnlyList<PolicyRollUp>> RollUpOf(int y) => plan is null ? Task.FromResult<IReadOnlyList<PolicyRollUp>>([]) : cache.GetAsync($"rollup:{plan.Id}:{y}", PlanRollUp.Areas, () => PlanRollUp.LoadAsync(db, plan.Id, y));
        var now = await RollUpOf(year);
        var before = await RollUpOf(year - 1);
        var lastPolicies = before.ToDictionary(p => p.Id);
        var lastMeasures = before.SelectMany(p => p.Measures).ToDictionary(m => m.Id);
        var policies = now.Select(p => new PolicyYearOnYear(p.Id, p.Code, p.Name, p.Result, lastPolicies.GetValueOrDefault(p.Id)?.Result ?? RolledUp.None, p.Measures)).ToList();

        var manifesto = await ManifestoStanding.LoadAsync(db);
        var areas = manifesto is null ? [] : manifesto.Items.GroupBy(i => string.IsNullOrWhiteSpace(i.Area) ? "（分野なし）" : i.Area)
            .Select(g => new AreaProgress(g.Key, g.Select(i => i.Status).ToList())).ToList();

        var open = await db.ImprovementActions.AsNoTracking().Where(a => a.State == ImprovementState.Open || a.State == ImprovementState.Proposed)
            .Select(a => new OpenImprovementEntry(a.Id, a.Project!.Code, a.Project.Name, a.OwnerUnitId, a.FiscalYear, a.Direction, a.OpenedAt, (EvaluationState?)a.ProjectEvaluation!.State))
            .ToListAsync();
        // Counts by department are everyone's; the list names only improvements whose evaluation the reader may read.
        var byDepartment = open.GroupBy(a => org.DepartmentOf(a.OwnerUnitId)?.Name ?? "（所属なし）")
            .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ToList();
        var model = new MayorModel(year, executingYear, manifesto, areas, policies, bands,
            await ExecutionAsync(db, org, year), await DelayedAsync(db, org, executingYear), await WorsenedAsync(db, now, lastMeasures, year),
            byDepartment, [], open.Count);
        return new Shared(model, open);
    }

    private static async Task<IReadOnlyList<DepartmentExecution>> ExecutionAsync(AppDbContext db, OrgTree org, int year)
    {
        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == year)
            .Select(b => new { b.Project!.OwnerUnitId, b.Initial, b.Supplementary, b.Settled }).ToListAsync();
        return lines.GroupBy(l => org.DepartmentOf(l.OwnerUnitId))
            .Where(g => g.Key is not null)
            .Select(g => new DepartmentExecution(g.Key!.Id, g.Key.Name, g.Sum(l => (l.Initial ?? 0) + (l.Supplementary ?? 0)), g.Sum(l => l.Settled ?? 0), g.Count()))
            .Where(d => d.Budget > 0).OrderBy(d => d.RatePercent).ToList();
    }

    private static async Task<IReadOnlyList<DelayedProject>> DelayedAsync(AppDbContext db, OrgTree org, int year)
    {
        var plans = await db.ExecutionPlans.AsNoTracking().Where(e => e.FiscalYear == year
                && (e.YearEndStatus == ProgressStatus.Delayed || (e.YearEndStatus == null && e.MidYearStatus == ProgressStatus.Delayed)))
            .Select(e => new { e.ProjectId, e.Project!.Code, e.Project.Name, e.OwnerUnitId, e.YearEndStatus, e.YearEndProgress, e.MidYearProgress }).ToListAsync();
        return plans.OrderBy(p => p.Code, CodeOrder.Instance).Select(p => p.YearEndStatus is null
            ? new DelayedProject(p.ProjectId, p.Code, p.Name, org.PathName(p.OwnerUnitId), year, "中間", p.MidYearProgress)
            : new DelayedProject(p.ProjectId, p.Code, p.Name, org.PathName(p.OwnerUnitId), year, "年度末", p.YearEndProgress)).ToList();
    }

    /// A measure is listed when it is 前年より悪くなった — its achievement fell (MeasureStandings) — with the indicators
    /// whose actuals moved against their direction; the largest falls first. An indicator's fall alone does not list
    /// a measure whose achievement rose or stayed.
    private static async Task<IReadOnlyList<WorsenedMeasure>> WorsenedAsync(AppDbContext db, IReadOnlyList<PolicyRollUp> now, IReadOnlyDictionary<int, MeasureRollUp> last, int year)
    {
        var ids = now.SelectMany(p => p.Measures).Select(m => m.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.MeasureId != null && i.RetiredAt == null && ids.Contains(i.MeasureId.Value))
            .Select(i => new
            {
                MeasureId = i.MeasureId!.Value, i.Name, i.Unit, i.Direction, i.SortOrder,
                This = i.Values.Where(v => v.FiscalYear == year).Select(v => v.Actual).FirstOrDefault(),
                Last = i.Values.Where(v => v.FiscalYear == year - 1).Select(v => v.Actual).FirstOrDefault(),
            }).ToListAsync();
        var worse = indicators.Where(i => i.This is decimal t && i.Last is decimal l && (i.Direction == IndicatorDirection.LowerIsBetter ? t > l : t < l))
            .OrderBy(i => i.SortOrder).ToLookup(i => i.MeasureId, i => $"{i.Name} {Display.Number(i.Last)}→{Display.Number(i.This)}{i.Unit}");
        return now.SelectMany(p => p.Measures).Select(m => new WorsenedMeasure(m.Id, m.Code, m.Name, m.Result, last.GetValueOrDefault(m.Id)?.Result ?? RolledUp.None, worse[m.Id].ToList()))
            .Where(w => MeasureStandings.WorseThanLastYear(w.This, w.Last))
            .OrderBy(w => w.Change ?? 0).ThenBy(w => w.Code, CodeOrder.Instance).ToList();
    }
}
