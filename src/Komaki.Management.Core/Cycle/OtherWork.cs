namespace Komaki.Management.Core.Cycle;

/// Work outside the plan's stages that 対応待ち lists and the PDCA board counts: internal control and staffing.
public enum OtherWorkKind
{
    RiskEntry = 1,
    RiskEvaluation = 2,
    DeficiencyCorrection = 3,
    StaffingRequest = 4,
    StaffingAssessment = 5,
    CorrectionConfirmation = 6,
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
        return items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
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
        return list;
    }
}
