using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.BudgetFormulation;

/// 予算編成 of the budget year (next year's budget, compiled this year) in 対応待ち and on the board: a head's
/// requests not yet submitted and the 内示 open to 復活要求; the 財政課's (and for 市長査定 the executives') next stage
/// to commit per 部 — and the round's counts.
public sealed class BudgetFormulationWork(AppDbContext db, EffectPublications publications) : IWaitingContribution, IBoardContribution
{
    public IReadOnlyCollection<Type> Covers { get; } = [typeof(BudgetRoundStage), typeof(EffectPublication)];

    public IReadOnlyList<string>? AreasFor(Actor actor) => [DataArea.Do, DataArea.Organization, DataArea.Publishing];

    public IReadOnlyList<string>? Areas { get; } = [DataArea.Publishing, DataArea.Organization, DataArea.Do];

    public async Task<IReadOnlyList<WaitingItem>> ForAsync(WorkAsker asker, CancellationToken ct = default)
    {
        var (actor, org, budgetYear, today) = (asker.Actor, asker.Org, asker.FiscalYear + 1, asker.Today);
        var items = new List<WaitingItem>();
        var head = actor.IsIn(Roles.DepartmentHead) && actor.UnitId is not null;
        var units = head ? org.SelfAndDescendants(actor.UnitId!.Value).ToList() : [];
        var finance = BudgetAccess.IsFinance(actor);
        var executive = BudgetAccess.IsExecutive(actor);
        if (!head && !finance && !executive) return items;
        // 評価の効き目 of a year ready to publish (the next year's 予算案 committed), due by the day that budget year begins.
        if (finance)
            items.AddRange((await publications.WaitingAsync(asker.FiscalYear, org)).Select(y => new WaitingItem(WaitingSection.Other, "budget", new DateOnly(y + 1, 4, 1),
                $"評価の効き目の公表（{Wareki.FiscalYearShort(y)}に行った評価）", "全庁", "全庁", new("BudgetEffectPublications", "Publish", new { year = y })) { Kind = "BudgetEffectPublication", Year = y }));
        // One read for all of it (a union): the round's stages in use with their due dates, the stages committed per 部,
        // and the requests of the year by their 課 and whether they are submitted — every 課's for the 財政課 and the
        // executives (which 部 wait for a stage), the head's own 課 otherwise (what is left to submit).
        var everyUnit = finance || executive;
        var rows = await db.Set<BudgetRoundStage>().AsNoTracking()
            .Where(s => s.InUse && db.BudgetRounds.Any(r => r.Id == s.BudgetRoundId && r.FiscalYear == budgetYear))
            .Select(s => new { Kind = 0, Stage = (int)s.Stage, Unit = 0, Due = (DateOnly?)s.DueOn })
            .Concat(db.BudgetStageCommits.AsNoTracking().Where(c => c.FiscalYear == budgetYear).Select(c => new { Kind = 1, Stage = (int)c.Stage, Unit = c.DepartmentId, Due = (DateOnly?)null }))
            .Concat(db.BudgetRequests.AsNoTracking().Where(q => q.FiscalYear == budgetYear && (everyUnit || units.Contains(q.OrgUnitId))).Select(q => new { Kind = q.SubmittedAt == null ? 3 : 2, Stage = 0, Unit = q.OrgUnitId, Due = (DateOnly?)null }))
            .ToListAsync(ct);
        if (!rows.Any(x => x.Kind == 0)) return items.OrderBy(i => i.DueOn).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
        var stages = rows.Where(x => x.Kind == 0).OrderBy(x => x.Stage).Select(x => new { Stage = (BudgetStage)x.Stage, DueOn = x.Due!.Value }).ToList();
        var commits = rows.Where(x => x.Kind == 1).Select(x => new { DepartmentId = x.Unit, Stage = (BudgetStage)x.Stage }).ToList();
        var requesting = rows.Where(x => x.Kind >= 2).Select(x => x.Unit).Distinct().ToList();
        var open = rows.Where(x => x.Kind == 3 && units.Contains(x.Unit)).Select(x => x.Unit).ToList();
        WaitingItem Item(string kind, DateOnly due, string task, int? unit, WorkLink link) =>
            new(WaitingSection.Other, "budget", due, task, org.PathName(unit), org.PathName(unit), link) { Kind = kind };
        var requestStage = stages.FirstOrDefault(s => s.Stage == BudgetStage.Request);
        if (head && requestStage is not null && today >= requestStage.DueOn.AddDays(-WorkWindow.LookAheadDays - 30))
            items.AddRange(open.GroupBy(u => u).Select(g => Item("BudgetSubmission", requestStage.DueOn, $"予算要求の提出（{g.Count()}件・{Wareki.FiscalYearShort(budgetYear)}）", g.Key, new("BudgetFormulation", "Index", new { year = budgetYear }))));
        if (head && stages.FirstOrDefault(s => s.Stage == BudgetStage.Restoration) is { } restoration)
        {
            var department = org.DepartmentOf(actor.UnitId!.Value)?.Id;
            if (department is int d && commits.Any(c => c.DepartmentId == d && c.Stage == BudgetStage.Notice) && !commits.Any(c => c.DepartmentId == d && c.Stage == BudgetStage.Restoration))
                items.Add(Item("BudgetRestoration", restoration.DueOn, $"内示の確認と復活要求（{Wareki.FiscalYearShort(budgetYear)}）", actor.UnitId, new("BudgetFormulation", "Index", new { year = budgetYear })));
        }
        if (everyUnit)
        {
            foreach (var d in requesting.Select(u => org.DepartmentOf(u)?.Id).OfType<int>().Distinct().OrderBy(d => org.Find(d)?.SortOrder ?? 0))
            {
                var next = stages.FirstOrDefault(s => s.Stage != BudgetStage.Request && !commits.Any(c => c.DepartmentId == d && c.Stage == s.Stage));
                if (next is null) continue;
                if (next.Stage == BudgetStage.MayorAssessment || finance)
                    items.Add(Item("BudgetStage", next.DueOn, $"{next.Stage.Label()}の確定（{Wareki.FiscalYearShort(budgetYear)}）", d, new("BudgetFormulation", "Department", new { year = budgetYear, departmentId = d })));
            }
        }
        return items.OrderBy(i => i.DueOn).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
    }

    /// Requests submitted (lines), and each later stage committed (部).
    public async Task<IReadOnlyList<BoardStage>> StagesAsync(int year, CancellationToken ct = default)
    {
        var round = await db.BudgetRounds.AsNoTracking().Include(r => r.Stages).FirstOrDefaultAsync(r => r.FiscalYear == year + 1, ct);
        if (round is null) return [];
        // The year's evaluations traced into this budget: published once the 予算案 is committed.
        var published = await db.EffectPublications.AnyAsync(p => p.FiscalYear == year, ct);
        var requests = await db.BudgetRequests.AsNoTracking().Where(r => r.FiscalYear == year + 1).Select(r => new { r.OrgUnitId, Submitted = r.SubmittedAt != null }).ToListAsync(ct);
        var commits = await db.BudgetStageCommits.AsNoTracking().Where(c => c.FiscalYear == year + 1).Select(c => new { c.Stage, c.DepartmentId }).ToListAsync(ct);
        var org = new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        var departments = requests.Select(r => org.DepartmentOf(r.OrgUnitId)?.Id ?? r.OrgUnitId).Distinct().Count();
        return round.InUse.Select(stage => stage.Stage == BudgetStage.Request
            ? new BoardStage("予算編成", "要求の提出（行）", stage.DueOn, requests.Count(r => r.Submitted), requests.Count)
            : new BoardStage("予算編成", stage.Stage.Label() + "（部）", stage.DueOn, commits.Count(c => c.Stage == stage.Stage), departments))
            .Append(new BoardStage("予算編成", "評価の効き目の公表", new DateOnly(year + 1, 4, 1), published ? 1 : 0, 1)).ToList();
    }
}
