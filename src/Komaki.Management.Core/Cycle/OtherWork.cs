namespace Komaki.Management.Core.Cycle;

/// Work outside the plan's stages that 対応待ち lists and the PDCA board counts: internal control, staffing and 予算編成.
public enum OtherWorkKind
{
    RiskEntry = 1,
    RiskEvaluation = 2,
    DeficiencyCorrection = 3,
    StaffingRequest = 4,
    StaffingAssessment = 5,
    CorrectionConfirmation = 6,
    /// 予算編成: a 課's requests to submit, a stage to commit for a 部, a 内示 to answer with 復活要求 or not.
    BudgetSubmission = 7,
    BudgetStage = 8,
    BudgetRestoration = 9,
    /// 評価の効き目 of an evaluation year ready to publish (the next year's 予算案 committed) and not yet published.
    BudgetEffectPublication = 10,
}

/// One item: what, for which division (or record), by when. RecordId is the risk for a correction, else null.
public sealed record OtherWorkItem(OtherWorkKind Kind, string Task, string Subject, int Year, int? UnitId, int? RecordId, DateOnly? DueOn);

/// A step counted city-wide for the board: how many are done of how many, against the due date.
public sealed record OtherStageCount(string Area, string Stage, DateOnly? DueOn, int Done, int Of)
{
    public bool Overdue(DateOnly today) => DueOn < today && Done < Of;
}

/// What internal control and staffing ask of the person now: a division head's risks to submit, corrections and
/// staffing request; the 評価部局's risks to evaluate; the personnel division's requests to assess — and the counts.
public sealed class OtherWork(AppDbContext db) : IUseCase
{
    public async Task<List<OtherWorkItem>> ForAsync(Actor actor, OrgTree org, int year, DateOnly today)
    {
        var items = new List<OtherWorkItem>();
        var policy = await db.ControlPolicies.AsNoTracking().Where(p => !p.AwaitingConfirmation).OrderByDescending(p => p.Edition).FirstOrDefaultAsync();
        var cycle = await db.ControlYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year);
        var head = actor.IsIn(Roles.DepartmentHead) && actor.UnitId is not null;
        var units = actor.UnitId is int mine ? org.SelfAndDescendants(mine).ToList() : [];
        if (head)
        {
            // One read for both: the division's risks still in draft this year, and its risks with a deficiency open.
            var entering = cycle?.RequestedOn is not null && cycle.ConsolidatedOn is null;
            var risks = await db.ControlRisks.AsNoTracking().Include(r => r.Deficiencies.Where(d => d.CorrectedOn == null))
                .Where(r => units.Contains(r.OrgUnitId) && (entering && r.FiscalYear == year && r.State == RiskState.Draft || r.Deficiencies.Any(d => d.CorrectedOn == null))).ToListAsync();
            foreach (var g in risks.Where(r => entering && r.FiscalYear == year && r.State == RiskState.Draft).GroupBy(r => r.OrgUnitId))
                items.Add(new(OtherWorkKind.RiskEntry, $"内部統制のリスクの提出（{g.Count()}件）", org.PathName(g.Key), year, g.Key, null, cycle!.EntryDue));
            foreach (var r in risks)
                items.AddRange(r.Deficiencies.Select(d => new OtherWorkItem(OtherWorkKind.DeficiencyCorrection, $"{d.Kind.Label()}の是正（{r.Code}）", org.PathName(r.OrgUnitId), r.FiscalYear, r.OrgUnitId, r.Id, d.DueOn)));
        }
        if (ControlAccess.IsEvaluation(actor, policy, org) && cycle is not null)
        {
            var waiting = await db.ControlRisks.CountAsync(r => r.FiscalYear == year && r.State == RiskState.Submitted);
            if (waiting > 0) items.Add(new(OtherWorkKind.RiskEvaluation, $"内部統制の整備・運用状況の評価（{waiting}件）", "全庁", year, null, null, cycle.EvaluationDue));
        }
        if (ControlAccess.IsEvaluation(actor, policy, org) || ControlAccess.IsPromotion(actor, policy, org))
        {
            // Corrections a division recorded that the 評価部局 has not confirmed or sent back (not its own division's).
            var corrected = await db.ControlDeficiencies.AsNoTracking().Where(d => d.CorrectedOn != null && d.CorrectionConfirmedOn == null)
                .Join(db.ControlRisks.AsNoTracking(), d => d.ControlRiskId, r => r.Id, (d, r) => new { d.Kind, d.CorrectedOn, Risk = r }).ToListAsync();
            foreach (var c in corrected.Where(c => ControlAccess.CheckConfirmCorrection(actor, c.Risk, new ControlDeficiency { CorrectedOn = c.CorrectedOn }, policy, org) is null))
                items.Add(new(OtherWorkKind.CorrectionConfirmation, $"{c.Kind.Label()}の是正の確認（{c.Risk.Code}）", org.PathName(c.Risk.OrgUnitId), c.Risk.FiscalYear, c.Risk.OrgUnitId, c.Risk.Id, null));
        }
        var staffing = await db.StaffingYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year);
        if (staffing is not null && today >= staffing.RequestDue.AddDays(-DueWork.LookAheadDays))
        {
            if (head)
            {
                var draft = (await db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == year && l.State == StaffingState.Draft && units.Contains(l.OrgUnitId)).Select(l => l.OrgUnitId).ToListAsync()).Distinct();
                items.AddRange(draft.Select(u => new OtherWorkItem(OtherWorkKind.StaffingRequest, $"次年度の定員の要求（{Wareki.FiscalYearShort(year + 1)}）", org.PathName(u), year, u, null, staffing.RequestDue)));
            }
            if (actor.IsIn(Roles.Personnel))
            {
                var requested = (await db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == year && l.State == StaffingState.Requested).Select(l => l.OrgUnitId).ToListAsync()).Distinct();
                items.AddRange(requested.Select(u => new OtherWorkItem(OtherWorkKind.StaffingAssessment, "定員の要求の査定", org.PathName(u), year, u, null, staffing.AssessmentDue)));
            }
        }
        items.AddRange(await BudgetWorkAsync(actor, org, year + 1, today, head, units));
        // The report of a budget as decided is due by the day that budget year begins (1 April of N+1).
        if (BudgetFormulation.BudgetAccess.IsFinance(actor))
            items.AddRange((await new BudgetFormulation.EffectPublications(db, new BudgetFormulation.BudgetEffect(db)).WaitingAsync(year, org))
                .Select(y => new OtherWorkItem(OtherWorkKind.BudgetEffectPublication, $"評価の効き目の公表（{Wareki.FiscalYearShort(y)}の評価）", "全庁", y, null, null, new DateOnly(y + 1, 4, 1))));
        return items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
    }

    /// 予算編成 of the budget year (next year's budget, compiled this year): a head's requests not yet submitted and the
    /// 内示 open to 復活要求; the 財政課's (and for 市長査定 the executives') next stage to commit per 部.
    private async Task<List<OtherWorkItem>> BudgetWorkAsync(Actor actor, OrgTree org, int budgetYear, DateOnly today, bool head, List<int> units)
    {
        var items = new List<OtherWorkItem>();
        var finance = BudgetFormulation.BudgetAccess.IsFinance(actor);
        var executive = BudgetFormulation.BudgetAccess.IsExecutive(actor);
        if (!head && !finance && !executive) return items;
        // One read for all of it (a union): the round's stages in use with their due dates, the stages committed per 部,
        // and the requests of the year by their 課 and whether they are submitted — every 課's for the 財政課 and the
        // executives (which 部 wait for a stage), the head's own 課 otherwise (what is left to submit).
        var everyUnit = finance || executive;
        var rows = await db.Set<BudgetFormulation.BudgetRoundStage>().AsNoTracking()
            .Where(s => s.InUse && db.BudgetRounds.Any(r => r.Id == s.BudgetRoundId && r.FiscalYear == budgetYear))
            .Select(s => new { Kind = 0, Stage = (int)s.Stage, Unit = 0, Due = (DateOnly?)s.DueOn })
            .Concat(db.BudgetStageCommits.AsNoTracking().Where(c => c.FiscalYear == budgetYear).Select(c => new { Kind = 1, Stage = (int)c.Stage, Unit = c.DepartmentId, Due = (DateOnly?)null }))
            .Concat(db.BudgetRequests.AsNoTracking().Where(q => q.FiscalYear == budgetYear && (everyUnit || units.Contains(q.OrgUnitId))).Select(q => new { Kind = q.SubmittedAt == null ? 3 : 2, Stage = 0, Unit = q.OrgUnitId, Due = (DateOnly?)null }))
            .ToListAsync();
        if (!rows.Any(x => x.Kind == 0)) return items;
        var round = new
        {
            Stages = rows.Where(x => x.Kind == 0).OrderBy(x => x.Stage).Select(x => new { Stage = (BudgetFormulation.BudgetStage)x.Stage, DueOn = x.Due!.Value }).ToList(),
            Commits = rows.Where(x => x.Kind == 1).Select(x => new { DepartmentId = x.Unit, Stage = (BudgetFormulation.BudgetStage)x.Stage }).ToList(),
            Units = rows.Where(x => x.Kind >= 2).Select(x => x.Unit).Distinct().ToList(),
            Open = rows.Where(x => x.Kind == 3 && units.Contains(x.Unit)).Select(x => x.Unit).ToList(),
        };
        var requestStage = round.Stages.FirstOrDefault(s => s.Stage == BudgetFormulation.BudgetStage.Request);
        if (head && requestStage is not null && today >= requestStage.DueOn.AddDays(-DueWork.LookAheadDays - 30))
            items.AddRange(round.Open.GroupBy(u => u).Select(g => new OtherWorkItem(OtherWorkKind.BudgetSubmission, $"予算要求の提出（{g.Count()}件・{Wareki.FiscalYearShort(budgetYear)}）", org.PathName(g.Key), budgetYear, g.Key, null, requestStage.DueOn)));
        if (head && round.Stages.FirstOrDefault(s => s.Stage == BudgetFormulation.BudgetStage.Restoration) is { } restoration)
        {
            var department = actor.UnitId is int mine ? org.DepartmentOf(mine)?.Id : null;
            if (department is int d && round.Commits.Any(c => c.DepartmentId == d && c.Stage == BudgetFormulation.BudgetStage.Notice) && !round.Commits.Any(c => c.DepartmentId == d && c.Stage == BudgetFormulation.BudgetStage.Restoration))
                items.Add(new(OtherWorkKind.BudgetRestoration, $"内示の確認と復活要求（{Wareki.FiscalYearShort(budgetYear)}）", org.PathName(actor.UnitId), budgetYear, actor.UnitId, null, restoration.DueOn));
        }
        if (finance || executive)
        {
            foreach (var d in round.Units.Select(u => org.DepartmentOf(u)?.Id).OfType<int>().Distinct().OrderBy(d => org.Find(d)?.SortOrder ?? 0))
            {
                var next = round.Stages.FirstOrDefault(s => s.Stage != BudgetFormulation.BudgetStage.Request && !round.Commits.Any(c => c.DepartmentId == d && c.Stage == s.Stage));
                if (next is null) continue;
                var mayor = next.Stage == BudgetFormulation.BudgetStage.MayorAssessment;
                if (mayor || finance)
                    items.Add(new(OtherWorkKind.BudgetStage, $"{next.Stage.Label()}の確定（{Wareki.FiscalYearShort(budgetYear)}）", org.PathName(d), budgetYear, d, null, next.DueOn));
            }
        }
        return items;
    }

    /// The board's counts for the year: risks submitted and evaluated, deficiencies corrected, divisions requesting and assessed.
    public async Task<List<OtherStageCount>> StagesAsync(int year)
    {
        var list = new List<OtherStageCount>();
        var cycle = await db.ControlYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year);
        if (cycle is not null)
        {
            var states = await db.ControlRisks.AsNoTracking().Where(r => r.FiscalYear == year).GroupBy(r => r.State).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
            var all = states.Sum(s => s.N);
            var submitted = states.Where(s => s.Key != RiskState.Draft).Sum(s => s.N);
            list.Add(new("内部統制", "リスクの提出", cycle.EntryDue, submitted, all));
            list.Add(new("内部統制", "整備・運用状況の評価", cycle.EvaluationDue, states.Where(s => s.Key == RiskState.Evaluated).Sum(s => s.N), submitted));
            var deficiencies = await db.ControlDeficiencies.AsNoTracking().Where(d => db.ControlRisks.Any(r => r.Id == d.ControlRiskId && r.FiscalYear == year)).Select(d => d.CorrectedOn != null).ToListAsync();
            list.Add(new("内部統制", "不備の是正", null, deficiencies.Count(c => c), deficiencies.Count));
        }
        var staffing = await db.StaffingYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year);
        if (staffing is not null)
        {
            var lines = await db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == year).Select(l => new { l.OrgUnitId, l.State }).ToListAsync();
            var divisions = lines.GroupBy(l => l.OrgUnitId).ToList();
            list.Add(new("定員管理", "次年度の要求", staffing.RequestDue, divisions.Count(d => d.All(l => l.State != StaffingState.Draft)), divisions.Count));
            var requested = divisions.Where(d => d.Any(l => l.State != StaffingState.Draft)).ToList();
            list.Add(new("定員管理", "要求の査定", staffing.AssessmentDue, requested.Count(d => d.All(l => l.State == StaffingState.Assessed)), requested.Count));
        }
        var round = await db.BudgetRounds.AsNoTracking().Include(r => r.Stages).FirstOrDefaultAsync(r => r.FiscalYear == year + 1);
        if (round is not null)
        {
            var requests = await db.BudgetRequests.AsNoTracking().Where(r => r.FiscalYear == year + 1).Select(r => new { r.OrgUnitId, Submitted = r.SubmittedAt != null }).ToListAsync();
            var commits = await db.BudgetStageCommits.AsNoTracking().Where(c => c.FiscalYear == year + 1).Select(c => new { c.Stage, c.DepartmentId }).ToListAsync();
            var org = new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync());
            var departments = requests.Select(r => org.DepartmentOf(r.OrgUnitId)?.Id ?? r.OrgUnitId).Distinct().Count();
            foreach (var stage in round.InUse)
            {
                list.Add(stage.Stage == BudgetFormulation.BudgetStage.Request
                    ? new("予算編成", "要求の提出（行）", stage.DueOn, requests.Count(r => r.Submitted), requests.Count)
                    : new("予算編成", stage.Stage.Label() + "（部）", stage.DueOn, commits.Count(c => c.Stage == stage.Stage), departments));
            }
            // The year's evaluations traced into this budget: published once the 予算案 is committed.
            list.Add(new("予算編成", "評価の効き目の公表", new DateOnly(year + 1, 4, 1), await db.EffectPublications.AnyAsync(p => p.FiscalYear == year) ? 1 : 0, 1));
        }
        return list;
    }
}
