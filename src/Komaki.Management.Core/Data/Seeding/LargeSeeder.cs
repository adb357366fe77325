using Komaki.Management.Core.Common;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Data.Seeding;

public sealed record LargeSeedResult(int Divisions, int Measures, int Projects, int Years, long Rows);

/// `komaki seed-large`: grows the demo city to the size of a large one for load tests — synthetic departments and
/// divisions (第NN部 第M課), ten more policies of ten measures, and `projects` projects spread over every measure, each
/// with `years` years of indicator values, budgets from request to settlement, implementation-plan lines and
/// evaluations, plus execution plans of the major projects, goals and improvement actions, and the next year's 予算編成
/// in the middle of its assessment (LargeBudget). Rows go in with one prepared INSERT per table (no audit entries:
/// nobody entered them), so 3,000 projects × 10 years take seconds.
public sealed class LargeSeeder(AppDbContext db)
{
    private static readonly int[] Quarters = [4, 7, 10, 1];

    public const int LastActualYear = 2025;
    private const int Departments = 20;
    private const int DivisionsPerDepartment = 5;
    /// 第01部 is a large 部 of a large city (a 健康福祉部 of a dozen 課): with 3,000 projects it holds over 300 budget
    /// lines, the size the 予算編成 benchmark commits a stage for.
    private const int DivisionsOfLargestDepartment = 11;
    private const int NewPolicies = 10;
    private const int MeasuresPerPolicy = 10;

    public async Task<LargeSeedResult> SeedAsync(int projectCount, int years, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        if (projectCount < 1 || years < 1) throw new ArgumentOutOfRangeException(nameof(projectCount), "projects and years must be positive");
        var plan = await PlanRollUp.CurrentBasicPlanAsync(db, LastActualYear + 1)
            ?? throw new InvalidOperationException("現行の計画がありません。先に seed-demo を実行してください。");
        if (await db.OrgUnits.AnyAsync(u => u.Code == "L0101", ct)) throw new InvalidOperationException("大規模データは既に登録されています。");
        var random = new Random(3000);
        var firstYear = LastActualYear - years + 1;
        long rows = 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        progress?.Report("組織と施策を登録しています…");
        // The structure is small and goes through EF for its keys.
        var divisions = new List<OrgUnit>();
        var departments = new List<OrgUnit>();
        for (var d = 1; d <= Departments; d++)
        {
            var dept = new OrgUnit { Code = $"L{d:00}00", Name = $"第{d:00}部", Level = OrgUnitLevel.Department, ValidFromYear = firstYear - 1, SortOrder = 100 + d };
            db.OrgUnits.Add(dept);
            departments.Add(dept);
            for (var c = 1; c <= (d == 1 ? DivisionsOfLargestDepartment : DivisionsPerDepartment); c++)
            {
                var division = new OrgUnit { Code = $"L{d:00}{c:00}", Name = $"第{d:00}部 第{c}課", Level = OrgUnitLevel.Division, Parent = dept, ValidFromYear = firstYear - 1, SortOrder = c };
                db.OrgUnits.Add(division);
                divisions.Add(division);
            }
        }
        var policySort = await db.Policies.Where(p => p.BasicPlanId == plan.Id).MaxAsync(p => (int?)p.SortOrder, ct) ?? 0;
        var newMeasures = new List<Measure>();
        for (var p = 1; p <= NewPolicies; p++)
        {
            var policy = new Policy { BasicPlanId = plan.Id, Code = $"L{p:00}", Name = $"拡張政策{p:00}", SortOrder = policySort + p };
            db.Policies.Add(policy);
            for (var m = 1; m <= MeasuresPerPolicy; m++)
            {
                var measure = new Measure { Policy = policy, Code = $"L{p:00}-{m:00}", Name = $"拡張施策{p:00}-{m:00}", SortOrder = m, OwnerUnitId = null };
                db.Measures.Add(measure);
                newMeasures.Add(measure);
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (m, i) in newMeasures.Select((m, i) => (m, i))) m.OwnerUnitId = divisions[i % divisions.Count].Id;
        await db.SaveChangesAsync(ct);

        var measures = await db.Measures.Where(m => m.Policy!.BasicPlanId == plan.Id && m.RetiredAt == null).OrderBy(m => m.Id).ToListAsync(ct);
        var projects = Enumerable.Range(0, projectCount).Select(i =>
        {
            var measure = measures[i % measures.Count];
            return new Project
            {
                MeasureId = measure.Id, Code = $"{measure.Code}-L{i / measures.Count + 1:000}", Name = $"{measure.Name}の拡張事業{i / measures.Count + 1:000}",
                OwnerUnitId = divisions[i % divisions.Count].Id, IsMajor = i % 25 == 0, StartYear = firstYear - 1 - i % 5, SortOrder = 100 + i / measures.Count,
            };
        }).ToList();
        await BulkInsert.RunAsync(db, projects, ct);
        rows += projects.Count;
        var projectIds = await db.Projects.Where(p => p.Code.Contains("-L")).Select(p => new { p.Id, p.Code, p.OwnerUnitId }).ToDictionaryAsync(p => p.Code, ct);

        progress?.Report("指標と実績を登録しています…");
        // Indicators: one activity indicator per project, two outcome indicators per new measure.
        var indicators = projects.Select((p, i) => new Indicator
        {
            ProjectId = projectIds[p.Code].Id, Name = "実施件数", Kind = IndicatorKind.Activity, Unit = "件", Direction = IndicatorDirection.HigherIsBetter,
            BaselineValue = 100 + i % 50, BaselineYear = firstYear - 1, SortOrder = 1, Weight = 1m,
        }).Concat(newMeasures.SelectMany(m => new[]
        {
            new Indicator { MeasureId = m.Id, Name = $"{m.Name}の満足度", Kind = IndicatorKind.Outcome, Unit = "%", Direction = IndicatorDirection.HigherIsBetter, BaselineValue = 50, BaselineYear = firstYear - 1, SortOrder = 1, Weight = 1m },
            new Indicator { MeasureId = m.Id, Name = $"{m.Name}の待機件数", Kind = IndicatorKind.Outcome, Unit = "件", Direction = IndicatorDirection.LowerIsBetter, BaselineValue = 200, BaselineYear = firstYear - 1, SortOrder = 2, Weight = 1m },
        })).ToList();
        await BulkInsert.RunAsync(db, indicators, ct);
        rows += indicators.Count;
        var indicatorRows = await db.Indicators.Where(i => (i.Project != null && i.Project.Code.Contains("-L")) || (i.Measure != null && i.Measure.Code.StartsWith('L')))
            .Select(i => new { i.Id, i.Direction, i.BaselineValue }).ToListAsync(ct);
        var values = new List<IndicatorValue>();
        foreach (var i in indicatorRows)
        {
            var baseline = i.BaselineValue ?? 100;
            var step = i.Direction == IndicatorDirection.HigherIsBetter ? 2m : -5m;
            for (var y = firstYear; y <= LastActualYear + 1; y++)
            {
                var target = baseline + step * (y - firstYear + 1);
                decimal? actual = y > LastActualYear || (y == LastActualYear && random.NextDouble() < 0.15) ? null : Math.Round(target * (decimal)(0.85 + random.NextDouble() * 0.25), 0);
                values.Add(new IndicatorValue { IndicatorId = i.Id, FiscalYear = y, Target = target, Actual = actual });
            }
        }
        await BulkInsert.RunAsync(db, values, ct);
        rows += values.Count;

        progress?.Report("予算・実施計画・評価を登録しています…");
        // Budgets from request to settlement; plans of three years per edition; evaluations of every past year.
        var budgets = new List<BudgetLine>();
        var planLines = new List<ImplementationPlanLine>();
        var evaluations = new List<ProjectEvaluation>();
        var editions = await EnsureEditionsAsync(firstYear, LastActualYear + 1, ct);
        foreach (var p in projects)
        {
            var id = projectIds[p.Code].Id;
            var cost = 1_000_000L * (5 + random.Next(0, 200));
            for (var y = firstYear; y <= LastActualYear + 1; y++)
            {
                var initial = cost + 100_000L * random.Next(-20, 20);
                var settled = y <= LastActualYear ? initial - 10_000L * random.Next(0, 300) : (long?)null;
                budgets.Add(new BudgetLine { ProjectId = id, FiscalYear = y, Requested = initial + 500_000, Assessed = initial, Initial = initial, Settled = settled, SettledGeneral = settled });
                if (y <= LastActualYear)
                {
                    var direction = (Direction)(1 + random.Next(0, 4));
                    evaluations.Add(new ProjectEvaluation
                    {
                        ProjectId = id, FiscalYear = y, OwnerUnitId = p.OwnerUnitId, SettledCost = settled, StaffPersonYears = 0.5m + random.Next(0, 20) / 10m, StaffCostPerPersonYear = 8_000_000,
                        Necessity = Rating.A, NecessityReason = "市民生活に必要な事業である。", Effectiveness = (Rating)(1 + random.Next(0, 3)), EffectivenessReason = "指標の推移による。",
                        Efficiency = Rating.B, EfficiencyReason = "標準的な水準。", Equity = Rating.B, EquityReason = "対象者は広く市民。",
                        FirstDirection = direction, Improvement = direction == Direction.Continue ? null : "手順を見直し、費用を抑える。", SecondDirection = direction,
                        State = y < LastActualYear ? EvaluationState.Published : (EvaluationState)(1 + random.Next(0, 4)),
                        PublishedAt = y < LastActualYear ? new DateTime(y + 1, 9, 30, 0, 0, 0, DateTimeKind.Utc) : null,
                    });
                }
            }
            foreach (var (edition, year) in editions)
            {
                for (var y = year; y < year + ImplementationPlan.YearsCovered; y++)
                {
                    var lineCost = cost + 50_000L * (y - year);
                    var national = lineCost / 4;
                    planLines.Add(new ImplementationPlanLine
                    {
                        ImplementationPlanId = edition, ProjectId = id, FiscalYear = y, Status = ImplementationStatus.Continuing, Content = "前年度に引き続き実施する。",
                        Cost = lineCost, Funding = Funding.None with { National = national, General = lineCost - national },
                    });
                }
            }
        }
        // The last year's sheets drawn as published were published that autumn.
        foreach (var e in evaluations.Where(e => e.State == EvaluationState.Published)) e.PublishedAt ??= new DateTime(e.FiscalYear + 1, 9, 30, 0, 0, 0, DateTimeKind.Utc);
        foreach (var batch in new object[] { budgets, planLines, evaluations })
        {
            switch (batch)
            {
                case List<BudgetLine> b: await BulkInsert.RunAsync(db, b, ct); rows += b.Count; break;
                case List<ImplementationPlanLine> l: await BulkInsert.RunAsync(db, l, ct); rows += l.Count; break;
                case List<ProjectEvaluation> e: await BulkInsert.RunAsync(db, e, ct); rows += e.Count; break;
            }
        }

        // A published sheet keeps its costs and indicators as they read the day it was published, as the app keeps them,
        // so the pages that show the kept sheets are measured on the large city too.
        var published = await db.ProjectEvaluations.AsNoTracking().Where(e => e.State == EvaluationState.Published && e.PublishedSheet == null && e.Project!.Code.Contains("-L")).ToListAsync(ct);
        var sheets = await PublishedSheet.TakeAsync(db, published, DateTime.UtcNow, ct);
        await BulkInsert.SetAsync<ProjectEvaluation>(db, nameof(ProjectEvaluation.PublishedSheet), published.Select(e => (e.Id, (object?)(sheets[e.Id] with { TakenAt = e.PublishedAt!.Value }).ToJson())), ct);

        progress?.Report("主要事業実行計画を登録しています…");
        // 主要事業実行計画 of every major project and year, with a quarterly schedule and progress filed as the year goes.
        var executionPlans = projects.Where(p => p.IsMajor).SelectMany(p => Enumerable.Range(firstYear, years + 1).Select(y => new ExecutionPlan
        {
            FiscalYear = y, ProjectId = projectIds[p.Code].Id, OwnerUnitId = p.OwnerUnitId, Goal = "計画どおりに事業を進める。", Content = "年間計画に沿って実施する。",
            MidYearStatus = y <= LastActualYear || random.NextDouble() < 0.7 ? ProgressStatus.OnTrack : null, MidYearProgress = "順調に進んでいる。",
            YearEndStatus = y <= LastActualYear ? ProgressStatus.Completed : null, YearEndProgress = y <= LastActualYear ? "計画どおり完了した。" : null,
        })).ToList();
        foreach (var e in executionPlans.Where(e => e.MidYearStatus is null)) e.MidYearProgress = null;
        await BulkInsert.RunAsync(db, executionPlans, ct);
        rows += executionPlans.Count;
        var planIds = await db.ExecutionPlans.Where(e => e.Project!.Code.Contains("-L")).Select(e => e.Id).ToListAsync(ct);
        var months = planIds.SelectMany(id => Quarters.Select(m => new ExecutionPlanMonth { ExecutionPlanId = id, Month = m, Work = m == 1 ? "◆実績のとりまとめ" : "実施" })).ToList();
        await BulkInsert.RunAsync(db, months, ct);
        rows += months.Count;

        progress?.Report("組織目標と改善を登録しています…");
        // Goals: one per division and year, confirmed for past years, at every stage this year.
        var goals = divisions.SelectMany(d => Enumerable.Range(firstYear, years + 1).Select(y => new OrganizationalGoal
        {
            OrgUnitId = d.Id, FiscalYear = y, Title = $"{d.Name}の重点目標（{y}年度）", Reason = "施策の達成度を高めるため。",
            State = y <= LastActualYear ? GoalState.Confirmed : (GoalState)(1 + random.Next(0, 5)), Grade = y <= LastActualYear ? (GoalGrade)(1 + random.Next(0, 4)) : null,
        })).ToList();
        await BulkInsert.RunAsync(db, goals, ct);
        rows += goals.Count;

        // Improvement actions for last year's evaluations that asked for a change; most still open.
        var recent = await db.ProjectEvaluations.Where(e => e.FiscalYear >= LastActualYear - 1 && e.SecondDirection != Direction.Continue && e.Project!.Code.Contains("-L"))
            .Select(e => new { e.Id, e.ProjectId, e.OwnerUnitId, e.FiscalYear, e.SecondDirection }).ToListAsync(ct);
        var actions = recent.Select(e => new ImprovementAction
        {
            ProjectId = e.ProjectId, OwnerUnitId = e.OwnerUnitId, ProjectEvaluationId = e.Id, FiscalYear = e.FiscalYear, Direction = e.SecondDirection!.Value,
            Description = "評価で示された改善を次年度の計画に反映する。", OpenedAt = new DateTime(e.FiscalYear + 1, 10, 1, 0, 0, 0, DateTimeKind.Utc),
            State = random.NextDouble() < 0.6 ? ImprovementState.Open : ImprovementState.Closed, Note = null,
        }).ToList();
        foreach (var a in actions.Where(a => a.State == ImprovementState.Closed)) { a.Note = "予算に反映済み。"; a.ClosedBy = "seed-large"; a.ClosedAt = a.OpenedAt.AddDays(90); }
        await BulkInsert.RunAsync(db, actions, ct);
        rows += actions.Count;

        progress?.Report("予算編成を登録しています…");
        rows += await new LargeBudget(db).SeedAsync(LastActualYear + 2, departments, divisions, projects.Select(p => projectIds[p.Code].Id).ToList(), ct);

        await tx.CommitAsync(ct);
        return new LargeSeedResult(divisions.Count, newMeasures.Count, projects.Count, years, rows);
    }

    /// The implementation-plan editions of every year of the range (existing ones are kept), as (Id, FiscalYear).
    private async Task<List<(int Id, int Year)>> EnsureEditionsAsync(int first, int last, CancellationToken ct)
    {
        var existing = await db.ImplementationPlans.Select(p => p.FiscalYear).ToListAsync(ct);
        foreach (var y in Enumerable.Range(first, last - first + 1).Except(existing))
        {
            db.ImplementationPlans.Add(new ImplementationPlan { FiscalYear = y, Title = ImplementationPlan.DefaultTitle(y), CreatedAt = new DateTime(y - 1, 10, 1, 0, 0, 0, DateTimeKind.Utc) });
        }
        await db.SaveChangesAsync(ct);
        return (await db.ImplementationPlans.Where(p => p.FiscalYear >= first && p.FiscalYear <= last).Select(p => new { p.Id, p.FiscalYear }).ToListAsync(ct))
            .Select(p => (p.Id, p.FiscalYear)).ToList();
    }
}
