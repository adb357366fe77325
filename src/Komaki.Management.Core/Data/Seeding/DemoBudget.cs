using Komaki.Management.Core.Common;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Data.Seeding;

/// The demo city in the middle of 令和9年度 当初予算: the 財政課's policy and frames, a request for every project whose
/// 課 has filed it (the rest are still arriving), 財政課査定 committed for every 部, 市長査定 committed for three 部 and
/// under way in two more, two 部 over their frame, and the requests and assessments that go against the evaluation
/// with their reasons. The amounts are the budget table's: 要求額 as filed, 査定額 from the latest assessment.
internal sealed class DemoBudget(AppDbContext db)
{
    private const int Year = 2027;
    private const string Finance = "zaisei@komaki.example";
    private const string Mayor = "shicho@komaki.example";
    private static readonly string[] OverFrame = ["都市建設部", "福祉部"];
    /// 部 with projects (市長公室・総務部・財務部 own none, so they make no requests).
    private static readonly string[] MayorDone = ["健康生活部", "こども未来部", "消防本部"];
    private static readonly string[] MayorUnderWay = ["都市建設部", "市民生活部"];
    /// The 部 whose 市長査定 was heard first: its 内示 is out, a 復活要求 came in and the 財政課 is answering it.
    private const string AheadDepartment = "健康生活部";

    private static readonly string[] Cuts =
    [
        "委託料の積算単価を直近の契約実績で見直し、減額する。",
        "前年度の執行率を踏まえ、需用費を減額する。",
    ];

    public async Task SeedAsync(Dictionary<string, OrgUnit> units, CancellationToken ct)
    {
        var org = new OrgTree(units.Values);
        var random = new Random(20261201);
        var lines = await db.BudgetLines.Include(b => b.Project).Where(b => b.FiscalYear == Year && b.Requested != null).ToListAsync(ct);
        // Every 課 has filed at least one request: one whose lines were all still arriving files its first project's.
        var filed = lines.Select(l => l.Project!.OwnerUnitId).ToHashSet();
        var active = await db.Projects.Where(p => p.RetiredAt == null && p.StartYear <= Year && (p.EndYear == null || p.EndYear >= Year)).OrderBy(p => p.Code).ToListAsync(ct);
        foreach (var p in active.Where(p => !filed.Contains(p.OwnerUnitId)).GroupBy(p => p.OwnerUnitId).Select(g => g.First()))
        {
            var existing = await db.BudgetLines.FirstOrDefaultAsync(b => b.ProjectId == p.Id && b.FiscalYear == Year, ct);
            var line = existing ?? new BudgetLine { Project = p, ProjectId = p.Id, FiscalYear = Year };
            line.Project = p;
            line.Requested = await db.ImplementationPlanLines.Where(l => l.ProjectId == p.Id && l.FiscalYear == Year).OrderByDescending(l => l.ImplementationPlanId).Select(l => (long?)l.Cost).FirstOrDefaultAsync(ct) ?? 10_000_000;
            if (existing is null) db.BudgetLines.Add(line);
            lines.Add(line);
            filed.Add(p.OwnerUnitId);
        }
        var edition = await db.ImplementationPlans.Where(p => p.FiscalYear <= Year).OrderByDescending(p => p.FiscalYear).Select(p => p.Id).FirstAsync(ct);
        var plan = await db.ImplementationPlanLines.Where(l => l.ImplementationPlanId == edition && l.FiscalYear == Year).ToDictionaryAsync(l => l.ProjectId, ct);
        var context = await new BudgetFormulationPages(db).ContextAsync(Year, lines.Select(l => l.ProjectId).ToList());
        var directions = DirectionCatalog.Default;

        var round = BudgetRound.Defaults(Year);
        round.Policy = "歳入は市税の伸びが見込めない一方、扶助費と施設の更新費が増え続けている。各部は一般財源の枠の内で要求し、事務事業評価で「縮小」「廃止」とした事業は評価どおりに見直すこと。"
            + "評価と異なる要求をするときは、その理由を要求書に明記すること。新規事業は既存事業の見直しと併せて要求すること。";
        DateOnly[] due = [new(2026, 11, 13), new(2026, 12, 4), new(2026, 12, 18), new(2026, 12, 25), new(2027, 1, 8), new(2027, 1, 15), new(2027, 1, 29)];
        foreach (var s in round.Stages) s.DueOn = due[(int)s.Stage - 1];
        db.BudgetRounds.Add(round);

        var submittedAt = new DateTime(2026, 11, 12, 6, 0, 0, DateTimeKind.Utc);
        var assessedAt = new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc);
        var mayorAt = new DateTime(2026, 12, 4, 5, 0, 0, DateTimeKind.Utc);
        var requests = new List<(BudgetRequest Request, int Department)>();
        foreach (var b in lines.OrderBy(l => l.Project!.Code, StringComparer.Ordinal))
        {
            var p = b.Project!;
            var amount = b.Requested!.Value;
            var r = new BudgetRequest
            {
                FiscalYear = Year, ProjectId = p.Id, OrgUnitId = p.OwnerUnitId, IsNew = p.StartYear == Year, Expenditure = amount,
                Reason = p.StartYear == Year ? $"実施計画に位置付けた{p.Name}を開始するため、初年度の経費を要求する。" : $"{p.Name}を実施計画どおり継続するため、前年度の実績を踏まえて要求する。",
                EnteredBy = org.Find(p.OwnerUnitId)?.Name == "道路課" ? "doro-tanto@komaki.example" : null,
                SubmittedBy = org.Find(p.OwnerUnitId)?.Name == "道路課" ? "doro-kacho@komaki.example" : $"{org.Find(p.OwnerUnitId)?.Name}長",
                SubmittedAt = submittedAt,
            };
            Split(r, amount, plan.GetValueOrDefault(p.Id));
            var findings = BudgetChecks.Check(amount, context[p.Id], directions);
            var request = Entry(r, BudgetStage.Request, r.Reason, r.SubmittedBy, submittedAt);
            // Submitting records the request as its committed 要求 stage (BudgetFormulationCommands.SubmitAsync).
            request.Committed = true;
            request.CheckReason = findings.Count == 0 ? null : RequestReason(findings[0]);
            r.Entries.Add(request);
            requests.Add((r, org.DepartmentOf(p.OwnerUnitId)!.Id));
            db.BudgetRequests.Add(r);
        }

        foreach (var group in requests.GroupBy(x => x.Department))
        {
            var department = org.Find(group.Key)!.Name;
            foreach (var (r, _) in group)
            {
                var cut = random.NextDouble() < 0.55 ? RoundThousand(r.Expenditure * (decimal)(random.NextDouble() * 0.08)) : 0;
                var findings = BudgetChecks.Check(r.Expenditure, context[r.ProjectId], directions);
                // A 縮小 or 廃止 verdict is followed in the assessment: the increase over last year is taken out.
                if (context[r.ProjectId] is { PreviousBudget: long before, Verdict: Direction v } && (BudgetChecks.IsReduce(v) || BudgetChecks.IsAbolish(v)) && r.Expenditure > before)
                    cut = Math.Max(cut, r.Expenditure - before);
                cut = Math.Min(cut, r.Funding.General);
                var assessed = Entry(r, BudgetStage.FinanceAssessment, cut == 0 ? null : CutReason(r.Project!.Name, random), Finance, assessedAt);
                assessed.Expenditure -= cut;
                assessed.Funding = assessed.Funding.WithMoreGeneral(-cut);
                assessed.Committed = true;
                var after = BudgetChecks.Check(assessed.Expenditure, context[r.ProjectId], directions);
                assessed.CheckReason = after.Count == 0 ? null : AssessmentReason(after[0]);
                r.Entries.Add(assessed);
                if (MayorDone.Contains(department))
                {
                    var mayor = Entry(assessed, BudgetStage.MayorAssessment, null, Mayor, mayorAt);
                    mayor.Committed = true;
                    mayor.CheckReason = assessed.CheckReason;
                    r.Entries.Add(mayor);
                }
            }
            db.BudgetStageCommits.Add(Commit(BudgetStage.FinanceAssessment, group.Key, group.Select(x => x.Request.Entries.Single(e => e.Stage == BudgetStage.FinanceAssessment)).ToList(), Finance, assessedAt));
            if (MayorDone.Contains(department))
                db.BudgetStageCommits.Add(Commit(BudgetStage.MayorAssessment, group.Key, group.Select(x => x.Request.Entries.Single(e => e.Stage == BudgetStage.MayorAssessment)).ToList(), Mayor, mayorAt));
            if (department == AheadDepartment) Ahead(group.Select(x => x.Request).ToList(), group.Key, org);
            if (MayorUnderWay.Contains(department))
            {
                // The mayor restores part of one cut, recorded as a draft until the 部 is committed.
                var r = group.Select(x => x.Request).Where(x => x.Entries.Any(e => e.Stage == BudgetStage.FinanceAssessment && e.Reason is not null)).OrderBy(x => x.ProjectId).First();
                var assessed = r.Entries.Single(e => e.Stage == BudgetStage.FinanceAssessment);
                var restored = RoundThousand((r.Expenditure - assessed.Expenditure) / 2m);
                var draft = Entry(assessed, BudgetStage.MayorAssessment, "市民要望の強い事業であり、財政課査定の減額の半分を復活する。", Mayor, mayorAt.AddDays(3));
                draft.Expenditure += restored;
                draft.Funding = draft.Funding.WithMoreGeneral(restored);
                r.Entries.Add(draft);
            }
            var general = group.Sum(x => x.Request.Funding.General);
            var factor = OverFrame.Contains(department) ? 0.96m : 1.03m;
            round.Frames.Add(new BudgetFrame { DepartmentId = group.Key, GeneralFund = RoundThousand(general * factor) });
        }

        // The budget table carries the latest assessment as 査定額 (内示 and 復活要求 assess nothing).
        foreach (var b in lines)
        {
            var r = requests.First(x => x.Request.ProjectId == b.ProjectId).Request;
            b.Assessed = r.Entries.Where(e => e.Committed && e.Stage is not (BudgetStage.Notice or BudgetStage.Restoration)).OrderByDescending(e => e.Stage).First().Expenditure;
        }
    }

    private void Ahead(List<BudgetRequest> requests, int department, OrgTree org)
    {
        var noticeAt = new DateTime(2026, 12, 5, 2, 0, 0, DateTimeKind.Utc);
        var closedAt = new DateTime(2026, 12, 7, 0, 30, 0, DateTimeKind.Utc);
        var asked = requests.Where(r => r.Entries.Any(e => e.Stage == BudgetStage.FinanceAssessment && e.Reason is not null)).OrderBy(r => r.ProjectId).FirstOrDefault() ?? requests[0];
        var notices = new List<BudgetStageEntry>();
        var restorations = new List<BudgetStageEntry>();
        foreach (var r in requests)
        {
            var mayor = r.Entries.Single(e => e.Stage == BudgetStage.MayorAssessment);
            var notice = Entry(mayor, BudgetStage.Notice, null, Finance, noticeAt);
            notice.Committed = true;
            r.Entries.Add(notice);
            notices.Add(notice);
            var amount = r == asked ? Math.Max(1000, RoundThousand((r.Expenditure - notice.Expenditure) / 2m)) : 0;
            var restoration = Entry(notice, BudgetStage.Restoration, null, Finance, closedAt);
            restoration.Committed = true;
            restoration.Expenditure += amount;
            restoration.Funding = restoration.Funding.WithMoreGeneral(amount);
            if (amount > 0)
            {
                restoration.Reason = "利用者の増加が続いており、事業に当たる会計年度任用職員の報酬を内示額では確保できないため、一部の復活を求める。";
                r.Restorations.Add(new BudgetRestoration
                {
                    Amount = amount, Reason = restoration.Reason, RequestedBy = $"{org.Find(r.OrgUnitId)?.Name}長", RequestedAt = noticeAt.AddDays(1),
                    Granted = RoundThousand(amount / 2m), Answer = "繁忙期の3か月分に限り認める。", AnsweredBy = Finance, AnsweredAt = closedAt.AddHours(2),
                });
            }
            r.Entries.Add(restoration);
            restorations.Add(restoration);
        }
        db.BudgetStageCommits.Add(Commit(BudgetStage.Notice, department, notices, Finance, noticeAt));
        db.BudgetStageCommits.Add(Commit(BudgetStage.Restoration, department, restorations, Finance, closedAt));
    }

    /// A cut's reason in the terms of what the project spends on: works, events, or running costs.
    private static string CutReason(string project, Random random) =>
        project.Contains("整備", StringComparison.Ordinal) || project.Contains("更新", StringComparison.Ordinal) || project.Contains("改良", StringComparison.Ordinal) || project.Contains("長寿命化", StringComparison.Ordinal)
            ? "工事の施工時期を精査し、一部を翌年度に送って減額する。"
            : project.Contains("推進", StringComparison.Ordinal) || project.Contains("啓発", StringComparison.Ordinal) || project.Contains("イベント", StringComparison.Ordinal)
                ? "イベント開催回数を評価の改善内容に合わせて見直し、減額する。"
                : Cuts[random.Next(2)];

    private static long RoundThousand(decimal yen) => (long)Math.Round(yen / 1000m) * 1000;

    /// The request's funding in the shares of the 実施計画's line, 一般財源 taking the rest.
    private static void Split(BudgetRequest r, long amount, ImplementationPlanLine? line)
    {
        var allGeneral = Funding.None with { General = amount };
        if (line is null || line.Cost == 0) { r.Funding = allGeneral; return; }
        long Share(long part) => RoundThousand(amount * (decimal)part / line.Cost);
        var f = line.Funding;
        var (national, prefectural, bonds, other) = (Share(f.National), Share(f.Prefectural), Share(f.Bonds), Share(f.OtherSpecific));
        var general = amount - national - prefectural - bonds - other;
        r.Funding = general < 0 ? allGeneral : new Funding(national, prefectural, bonds, other, general);
    }

    private static string RequestReason(string finding) => finding.Contains("実施計画", StringComparison.Ordinal)
        ? "資材価格の上昇により工事費が実施計画策定時の見込みを上回ったため。次の実施計画の改訂で額を見直す。"
        : finding.Contains("指標", StringComparison.Ordinal)
            ? "指標の悪化は利用者の減少によるもので、周知の強化に必要な経費を計上した。効果は次年度の評価で検証する。"
            : "評価の方向性は受け止めているが、国の制度改正への対応が必要なため、この年度に限り増額を要求する。";

    private static string AssessmentReason(string finding) => finding.Contains("実施計画", StringComparison.Ordinal)
        ? "工事の必要性を確認し、実施計画を超える額を認めた。実施計画の改訂を企画課に依頼済み。"
        : "評価の方向性と異なるが、法令に基づく義務的な経費であり、要求額の範囲で認めた。";

    private static BudgetStageEntry Entry(IFunded f, BudgetStage stage, string? reason, string by, DateTime at) => new()
    {
        Stage = stage, Expenditure = f.Expenditure, Funding = f.Funding, Reason = reason, RecordedBy = by, RecordedAt = at,
    };

    private static BudgetStageCommit Commit(BudgetStage stage, int department, List<BudgetStageEntry> entries, string by, DateTime at) => new()
    {
        FiscalYear = Year, Stage = stage, DepartmentId = department, CommittedBy = by, CommittedAt = at, Lines = entries.Count,
        Expenditure = entries.Sum(e => e.Expenditure), General = entries.Sum(e => e.Funding.General),
    };
}
