using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// evaluation: only what the list shows (state, directions, costs, owner) — the sheet's texts are not read for it.
public sealed record EvaluationRow(int ProjectId, string Code, string Name, int OwnerUnitId, ProjectEvaluation? Evaluation, bool CanOpen);

/// One project of the year with its evaluation, the same for every reader (kept in the read cache).
public sealed record EvaluationListEntry(int ProjectId, string Code, string Name, int ProjectUnitId, int MeasureId, ProjectEvaluation? Evaluation);

/// The year's projects with their evaluations as one reader may open them, and the counts the list shows.
public sealed record EvaluationYear(
    IReadOnlyList<(EvaluationRow Row, int MeasureId)> All, IReadOnlyDictionary<Direction, int> DirectionCounts,
    IReadOnlyDictionary<EvaluationState, int> StateCounts, int NotStarted)
{
    /// Directions are counted over what the reader may open.
    public static EvaluationYear For(IReadOnlyList<EvaluationListEntry> entries, Actor actor, OrgTree org)
    {
        var all = entries.Select(p =>
        {
            var e = p.Evaluation;
            var canOpen = e is null || EvaluationAccess.CanRead(actor, e, org);
            return (new EvaluationRow(p.ProjectId, p.Code, p.Name, e?.OwnerUnitId ?? p.ProjectUnitId, e, canOpen), p.MeasureId);
        }).ToList();
        var directionCounts = all.Where(x => x.Item1.CanOpen && x.Item1.Evaluation?.FinalDirection is not null && x.Item1.Evaluation.State != EvaluationState.Draft)
            .GroupBy(x => x.Item1.Evaluation!.FinalDirection!.Value).ToDictionary(g => g.Key, g => g.Count());
        var stateCounts = all.Where(x => x.Item1.Evaluation is not null).GroupBy(x => x.Item1.Evaluation!.State).ToDictionary(g => g.Key, g => g.Count());
        return new EvaluationYear(all, directionCounts, stateCounts, all.Count(x => x.Item1.Evaluation is null));
    }
}

/// Reads of the 事務事業評価 list.
public sealed class EvaluationPages(AppDbContext db) : IUseCase
{
    public Task<Project?> ProjectAsync(int id) => db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);

    /// What the year's list reads: the projects and their evaluations.
    public static readonly IReadOnlyList<string> ListAreas = [DataArea.Plan, DataArea.Check];

    /// Every project running in the year or evaluated for it, in code order, with the columns the list shows.
    public async Task<List<EvaluationListEntry>> YearAsync(int year)
    {
        var evaluations = await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == year)
            .Select(e => new ProjectEvaluation
            {
                Id = e.Id, ProjectId = e.ProjectId, FiscalYear = e.FiscalYear, OwnerUnitId = e.OwnerUnitId, State = e.State,
                FirstDirection = e.FirstDirection, SecondDirection = e.SecondDirection, SettledCost = e.SettledCost,
                RecordedStaffCost = e.RecordedStaffCost, StaffPersonYears = e.StaffPersonYears, StaffCostPerPersonYear = e.StaffCostPerPersonYear,
            })
            .ToDictionaryAsync(e => e.ProjectId);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.StartYear <= year && (p.EndYear == null || p.EndYear >= year) || db.ProjectEvaluations.Any(e => e.ProjectId == p.Id && e.FiscalYear == year))
            .OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name, p.OwnerUnitId, p.MeasureId }).ToListAsync();
        return projects.Select(p => new EvaluationListEntry(p.Id, p.Code, p.Name, p.OwnerUnitId, p.MeasureId, evaluations.GetValueOrDefault(p.Id))).ToList();
    }
}
