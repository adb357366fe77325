using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Data.Seeding;

/// The demo city's Check: every project of 令和6年度 evaluated and published, and the 令和7年度 evaluations
/// in progress in late November — most published, some awaiting the second review, a few still drafts, some not begun.
internal sealed class DemoCheck(AppDbContext db, Random random)
{
    private static readonly string[] ExternalReviewProjectCodes = ["6-3-01", "3-1-02", "1-5-01"];

    private const long StaffCost = 8_000_000;
    private ILookup<int, Indicator> _indicators = Array.Empty<Indicator>().ToLookup(i => 0);

    public async Task SeedAsync(CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        _indicators = (await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.ProjectId != null).ToListAsync(ct)).ToLookup(i => i.ProjectId!.Value);
        var settled = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == 2024 || b.FiscalYear == 2025)
            .ToDictionaryAsync(b => (b.ProjectId, b.FiscalYear), b => b.Settled, ct);
        var n = 0;
        foreach (var p in projects)
        {
            n++;
            foreach (var year in new[] { 2024, 2025 })
            {
                if (!p.IsActiveIn(year)) continue;
                var state = year == 2024 ? EvaluationState.Published
                    : (n % 20) switch { < 11 => EvaluationState.Published, < 14 => EvaluationState.SecondReviewed, < 16 => EvaluationState.FirstReviewed, < 18 => EvaluationState.Draft, _ => (EvaluationState?)null };
                if (state is not EvaluationState s) continue;
                db.ProjectEvaluations.Add(Evaluation(p, year, s, settled.GetValueOrDefault((p.Id, year))));
            }
        }
        await db.SaveChangesAsync(ct);
        await FollowVerdictsAsync(ct);
        // A published sheet keeps its costs and indicators as they read the day it was published.
        var published = await db.ProjectEvaluations.Where(e => e.State == EvaluationState.Published).ToListAsync(ct);
        var sheets = await PublishedSheet.TakeAsync(db, published, db.UtcNow, ct);
        foreach (var e in published) e.PublishedSheet = (sheets[e.Id] with { TakenAt = e.PublishedAt!.Value }).ToJson();
        await db.SaveChangesAsync(ct);
        await SeedImprovementsAsync(ct);
    }

    /// 令和8年度's budget was requested in autumn 2025, after the verdicts given in 令和7年度 (令和6年度's projects) were
    /// published: most divisions followed them — 縮小 asked for less than 令和7年度's 当初予算, 廃止 wound down, 拡大 asked
    /// for more and the 財政課 trimmed it — but about one in five asked as the plan had it, as cities do.
    private async Task FollowVerdictsAsync(CancellationToken ct)
    {
        var follow = new Random(20250930 + 2026);
        var verdicts = await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == 2024 && e.State == EvaluationState.Published)
            .ToDictionaryAsync(e => e.ProjectId, e => e.SecondDirection ?? e.FirstDirection, ct);
        var before = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == 2025 && b.Initial != null).ToDictionaryAsync(b => b.ProjectId, b => b.Initial!.Value, ct);
        long Round(decimal v) => (long)Math.Round(v / 1000m) * 1000;
        decimal Between(double low, double high) => (decimal)(low + follow.NextDouble() * (high - low));
        foreach (var line in await db.BudgetLines.Where(b => b.FiscalYear == 2026 && b.Initial != null).OrderBy(b => b.Id).ToListAsync(ct))
        {
            if (!verdicts.TryGetValue(line.ProjectId, out var verdict) || !before.TryGetValue(line.ProjectId, out var base2025) || follow.Next(0, 5) == 0) continue;
            var (request, assess) = verdict switch
            {
                Direction.Reduce => (Between(0.85, 0.97), Between(0.92, 1.0)),
                Direction.SuspendOrAbolish => (Between(0.3, 0.6), Between(0.85, 1.0)),
                Direction.AbolishAndReplace => (Between(0.6, 0.85), Between(0.9, 1.0)),
                Direction.Expand => (Between(1.08, 1.2), Between(0.9, 0.97)),
                _ => (0m, 0m),
            };
            if (request == 0) continue;
            line.Requested = Round(base2025 * request);
            line.Assessed = Round(line.Requested.Value * assess);
            line.Initial = line.Assessed;
        }
        await db.SaveChangesAsync(ct);
    }

    /// Second reviews other than 維持 opened improvement actions; about half of last year's have shown up in the
    /// 令和8年度 edition of the 実施計画, a few were closed, the rest are still open.
    private async Task SeedImprovementsAsync(CancellationToken ct)
    {
        var reviewed = await db.ProjectEvaluations.Where(e => e.State >= EvaluationState.SecondReviewed).OrderBy(e => e.Id).ToListAsync(ct);
        var lines = await db.ImplementationPlanLines.Where(l => l.ImplementationPlan!.FiscalYear == 2026 && l.FiscalYear == 2026).ToDictionaryAsync(l => l.ProjectId, l => l.Id, ct);
        var directions = await DirectionCatalog.LoadAsync(db, ct);
        var n = 0;
        foreach (var e in reviewed)
        {
            if (ImprovementLabels.OpenedBy(e, e.SecondReviewedAt ?? db.UtcNow, directions) is not { } action) continue;
            n++;
            if (e.FiscalYear == 2024 && n % 2 == 0 && lines.TryGetValue(e.ProjectId, out var lineId))
            {
                (action.State, action.AnswerPlanLineId, action.ClosedBy, action.ClosedAt, action.Note) =
                    (ImprovementState.Answered, lineId, "企画 花子", new DateTime(2025, 10, 15, 1, 0, 0, DateTimeKind.Utc), "令和8年度版の実施計画で事業内容を見直した。");
            }
            else if (e.FiscalYear == 2024 && n % 7 == 0)
            {
                (action.State, action.ClosedBy, action.ClosedAt, action.Note) =
                    (ImprovementState.Closed, "企画 花子", new DateTime(2025, 11, 1, 1, 0, 0, DateTimeKind.Utc), "国の制度改正により事業の枠組みが変わったため、改善の対象外とした。");
            }
            db.ImprovementActions.Add(action);
        }
        await db.SaveChangesAsync(ct);
    }

    private ProjectEvaluation Evaluation(Project p, int year, EvaluationState state, long? settled)
    {
        // Komaki's verdicts: mostly 維持 (some with improvements to make), a few 拡大 and 縮小, the odd 廃止 or 廃止→新規.
        var roll = random.Next(0, 20);
        var direction = roll switch
        {
            < 14 => Direction.Continue,
            < 16 => Direction.Expand,
            < 18 => Direction.Reduce,
            18 => Direction.AbolishAndReplace,
            _ => Direction.SuspendOrAbolish,
        };
        Rating R() => random.Next(0, 10) switch { < 5 => Rating.A, < 9 => Rating.B, _ => Rating.C };
        var (necessity, rolled, efficiency, equity) = (R(), R(), R(), R());
        var (effectiveness, effectivenessReason) = Effectiveness(rolled, _indicators[p.Id].Select(i => IndicatorJudgment.Of(i, year).Outcome).Where(o => o != IndicatorOutcome.NotJudged).ToList());
        var e = new ProjectEvaluation
        {
            ProjectId = p.Id, FiscalYear = year, OwnerUnitId = p.OwnerUnitId, SettledCost = settled,
            StaffPersonYears = Math.Round((decimal)(0.2 + random.NextDouble() * 2.3), 1), StaffCostPerPersonYear = StaffCost,
            Necessity = necessity, NecessityReason = necessity switch { Rating.A => "市民生活に直結し、市が担う必要がある。", Rating.B => "一定の需要はあるが、民間での代替も考えられる。", _ => "社会情勢の変化により、市が担う必要性が薄れている。" },
            Effectiveness = effectiveness, EffectivenessReason = effectivenessReason,
            Efficiency = efficiency, EfficiencyReason = efficiency switch { Rating.A => "委託範囲の見直しによりコストを抑えている。", Rating.B => "コストは他市と同程度である。", _ => "単位当たりのコストが他市より高い。" },
            Equity = equity, EquityReason = equity switch { Rating.A => "受益者負担は適切な水準にある。", Rating.B => "受益者が一部に偏っている。", _ => "受益と負担の関係を見直す必要がある。" },
            FirstDirection = direction,
            Improvement = direction switch
            {
                Direction.Continue => roll >= 10 ? "実施方法を見直し、対象者への周知を強化する。" : null,
                Direction.Expand => "需要の増加に合わせて対象と規模を広げる。",
                Direction.Reduce => "利用実績に合わせて規模を縮小し、他事業に資源を振り向ける。",
                Direction.AbolishAndReplace => "目的の近い事業と統合し、新たな事業として組み立て直す。",
                _ => p.EndYear is not null ? "所期の目的を達成したため廃止する。" : "役割を終えつつあるため、段階的に廃止する。",
            },
            State = state,
        };
        if (state >= EvaluationState.FirstReviewed) (e.FirstReviewedBy, e.FirstReviewedAt) = ("所属長", new DateTime(year + 1, 6, 20, 1, 0, 0, DateTimeKind.Utc));
        if (state >= EvaluationState.SecondReviewed)
        {
            (e.SecondReviewedBy, e.SecondReviewedAt) = ("企画 花子", new DateTime(year + 1, 8, 5, 1, 0, 0, DateTimeKind.Utc));
            if (direction == Direction.Continue && random.Next(0, 12) == 0)
            {
                e.SecondDirection = Direction.Reduce;
                e.SecondReason = "成果指標が伸び悩んでおり、規模を見直して縮小する必要があると判断した。";
            }
        }
        if (state == EvaluationState.Published) e.PublishedAt = new DateTime(year + 1, 9, 30, 1, 0, 0, DateTimeKind.Utc);
        return e;
    }

    /// A unit rates 有効性 as its indicators read, as the consistency checks at review expect: A only with every target
    /// met, C where an indicator fell below its baseline, otherwise the rolled rating short of A.
    private static (Rating, string) Effectiveness(Rating rolled, List<IndicatorOutcome> outcomes)
    {
        if (outcomes.Count == 0) return (rolled == Rating.A ? Rating.B : rolled, "指標の実績がまだ出ていないため、事業の実施状況から判断した。");
        if (outcomes.All(o => o == IndicatorOutcome.Achieved))
            return rolled == Rating.A ? (Rating.A, "指標の実績は目標を上回っている。") : (Rating.B, "指標は目標を達成したが、成果の広がりはこれからである。");
        if (outcomes.Contains(IndicatorOutcome.Worsened)) return (Rating.C, "指標の実績が基準値を下回っている。");
        return rolled == Rating.C ? (Rating.C, "指標の実績が目標を下回っている。") : (Rating.B, "指標の実績は目標に対しておおむね達成している。");
    }

    /// The citizens' forum: last year's session closed with its results and the city's responses, this year's open
    /// for the demo reviewer. Needs the demo users, who are created last.
    public async Task SeedExternalReviewsAsync(CancellationToken ct)
    {
        var reviewer = await db.Users.FirstAsync(u => u.Email == "hyoka@komaki.example", ct);
        var projects = await db.Projects.Where(p => p.RetiredAt == null).ToDictionaryAsync(p => p.Code, ct);
        var past = new ExternalReview
        {
            FiscalYear = 2024, Title = "令和7年度 行政評価市民公開フォーラム", HeldOn = new DateOnly(2025, 8, 23), Venue = "小牧市役所 本庁舎 6階大会議室", IsClosed = true,
            Reviewers = [new ExternalReviewer { UserId = reviewer.Id, Kind = "市民委員" }],
        };
        (string Code, Verdict Verdict, string Comment, string Response)[] reviewed =
        [
            ("1-3-02", Verdict.Improve, "設置場所の選び方を犯罪の多い場所に重点化すべき。", "警察と協議し、認知件数の多い地区を優先して設置する。"),
            ("2-1-03", Verdict.Reduce, "参加者が固定化しており、効果の検証が不十分。", "参加者の属性と健康指標の変化を検証し、令和8年度に制度を見直す。"),
            ("5-4-01", Verdict.Expand, "SNSでの発信をもっと強化してほしい。", "発信の担当者を増やし、動画による発信を始める。"),
        ];
        var now = new DateTime(2025, 8, 23, 9, 0, 0, DateTimeKind.Utc);
        foreach (var (code, verdict, comment, response) in reviewed)
        {
            if (!projects.TryGetValue(code, out var project)) continue;
            past.Projects.Add(new ExternalReviewProject
            {
                ProjectId = project.Id, CityResponse = response, ResponsePublishedAt = now,
                Verdicts = [new ReviewerVerdict { ReviewerUserId = reviewer.Id, Verdict = verdict, Comment = comment, At = now }],
            });
            db.ImprovementActions.Add(ExternalReviewResults.ActionFor(past, project, verdict, 1, now));
        }
        var current = new ExternalReview
        {
            FiscalYear = 2025, Title = "令和8年度 行政評価市民公開フォーラム", HeldOn = new DateOnly(2026, 12, 5), Venue = "まなび創造館 あさひホール",
            Reviewers = [new ExternalReviewer { UserId = reviewer.Id, Kind = "市民委員" }],
            Projects = ExternalReviewProjectCodes.Where(projects.ContainsKey).Select(c => new ExternalReviewProject { ProjectId = projects[c].Id }).ToList(),
        };
        db.ExternalReviews.AddRange(past, current);
        await db.SaveChangesAsync(ct);
    }
}
