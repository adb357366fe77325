using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core;

/// What a measure's evaluation rests on: its indicators, the roll-up of its projects' evaluations, the survey.
public sealed record MeasureSummary(
    Measure Measure, string Owner, IReadOnlyList<(string Name, string Unit, decimal? Target, decimal? Actual, IndicatorJudgment Judgment)> Indicators,
    int Projects, int Evaluated, long FullCost, IReadOnlyDictionary<Direction, int> Directions, SurveyResult? Survey, MeasureEvaluation? Evaluation);

/// The year's measures of the current basic plan with everything their summaries read, the same for every reader.
public sealed record MeasureEvaluationYear(
    int Year, List<Measure> Measures, List<Indicator> Indicators, ILookup<int, int> ProjectsByMeasure, List<ProjectEvaluation> Evaluations,
    Dictionary<int, SurveyResult> Survey, Dictionary<int, MeasureEvaluation> Own);

/// Reads of the 施策評価 pages. They join the plan, the evaluations and the survey, so they sit above the features.
public sealed class MeasureEvaluationPages(AppDbContext db) : IUseCase
{
    /// What the year's summaries read: the indicators as the year's report reads them (its values and the earlier
    /// years'), so next year's targets, saved all through the busy season, leave a settled year's 施策評価 kept.
    public static IReadOnlyList<string> AreasOf(int year) => [DataArea.Plan, DataArea.IndicatorsUpTo(year), DataArea.Check, DataArea.Voice, DataArea.Organization];

    /// Evaluations not yet published are counted for planning and for their own unit only: readers with the same
    /// audience see the same summaries.
    public static string AudienceOf(Actor a) =>
        a.IsPlanMasterEditor ? "planning" : (a.IsIn(Roles.DepartmentHead) || a.IsIn(Roles.DepartmentStaff)) && a.UnitId is int u ? u.ToString(CultureInfo.InvariantCulture) : "";

    /// The summaries of the year's measures (or of one, measureId), counting only the project evaluations the reader may read.
    public static List<MeasureSummary> Summaries(MeasureEvaluationYear data, Actor reader, OrgTree org, int? measureId = null)
    {
        var projectsOfOne = measureId is int id ? data.ProjectsByMeasure[id].ToHashSet() : null;
        var evaluations = data.Evaluations.Where(e => (projectsOfOne is null || projectsOfOne.Contains(e.ProjectId)) && EvaluationAccess.CanRead(reader, e, org))
            .ToLookup(e => e.ProjectId);
        return data.Measures.Where(m => measureId is null || m.Id == measureId).OrderBy(m => m.Code, CodeOrder.Instance).Select(m =>
        {
            var mine = data.ProjectsByMeasure[m.Id].ToList();
            var evals = mine.SelectMany(p => evaluations[p]).ToList();
            return new MeasureSummary(m, org.PathName(m.OwnerUnitId),
                data.Indicators.Where(i => i.MeasureId == m.Id).OrderBy(i => i.SortOrder).Select(i =>
                {
                    var v = i.Values.FirstOrDefault(x => x.FiscalYear == data.Year);
                    return (i.Name, i.Unit, v?.Target, v?.Actual, IndicatorJudgment.Of(i, data.Year));
                }).ToList(),
                mine.Count, evals.Count, evals.Sum(e => e.FullCost ?? 0),
                evals.Where(e => e.FinalDirection is not null).GroupBy(e => e.FinalDirection!.Value).ToDictionary(g => g.Key, g => g.Count()),
                data.Survey.GetValueOrDefault(m.Id), data.Own.GetValueOrDefault(m.Id));
        }).ToList();
    }

    /// Whether the year's 施策評価 is published: a change is then a 訂正 with its reason (PublishedCorrections).
    public async Task<bool> PublishedAsync(int year) => (await PublishedCorrections.PublishedYearsAsync<MeasureEvaluation>(db)).Contains(year);

    /// The year's measures with their indicators, projects, evaluations past the draft, survey results and the
    /// divisions' own evaluations.
    public async Task<MeasureEvaluationYear> YearAsync(int year)
    {
        var basic = await db.BasicPlans.AsNoTracking().Where(b => b.ComprehensivePlan!.IsCurrent && b.StartYear <= year && b.EndYear >= year).OrderByDescending(b => b.StartYear).FirstOrDefaultAsync();
        var measures = await db.Measures.AsNoTracking().Where(m => m.RetiredAt == null && (basic == null || m.Policy!.BasicPlanId == basic.Id)).ToListAsync();
        var ids = measures.Select(m => m.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values.Where(v => v.FiscalYear <= year))
            .Where(i => i.MeasureId != null && ids.Contains(i.MeasureId.Value) && i.RetiredAt == null).ToListAsync();
        var projects = db.Projects.Where(p => ids.Contains(p.MeasureId) && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year));
        var projectList = await projects.AsNoTracking().Select(p => new { p.Id, p.MeasureId }).ToListAsync();
        var evaluations = await db.ProjectEvaluations.AsNoTracking()
            .Where(e => e.FiscalYear == year && e.State != EvaluationState.Draft && projects.Any(p => p.Id == e.ProjectId))
            .Select(e => new ProjectEvaluation
            {
                Id = e.Id, ProjectId = e.ProjectId, FiscalYear = e.FiscalYear, OwnerUnitId = e.OwnerUnitId, State = e.State,
                FirstDirection = e.FirstDirection, SecondDirection = e.SecondDirection, SettledCost = e.SettledCost,
                RecordedStaffCost = e.RecordedStaffCost, StaffPersonYears = e.StaffPersonYears, StaffCostPerPersonYear = e.StaffCostPerPersonYear,
            })
            .ToListAsync();
        var survey = await db.SurveyResults.AsNoTracking().Where(r => r.FiscalYear == year && ids.Contains(r.MeasureId)).ToDictionaryAsync(r => r.MeasureId);
        var own = await db.MeasureEvaluations.AsNoTracking().Where(e => e.FiscalYear == year && ids.Contains(e.MeasureId)).ToDictionaryAsync(e => e.MeasureId);
        return new MeasureEvaluationYear(year, measures, indicators, projectList.ToLookup(p => p.MeasureId, p => p.Id), evaluations, survey, own);
    }
}
