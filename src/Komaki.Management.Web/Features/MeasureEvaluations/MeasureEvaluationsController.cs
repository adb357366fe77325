namespace Komaki.Management.Web.Features.MeasureEvaluations;

/// 施策評価: per measure per year, the indicators' achievement, the projects' full cost and directions, citizens'
/// satisfaction, and the owning division's assessment and direction.
[Authorize(Policy = Policies.Staff)]
[Route("MeasureEvaluations")]
public sealed class MeasureEvaluationsController(AppDbContext db, OrgTreeProvider orgTree, CurrentUser me, ReadCache cache) : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? Clock.FiscalYear - 1;
        var audience = AudienceOf(Actor);
        return View(new MeasureEvaluationListModel(y, audience, await cache.GetAsync($"measure-summaries:{y}:{audience}", Areas, () => SummariesAsync(y, null))));
    }

    /// Evaluations not yet published are counted for planning and for their own unit only: readers with the same
    /// audience see the same summaries.
    public static string AudienceOf(Actor a) =>
        a.IsPlanMasterEditor ? "planning" : (a.IsIn(Roles.DepartmentHead) || a.IsIn(Roles.DepartmentStaff)) && a.UnitId is int u ? u.ToString(CultureInfo.InvariantCulture) : "";

    [HttpGet("{year:int}/{measureId:int}")]
    public async Task<IActionResult> Edit(int year, int measureId)
    {
        var summary = (await SummariesAsync(year, measureId)).FirstOrDefault();
        if (summary is null) return NotFound();
        return View(new MeasureEvaluationModel(year, summary, await CanEditAsync(summary.Measure), summary.Evaluation?.Assessment, summary.Evaluation?.Direction, summary.Evaluation?.Version ?? 0));
    }

    [HttpPost("{year:int}/{measureId:int}")]
    public async Task<IActionResult> Edit(int year, int measureId, string? assessment, Direction? direction, int version)
    {
        var summary = (await SummariesAsync(year, measureId)).FirstOrDefault();
        if (summary is null) return NotFound();
        if (!await CanEditAsync(summary.Measure)) return Forbidden();
        if (string.IsNullOrWhiteSpace(assessment)) ModelState.AddModelError("assessment", "施策の評価（成果と課題）を入力してください。");
        if (direction is not Direction d || !Enum.IsDefined(d)) ModelState.AddModelError("direction", "施策の今後の方向性を選んでください。");
        if (ModelState.IsValid)
        {
            var e = await Db.MeasureEvaluations.FirstOrDefaultAsync(x => x.MeasureId == measureId && x.FiscalYear == year);
            if (e is null) Db.MeasureEvaluations.Add(e = new MeasureEvaluation { MeasureId = measureId, FiscalYear = year });
            (e.Assessment, e.Direction, e.AssessedBy, e.AssessedAt) = (assessment!.Trim(), direction, me.DisplayName, Clock.UtcNow);
            if (await TrySaveEditsAsync([(e, e.Id == 0 ? 0 : version)], e.AuditTarget))
            {
                TempData["Message"] = $"{summary.Measure.Code} {summary.Measure.Name} の施策評価を保存しました。";
                return RedirectToAction(nameof(Index), new { year });
            }
        }
        return View(new MeasureEvaluationModel(year, summary, true, assessment, direction, version));
    }

    /// The measure's owning division head (or a head above it) and planning staff assess a measure.
    private async Task<bool> CanEditAsync(Measure m) => PlanAccess.CanEditUnitRecord(Actor, m.OwnerUnitId, await orgTree.GetAsync());

    /// What the year's summaries read; kept for every reader, then narrowed to the evaluations the reader may read.
    private static readonly IReadOnlyList<string> Areas = [DataArea.Plan, DataArea.Indicators, DataArea.Check, DataArea.Voice, DataArea.Organization];

    private sealed record YearData(
        List<Measure> Measures, List<Indicator> Indicators, ILookup<int, int> ProjectsByMeasure, List<ProjectEvaluation> Evaluations,
        Dictionary<int, SurveyResult> Survey, Dictionary<int, MeasureEvaluation> Own);

    private async Task<List<MeasureSummary>> SummariesAsync(int year, int? measureId)
    {
        var org = await orgTree.GetAsync();
        var data = measureId is null ? await cache.GetAsync($"measure-evaluations:{year}", Areas, () => LoadAsync(year, null)) : await LoadAsync(year, measureId);
        var evaluations = data.Evaluations.Where(e => EvaluationAccess.CanRead(Actor, e, org)).ToLookup(e => e.ProjectId);
        return data.Measures.OrderBy(m => m.Code, CodeOrder.Instance).Select(m =>
        {
            var mine = data.ProjectsByMeasure[m.Id].ToList();
            var evals = mine.SelectMany(p => evaluations[p]).ToList();
            return new MeasureSummary(m, org.PathName(m.OwnerUnitId),
                data.Indicators.Where(i => i.MeasureId == m.Id).OrderBy(i => i.SortOrder).Select(i =>
                {
                    var v = i.Values.FirstOrDefault(x => x.FiscalYear == year);
                    return (i.Name, i.Unit, v?.Target, v?.Actual, IndicatorJudgment.Of(i, year));
                }).ToList(),
                mine.Count, evals.Count, evals.Sum(e => e.FullCost ?? 0),
                evals.Where(e => e.FinalDirection is not null).GroupBy(e => e.FinalDirection!.Value).ToDictionary(g => g.Key, g => g.Count()),
                data.Survey.GetValueOrDefault(m.Id), data.Own.GetValueOrDefault(m.Id));
        }).ToList();
    }

    private async Task<YearData> LoadAsync(int year, int? measureId)
    {
        var basic = await Db.BasicPlans.AsNoTracking().Where(b => b.ComprehensivePlan!.IsCurrent && b.StartYear <= year && b.EndYear >= year).OrderByDescending(b => b.StartYear).FirstOrDefaultAsync();
        var measures = await Db.Measures.AsNoTracking().Where(m => m.RetiredAt == null && (basic == null || m.Policy!.BasicPlanId == basic.Id) && (measureId == null || m.Id == measureId)).ToListAsync();
        var ids = measures.Select(m => m.Id).ToList();
        var indicators = await Db.Indicators.AsNoTracking().Include(i => i.Values.Where(v => v.FiscalYear <= year))
            .Where(i => i.MeasureId != null && ids.Contains(i.MeasureId.Value) && i.RetiredAt == null).ToListAsync();
        var projects = Db.Projects.Where(p => ids.Contains(p.MeasureId) && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year));
        var projectList = await projects.AsNoTracking().Select(p => new { p.Id, p.MeasureId }).ToListAsync();
        var evaluations = await Db.ProjectEvaluations.AsNoTracking()
            .Where(e => e.FiscalYear == year && e.State != EvaluationState.Draft && projects.Any(p => p.Id == e.ProjectId))
            .Select(e => new ProjectEvaluation
            {
                Id = e.Id, ProjectId = e.ProjectId, FiscalYear = e.FiscalYear, OwnerUnitId = e.OwnerUnitId, State = e.State,
                FirstDirection = e.FirstDirection, SecondDirection = e.SecondDirection, SettledCost = e.SettledCost,
                RecordedStaffCost = e.RecordedStaffCost, StaffPersonYears = e.StaffPersonYears, StaffCostPerPersonYear = e.StaffCostPerPersonYear,
            })
            .ToListAsync();
        var survey = await Db.SurveyResults.AsNoTracking().Where(r => r.FiscalYear == year && ids.Contains(r.MeasureId)).ToDictionaryAsync(r => r.MeasureId);
        var own = await Db.MeasureEvaluations.AsNoTracking().Where(e => e.FiscalYear == year && ids.Contains(e.MeasureId)).ToDictionaryAsync(e => e.MeasureId);
        return new YearData(measures, indicators, projectList.ToLookup(p => p.MeasureId, p => p.Id), evaluations, survey, own);
    }
}
