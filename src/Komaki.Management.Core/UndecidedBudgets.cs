using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core;

/// Which 要求額 and 査定額 are not decided yet, and who may read them (docs/budget-formulation.md): in a year under
/// 予算編成 (its policy set) a 部's lines are undecided until its 予算案 is committed, and until then they are read as
/// the 予算編成 pages read requests (BudgetAccess.CanRead: the 課 and its 部, the 財政課, the executives and
/// planning). Every page and export that shows these amounts outside 予算編成 asks here: the budget table and its
/// comparison, the project page, the budget-line form and its history, the improvement answers. It sits above the
/// features (as ElementConnections does) so that Budgets and Evaluation ask it without depending on 予算編成.
public sealed class UndecidedBudgets
{
    /// Per year with a policy: the 部 whose 予算案 is committed.
    private readonly Dictionary<int, HashSet<int>> _decidedByYear;

    private UndecidedBudgets(Dictionary<int, HashSet<int>> decidedByYear) => _decidedByYear = decidedByYear;

    public static readonly UndecidedBudgets None = new([]);

    /// What the note beside withheld amounts says.
    public const string Note = "予算編成中のため、ほかの部・課の要求額と査定額は予算案の確定まで表示しません（その課と部、財政課・企画課・市長・副市長は予算編成の画面で見られます）。";

    public bool IsUndecided(int year, int unitId, OrgTree org) =>
        _decidedByYear.TryGetValue(year, out var decided) && !decided.Contains(org.DepartmentOf(unitId)?.Id ?? unitId);

    /// Whether the person may not read the year's 要求額 and 査定額 of a line of this unit (the project's 課).
    public bool Hides(Actor actor, int year, int unitId, OrgTree org) => IsUndecided(year, unitId, org) && !BudgetAccess.CanRead(actor, unitId, org);

    /// Whether some 部's undecided 要求額・査定額 of the year are not the person's to read: a report over every 部 (評価の
    /// 効き目, whose next year is under 予算編成) then waits for the 予算案 for them.
    public bool HidesAny(Actor actor, int year, OrgTree org) =>
        _decidedByYear.ContainsKey(year) && org.Roots.Any(d => IsUndecided(year, d.Id, org) && !BudgetAccess.CanRead(actor, d.Id, org));

    public static string EffectWaits(int year) =>
        $"{Wareki.FiscalYear(year)}の予算編成中（予算案の確定前）のため、この年度の評価の効き目は財政課・企画課・市長・副市長だけが見られます。予算案が確定すると、すべての職員が見られます。";

    public const string Refused = "この年度の要求額・査定額は予算編成中（予算案の確定前）のため、その課と部、財政課・企画課・市長・副市長だけが見られます。";

    /// The rows as this reader may read them: others' undecided 要求額・査定額 withheld (and so left out of any total).
    public List<BudgetRow> Seen(IEnumerable<BudgetRow> rows, int year, Actor actor, OrgTree org) =>
        rows.Select(r => Hides(actor, year, r.OwnerUnitId, org) ? r with { Figures = r.Figures.Withhold() } : r).ToList();

    /// The rule for the given years (every year when null), in two reads.
    public static async Task<UndecidedBudgets> LoadAsync(AppDbContext db, IReadOnlyCollection<int>? years = null, CancellationToken ct = default)
    {
        var rounds = await db.BudgetRounds.AsNoTracking().Where(r => years == null || years.Contains(r.FiscalYear)).Select(r => r.FiscalYear).ToListAsync(ct);
        if (rounds.Count == 0) return None;
        var decided = await db.BudgetStageCommits.AsNoTracking().Where(c => c.Stage == BudgetStage.Proposal && rounds.Contains(c.FiscalYear))
            .Select(c => new { c.FiscalYear, c.DepartmentId }).ToListAsync(ct);
        return new(rounds.Distinct().ToDictionary(y => y, y => decided.Where(d => d.FiscalYear == y).Select(d => d.DepartmentId).ToHashSet()));
    }
}

/// The rule of the years a page shows (UndecidedBudgets), for controllers.
public sealed class BudgetDecisions(AppDbContext db) : IUseCase
{
    /// What the rule reads: the year's policy and its commits (Do).
    public static readonly IReadOnlyList<string> Areas = [DataArea.Do];

    public Task<UndecidedBudgets> ForYearsAsync(IReadOnlyCollection<int> years) => UndecidedBudgets.LoadAsync(db, years);
}
