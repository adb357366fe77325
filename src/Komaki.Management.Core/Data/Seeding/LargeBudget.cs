using Komaki.Management.Core.Common;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Data.Seeding;

/// The large city's 予算編成 of the next budget year, in the middle of its assessment as the demo city's is: every
/// project requested and submitted (at the 実施計画's amount, a few over it, most 縮小 verdicts followed), 財政課査定
/// committed for every 部 but 第01部 — the largest, whose assessment is under way as drafts, so the benchmark commits it —
/// 市長査定 committed for seven 部 and under way in two, a 一般財源 frame per 部 with two 部 over it, and a reason
/// recorded on every request and assessment that goes against the evaluation or the 実施計画. The budget table carries
/// 要求額 and the latest 査定額, as the app writes them. Rows go in with BulkInsert inside the seeder's transaction.
internal sealed class LargeBudget(AppDbContext db)
{
    private const string Finance = "zaisei@komaki.example";
    private const string Mayor = "shicho@komaki.example";
    /// 第02部 to 第08部 have had their 市長査定; 第09部 and 第10部 are being heard (a draft each).
    private const int MayorDoneThrough = 8;
    private const int MayorUnderWayThrough = 10;
    private static readonly int[] OverFrame = [3, 11];

    private static readonly string[] Cuts =
    [
        "委託料の積算単価を直近の契約実績で見直し、減額する。",
        "前年度の執行率を踏まえ、需用費を減額する。",
        "備品の更新時期を精査し、一部を翌年度に送って減額する。",
    ];

    /// Returns the number of rows written.
    public async Task<long> SeedAsync(int year, IReadOnlyList<OrgUnit> departments, IReadOnlyList<OrgUnit> divisions, IReadOnlyList<int> projectIds, CancellationToken ct)
    {
        var random = new Random(2027);
        var round = await db.BudgetRounds.Include(r => r.Frames).FirstOrDefaultAsync(r => r.FiscalYear == year, ct);
        if (round is null)
        {
            db.BudgetRounds.Add(round = BudgetRound.Defaults(year));
            await db.SaveChangesAsync(ct);
        }
        var owners = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.OwnerUnitId, p.Name }).ToListAsync(ct);
        var context = await new BudgetFormulationPages(db).ContextAsync(year, projectIds);
        var directions = DirectionCatalog.Default;
        var divisionById = divisions.ToDictionary(d => d.Id);
        var departmentNumber = departments.Select((d, i) => (d.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
        var submittedAt = new DateTime(year - 1, 11, 12, 6, 0, 0, DateTimeKind.Utc);
        var assessedAt = new DateTime(year - 1, 12, 3, 8, 0, 0, DateTimeKind.Utc);
        var mayorAt = new DateTime(year - 1, 12, 4, 5, 0, 0, DateTimeKind.Utc);

        // The requests as the divisions filed them.
        var requests = new List<BudgetRequest>();
        var findingsOf = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var p in owners.OrderBy(p => p.Id))
        {
            var c = context[p.Id];
            var plan = c.PlanAmount ?? c.PreviousBudget ?? 10_000_000;
            var roll = random.NextDouble();
            var amount = roll < 0.08 ? RoundThousand(plan * (1.02m + (decimal)random.NextDouble() * 0.08m))
                : roll < 0.20 ? RoundThousand(plan * (0.90m + (decimal)random.NextDouble() * 0.08m))
                : RoundThousand(plan);
            // Most divisions follow a 縮小 verdict and ask no more than last year's budget.
            if (c is { Verdict: Direction.Reduce, PreviousBudget: long before } && amount > before && random.NextDouble() < 0.8) amount = RoundThousand(before);
            var national = roll < 0.6 ? RoundThousand(amount / 4m) : 0;
            var prefectural = roll is > 0.3 and < 0.5 ? RoundThousand(amount / 10m) : 0;
            var division = divisionById[p.OwnerUnitId];
            var request = new BudgetRequest
            {
                FiscalYear = year, ProjectId = p.Id, OrgUnitId = p.OwnerUnitId, Expenditure = amount,
                Funding = Funding.None with { National = national, Prefectural = prefectural, General = amount - national - prefectural },
                Reason = amount > plan ? $"{p.Name}の対象者の増加に対応するため、実施計画の額を上回って要求する。" : $"{p.Name}を実施計画どおり継続するため、前年度の実績を踏まえて要求する。",
                SubmittedBy = $"{division.Name}長", SubmittedAt = submittedAt,
            };
            requests.Add(request);
            findingsOf[p.Id] = BudgetChecks.Check(amount, c, directions);
        }
        await BulkInsert.RunAsync(db, requests, ct);
        var divisionIds = divisions.Select(d => d.Id).ToList();
        var ids = await db.BudgetRequests.AsNoTracking().Where(r => r.FiscalYear == year && divisionIds.Contains(r.OrgUnitId))
            .Select(r => new { r.Id, r.ProjectId }).ToDictionaryAsync(r => r.ProjectId, r => r.Id, ct);

        var projectOf = ids.ToDictionary(x => x.Value, x => x.Key);
        var entries = new List<BudgetStageEntry>();
        var commits = new List<BudgetStageCommit>();
        var frames = new List<BudgetFrame>();
        var assessed = new Dictionary<int, long>();
        foreach (var group in requests.GroupBy(r => departmentNumber[divisionById[r.OrgUnitId].ParentId!.Value]).OrderBy(g => g.Key))
        {
            var number = group.Key;
            var department = departments[number - 1];
            var financeCommitted = number > 1;
            var mayorCommitted = number > 1 && number <= MayorDoneThrough;
            var requestEntries = new List<BudgetStageEntry>();
            var financeEntries = new List<BudgetStageEntry>();
            var mayorEntries = new List<BudgetStageEntry>();
            var mayorDraftDone = false;
            foreach (var r in group)
            {
                var id = ids[r.ProjectId];
                var c = context[r.ProjectId];
                var request = Entry(id, r, BudgetStage.Request, r.Reason, r.SubmittedBy!, submittedAt, committed: true);
                request.CheckReason = findingsOf[r.ProjectId].Count == 0 ? null : RequestReason(findingsOf[r.ProjectId][0]);
                requestEntries.Add(request);

                var cut = random.NextDouble() < 0.55 ? RoundThousand(r.Expenditure * (decimal)(random.NextDouble() * 0.08)) : 0;
                // A 縮小 verdict is followed in the assessment: the increase over last year is taken out.
                if (c is { Verdict: Direction.Reduce, PreviousBudget: long before } && r.Expenditure > before) cut = Math.Max(cut, r.Expenditure - before);
                cut = Math.Min(cut, r.Funding.General);
                // 第01部's assessment is under way: only the lines the 財政課 has cut so far have a draft.
                if (!financeCommitted && cut == 0) continue;
                var finance = Entry(id, r, BudgetStage.FinanceAssessment, cut == 0 ? null : Cuts[random.Next(Cuts.Length)], Finance, assessedAt, financeCommitted);
                finance.Expenditure -= cut;
                finance.Funding = finance.Funding.WithMoreGeneral(-cut);
                if (financeCommitted && BudgetChecks.Check(finance.Expenditure, c, directions) is { Count: > 0 } after) finance.CheckReason = AssessmentReason(after[0]);
                financeEntries.Add(finance);
                if (!financeCommitted) continue;
                assessed[r.ProjectId] = finance.Expenditure;
                if (mayorCommitted)
                {
                    var mayor = Entry(id, finance, BudgetStage.MayorAssessment, null, Mayor, mayorAt, committed: true);
                    mayor.CheckReason = finance.CheckReason;
                    mayorEntries.Add(mayor);
                }
                else if (number <= MayorUnderWayThrough && cut > 0 && !mayorDraftDone)
                {
                    // The mayor restores half of one cut, a draft until the 部 is committed.
                    var restored = RoundThousand(cut / 2m);
                    var draft = Entry(id, finance, BudgetStage.MayorAssessment, "市民要望の強い事業であり、財政課査定の減額の半分を復活する。", Mayor, mayorAt.AddDays(3), committed: false);
                    draft.Expenditure += restored;
                    draft.Funding = draft.Funding.WithMoreGeneral(restored);
                    mayorEntries.Add(draft);
                    mayorDraftDone = true;
                }
            }
            entries.AddRange(requestEntries);
            entries.AddRange(financeEntries);
            entries.AddRange(mayorEntries);
            if (financeCommitted) commits.Add(Commit(year, BudgetStage.FinanceAssessment, department.Id, financeEntries, Finance, assessedAt));
            if (mayorCommitted)
            {
                commits.Add(Commit(year, BudgetStage.MayorAssessment, department.Id, mayorEntries, Mayor, mayorAt));
                foreach (var m in mayorEntries) assessed[projectOf[m.BudgetRequestId]] = m.Expenditure;
            }
            if (round.Frames.All(f => f.DepartmentId != department.Id))
                frames.Add(new BudgetFrame { BudgetRoundId = round.Id, DepartmentId = department.Id, GeneralFund = RoundThousand(group.Sum(r => r.Funding.General) * (OverFrame.Contains(number) ? 0.96m : 1.03m)) });
        }
        await BulkInsert.RunAsync(db, entries, ct);
        await BulkInsert.RunAsync(db, commits, ct);
        await BulkInsert.RunAsync(db, frames, ct);

        // The budget table's 要求額 and 査定額 are the formulation's.
        var existing = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == year && projectIds.Contains(b.ProjectId)).Select(b => b.ProjectId).ToListAsync(ct);
        var lines = requests.Where(r => !existing.Contains(r.ProjectId))
            .Select(r => new BudgetLine { ProjectId = r.ProjectId, FiscalYear = year, Requested = r.Expenditure, Assessed = assessed.TryGetValue(r.ProjectId, out var a) ? a : null }).ToList();
        await BulkInsert.RunAsync(db, lines, ct);
        return requests.Count + entries.Count + commits.Count + frames.Count + lines.Count;
    }

    private static long RoundThousand(decimal yen) => (long)Math.Round(yen / 1000m) * 1000;

    private static string RequestReason(string finding) => finding.Contains("実施計画", StringComparison.Ordinal)
        ? "対象者の増加により事業費が実施計画策定時の見込みを上回ったため。次の実施計画の改訂で額を見直す。"
        : finding.Contains("指標", StringComparison.Ordinal)
            ? "指標の悪化は利用者の減少によるもので、周知の強化に必要な経費を計上した。効果は次年度の評価で検証する。"
            : "評価の方向性は受け止めているが、国の制度改正への対応が必要なため、この年度に限り増額を要求する。";

    private static string AssessmentReason(string finding) => finding.Contains("実施計画", StringComparison.Ordinal)
        ? "事業の必要性を確認し、実施計画を超える額を認めた。実施計画の改訂を企画課に依頼済み。"
        : "評価の方向性と異なるが、法令に基づく義務的な経費であり、要求額の範囲で認めた。";

    private static BudgetStageEntry Entry(int requestId, IFunded f, BudgetStage stage, string? reason, string by, DateTime at, bool committed) => new()
    {
        BudgetRequestId = requestId, Stage = stage, Expenditure = f.Expenditure, Funding = f.Funding, Reason = reason, RecordedBy = by, RecordedAt = at, Committed = committed,
    };

    private static BudgetStageCommit Commit(int year, BudgetStage stage, int department, List<BudgetStageEntry> entries, string by, DateTime at) => new()
    {
        FiscalYear = year, Stage = stage, DepartmentId = department, CommittedBy = by, CommittedAt = at, Lines = entries.Count,
        Expenditure = entries.Sum(e => e.Expenditure), General = entries.Sum(e => e.Funding.General),
    };
}
