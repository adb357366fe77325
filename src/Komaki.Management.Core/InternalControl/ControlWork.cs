using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.InternalControl;

/// 内部統制 in 対応待ち and on the board: a division head's risks to submit and deficiencies to correct, the 評価部局's
/// risks to evaluate, the corrections the 評価部局 and the 推進部局 are to confirm, an edition of the policy that moves the
/// bodies for an administrator other than its proposer to confirm — and the year's counts.
public sealed class ControlWork(AppDbContext db) : IWaitingContribution, IBoardContribution
{
    public IReadOnlyCollection<Type> Covers { get; } = [typeof(ControlYear), typeof(ControlRisk), typeof(ControlDeficiency), typeof(ControlPolicy)];

    /// The policy (who the 評価部局 and the 推進部局 are), the year, the risks and their deficiencies are all Publishing.
    public IReadOnlyList<string>? AreasFor(Actor actor) => [DataArea.Publishing, DataArea.Organization];

    /// With what is published of it (the report's figures), the organisation and the rest of the year's work.
    public IReadOnlyList<string>? Areas { get; } = [DataArea.Publishing, DataArea.Organization, DataArea.Do];

    public async Task<IReadOnlyList<WaitingItem>> ForAsync(WorkAsker asker, CancellationToken ct = default)
    {
        var (actor, org, year) = (asker.Actor, asker.Org, asker.FiscalYear);
        var items = new List<WaitingItem>();
        var policy = await db.ControlPolicies.AsNoTracking().Where(p => !p.AwaitingConfirmation).OrderByDescending(p => p.Edition).FirstOrDefaultAsync(ct);
        var cycle = await db.ControlYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year, ct);
        if (actor.IsIn(Roles.DepartmentHead) && actor.UnitId is int mine)
        {
            var units = org.SelfAndDescendants(mine).ToList();
            // One read for both: the division's risks still in draft this year, and its risks with a deficiency open.
            var entering = cycle?.RequestedOn is not null && cycle.ConsolidatedOn is null;
            var risks = await db.ControlRisks.AsNoTracking().Include(r => r.Deficiencies.Where(d => d.CorrectedOn == null))
                .Where(r => units.Contains(r.OrgUnitId) && (entering && r.FiscalYear == year && r.State == RiskState.Draft || r.Deficiencies.Any(d => d.CorrectedOn == null))).ToListAsync(ct);
            foreach (var g in risks.Where(r => entering && r.FiscalYear == year && r.State == RiskState.Draft).GroupBy(r => r.OrgUnitId))
                items.Add(Item("RiskEntry", cycle!.EntryDue, $"内部統制のリスクの提出（{g.Count()}件）", org.PathName(g.Key), new("Control", "Index", new { year, unitId = g.Key })));
            foreach (var r in risks)
                items.AddRange(r.Deficiencies.Select(d => Item("DeficiencyCorrection", d.DueOn, $"{d.Kind.Label()}の是正（{r.Code}）", org.PathName(r.OrgUnitId), new("Control", "Details", new { id = r.Id }))));
        }
        if (ControlAccess.IsEvaluation(actor, policy, org) && cycle is not null)
        {
            var waiting = await db.ControlRisks.CountAsync(r => r.FiscalYear == year && r.State == RiskState.Submitted, ct);
            if (waiting > 0) items.Add(Item("RiskEvaluation", cycle.EvaluationDue, $"内部統制の整備・運用状況の評価（{waiting}件）", "全庁", new("Control", "Index", new { year, unitId = 0 })));
        }
        if (ControlAccess.IsEvaluation(actor, policy, org) || ControlAccess.IsPromotion(actor, policy, org))
        {
            // Corrections a division recorded that the 評価部局 has not confirmed or sent back (not its own division's).
            var corrected = await db.ControlDeficiencies.AsNoTracking().Where(d => d.CorrectedOn != null && d.CorrectionConfirmedOn == null)
                .Join(db.ControlRisks.AsNoTracking(), d => d.ControlRiskId, r => r.Id, (d, r) => new { d.Kind, d.CorrectedOn, Risk = r }).ToListAsync(ct);
            foreach (var c in corrected.Where(c => ControlAccess.CheckConfirmCorrection(actor, c.Risk, new ControlDeficiency { CorrectedOn = c.CorrectedOn }, policy, org) is null))
                items.Add(Item("CorrectionConfirmation", null, $"{c.Kind.Label()}の是正の確認（{c.Risk.Code}）", org.PathName(c.Risk.OrgUnitId), new("Control", "Details", new { id = c.Risk.Id })));
        }
        if (actor.IsIn(Roles.Administrator))
        {
            var awaiting = await db.ControlPolicies.AsNoTracking().Where(p => p.AwaitingConfirmation).ToListAsync(ct);
            foreach (var p in awaiting.Where(p => p.RefusalToConfirm(asker.UserId) is null))
                items.Add(Item("PolicyConfirmation", null, $"内部統制の方針（第{p.Edition}版）の承認（{p.ProposedByName}が保存）", "全庁", new("ControlPolicy", "Index")));
        }
        return items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
    }

    private static WaitingItem Item(string kind, DateOnly? due, string task, string subject, WorkLink link) =>
        new(WaitingSection.Other, "control", due, task, subject, subject, link) { Kind = kind };

    /// Risks submitted and evaluated, deficiencies corrected.
    public async Task<IReadOnlyList<BoardStage>> StagesAsync(int year, CancellationToken ct = default)
    {
        var cycle = await db.ControlYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year, ct);
        if (cycle is null) return [];
        var states = await db.ControlRisks.AsNoTracking().Where(r => r.FiscalYear == year).GroupBy(r => r.State).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var all = states.Sum(s => s.N);
        var submitted = states.Where(s => s.Key != RiskState.Draft).Sum(s => s.N);
        var deficiencies = await db.ControlDeficiencies.AsNoTracking().Where(d => db.ControlRisks.Any(r => r.Id == d.ControlRiskId && r.FiscalYear == year)).Select(d => d.CorrectedOn != null).ToListAsync(ct);
        return
        [
            new("内部統制", "リスクの提出", cycle.EntryDue, submitted, all),
            new("内部統制", "整備・運用状況の評価", cycle.EvaluationDue, states.Where(s => s.Key == RiskState.Evaluated).Sum(s => s.N), submitted),
            new("内部統制", "不備の是正", null, deficiencies.Count(c => c), deficiencies.Count),
        ];
    }
}
