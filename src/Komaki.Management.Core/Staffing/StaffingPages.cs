using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Staffing;

/// One division's 人工 against its staff for a year: the person-years its evaluations report, the staff it has
/// (4月1日の実員, or the 配分定数 where no 実員 is entered), the difference and whether it is beyond the tolerance; the
/// evaluations' directions beside the staff it requests and is assessed for the next year; and 人件費 from the unit
/// costs of its job types against the staff cost its evaluations report.
public sealed record Reconciliation(int UnitId, decimal PersonYears, int Evaluations, decimal Staff, bool StaffFromAllocation, decimal? Requested, decimal? Assessed,
    decimal Allocated, IReadOnlyDictionary<Direction, int> Directions, long StaffCost, long EvaluationStaffCost, decimal Tolerance)
{
    /// Per employment type, the 人工 the evaluations report (再任用・会計年度任用 as entered, the rest regular) against the
    /// staff of that type — only when every evaluation of the division gives the breakdown (WithoutBreakdown == 0).
    public IReadOnlyList<(Personnel.EmploymentType Type, decimal PersonYears, decimal Staff)> ByEmployment { get; init; } = [];
    public int WithoutBreakdown { get; init; }

    /// 人件費 term by term: per 職種 and 任用形態, the staff × the unit cost used (the 任用形態's own, else the 職種's).
    public IReadOnlyList<string> CostTerms { get; init; } = [];

    public IEnumerable<Personnel.EmploymentType> FlaggedTypes =>
        WithoutBreakdown > 0 ? [] : ByEmployment.Where(b => Math.Abs(b.Staff - b.PersonYears) > Tolerance).Select(b => b.Type);

    /// 職員数 − 人工: positive when the staff are more than the work reported.
    public decimal Difference => Staff - PersonYears;
    /// A division whose evaluations report no 人工 cannot be reconciled (its staff do work no project carries): not flagged.
    public bool Flagged => Evaluations > 0 && Math.Abs(Difference) > Tolerance;

    public string Explain() => Evaluations == 0
        ? "この課の事務事業評価がないため、人工と突合できません。"
        : $"職員 {Staff:0.##}人（{(StaffFromAllocation ? "配分定数" : "4月1日の実員")}）− 事務事業評価の人工 {PersonYears:0.##}（{Evaluations}件の合計）= {Difference:+0.##;-0.##;0}"
        + (Flagged ? $"。許容 ±{Tolerance:0.##} を超えています。" : $"。許容 ±{Tolerance:0.##} の内です。");
}

/// Reads of the 定員管理 screens: lines of the year, the year's settings, the reconciliation and the published table.
public sealed class StaffingPages(AppDbContext db) : IUseCase
{
    /// A division's lines as its form shows them; the personnel division gets an empty row to add a line.
    public static StaffingForm FormOf(IEnumerable<StaffingLine> lines, bool withNewRow)
    {
        var form = new StaffingForm
        {
            Lines = lines.Select(l => new StaffingRow
            {
                Id = l.Id, Version = l.Version, JobType = l.JobType, Employment = l.Employment, Allocated = NumberText.Format(l.Allocated), ActualApril1 = NumberText.Format(l.ActualApril1),
                Requested = NumberText.Format(l.Requested), RequestReason = l.RequestReason, Assessed = NumberText.Format(l.Assessed), AssessmentReason = l.AssessmentReason,
            }).ToList(),
        };
        if (withNewRow) form.Lines.Add(new StaffingRow());
        return form;
    }

    /// What is incomplete before next year's allocation is made from this year's assessment: each 課 of the year's
    /// organisation with no staffing line (it would get no allocation), each whose request was never submitted, and
    /// each whose lines are not all assessed (they would go on with this year's 配分定数).
    public async Task<List<string>> AllocationGapsAsync(int year, OrgTree org)
    {
        var lines = await db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == year).Select(l => new { l.OrgUnitId, l.State, l.Assessed }).ToListAsync();
        return AllocationGaps(year, org, lines.Select(l => (l.OrgUnitId, l.State, l.Assessed)).ToList());
    }

    public static List<string> AllocationGaps(int year, OrgTree org, IReadOnlyCollection<(int UnitId, StaffingState State, decimal? Assessed)> lines)
    {
        var withLines = lines.Select(l => l.UnitId).ToHashSet();
        var none = org.Flatten(u => u.IsValidIn(year)).Select(x => x.Unit).Where(u => u.Level == OrgUnitLevel.Division && !org.SelfAndDescendants(u.Id).Any(withLines.Contains))
            .Select(u => $"{org.PathName(u.Id)}: 定員の行がありません（次年度の配分は作られません）。");
        // One line per 課, so a long list stays readable.
        var gaps = lines.GroupBy(l => l.UnitId).Select(g => g.Count(l => l.Assessed is null) is var open && g.All(l => l.State == StaffingState.Draft)
                ? $"{org.PathName(g.Key)}: 定員の要求が出されていません（{open:N0} 行とも、いまの配分定数のまま次年度に写します）。"
                : open > 0 ? $"{org.PathName(g.Key)}: 査定していない行が {open:N0} 行あります（いまの配分定数のまま次年度に写します）。" : null)
            .OfType<string>();
        return none.Concat(gaps).OrderBy(x => x, StringComparer.Ordinal).ToList();
    }

    /// What the reconciliation reads: the staffing (kept in the organisation's area), the units and the evaluations.
    public static readonly IReadOnlyList<string> ReconcileAreas = [DataArea.Organization, DataArea.Check];

    public Task<StaffingYear?> YearAsync(int year) => db.StaffingYears.AsNoTracking().Include(y => y.UnitCosts).FirstOrDefaultAsync(y => y.FiscalYear == year);

    public Task<List<StaffingLine>> LinesAsync(int year, IReadOnlyCollection<int>? units = null) =>
        db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == year && (units == null || units.Contains(l.OrgUnitId)))
            .OrderBy(l => l.OrgUnitId).ThenBy(l => l.JobType).ThenBy(l => l.Employment).ToListAsync();

    /// Per division (課) of the year: the reconciliation of its evaluations' 人工 with its staff.
    public async Task<List<Reconciliation>> ReconcileAsync(int year, OrgTree org)
    {
        var settings = await YearAsync(year);
        var tolerance = settings?.Tolerance ?? 0.5m;
        var lines = await LinesAsync(year);
        var evaluations = await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == year)
            .Select(e => new { e.OwnerUnitId, e.StaffPersonYears, e.ReappointedPersonYears, e.FiscalYearPersonYears, e.StaffCostPerPersonYear, e.RecordedStaffCost, e.FirstDirection, e.SecondDirection }).ToListAsync();
        var divisions = org.Flatten(u => u.IsValidIn(year)).Where(x => x.Unit.Level == OrgUnitLevel.Division).Select(x => x.Unit.Id).ToList();
        // Each unit's division, so the lines and evaluations are grouped in one pass (a large city has thousands of
        // evaluations and a hundred divisions).
        var divisionOf = new Dictionary<int, int>();
        foreach (var d in divisions)
        {
            foreach (var u in org.SelfAndDescendants(d)) divisionOf.TryAdd(u, d);
        }
        var linesOf = lines.Where(l => divisionOf.ContainsKey(l.OrgUnitId)).ToLookup(l => divisionOf[l.OrgUnitId]);
        var evaluationsOf = evaluations.Where(e => divisionOf.ContainsKey(e.OwnerUnitId)).ToLookup(e => divisionOf[e.OwnerUnitId]);
        var result = new List<Reconciliation>();
        foreach (var d in divisions)
        {
            var mine = linesOf[d].ToList();
            var evals = evaluationsOf[d].ToList();
            if (mine.Count == 0 && evals.Count == 0) continue;
            var fromAllocation = mine.Any(l => l.ActualApril1 is null);
            var staff = mine.Sum(l => l.ActualApril1 ?? l.Allocated);
            var directions = evals.Select(e => e.SecondDirection ?? e.FirstDirection).OfType<Direction>().GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
            var costed = mine.GroupBy(l => (l.JobType, l.Employment)).Select(g => (g.Key.JobType, g.Key.Employment, Staff: g.Sum(l => l.ActualApril1 ?? l.Allocated), Cost: settings?.CostOf(g.Key.JobType, g.Key.Employment) ?? 0))
                .Where(c => c.Staff != 0).ToList();
            var staffCost = costed.Sum(c => (long)Math.Round(c.Staff * c.Cost, MidpointRounding.AwayFromZero));
            var evaluationCost = evals.Sum(e => e.RecordedStaffCost ?? (long)Math.Round(e.StaffPersonYears * e.StaffCostPerPersonYear, MidpointRounding.AwayFromZero));
            result.Add(new Reconciliation(d, evals.Sum(e => e.StaffPersonYears), evals.Count, staff, fromAllocation,
                mine.Any(l => l.Requested is not null) ? mine.Sum(l => l.Requested ?? l.Allocated) : null,
                mine.Any(l => l.Assessed is not null) ? mine.Sum(l => l.Assessed ?? 0) : null,
                mine.Sum(l => l.Allocated), directions, staffCost, evaluationCost, tolerance)
            {
                WithoutBreakdown = evals.Count(e => e.ReappointedPersonYears is null && e.FiscalYearPersonYears is null),
                CostTerms = costed.Select(c => $"{c.JobType.Label()}（{c.Employment.Label()}）{c.Staff:0.##}人×{c.Cost:N0}円").ToList(),
                ByEmployment = Enum.GetValues<Personnel.EmploymentType>().Select(t => (t,
                    evals.Sum(e => t switch
                    {
                        Personnel.EmploymentType.Reappointed => e.ReappointedPersonYears ?? 0,
                        Personnel.EmploymentType.FiscalYearAppointed => e.FiscalYearPersonYears ?? 0,
                        _ => e.StaffPersonYears - (e.ReappointedPersonYears ?? 0) - (e.FiscalYearPersonYears ?? 0),
                    }),
                    mine.Where(l => l.Employment == t).Sum(l => l.ActualApril1 ?? l.Allocated))).ToList(),
            });
        }
        return result;
    }

    /// 部門別職員数 in the layout of 「給与・定員管理等について」: per 部, the staff on 4月1日 of the year before and of
    /// the year, the change, and the reasons the divisions and the assessment gave.
    /// Every confirmed edition of the year's 部門別職員数, the latest first.
    public Task<List<StaffingTableEdition>> TableEditionsAsync(int year) =>
        db.StaffingTableEditions.AsNoTracking().Where(e => e.FiscalYear == year).OrderByDescending(e => e.Edition).ToListAsync();

    /// 部門別職員数 as the lines read now (the working table, before or since its 確定).
    public async Task<List<StaffingTableRow>> PublicationTableAsync(int year, OrgTree org)
    {
        var current = await LinesAsync(year);
        var previous = await LinesAsync(year - 1);
        decimal Count(IEnumerable<StaffingLine> ls) => ls.Where(l => l.Employment == Personnel.EmploymentType.Regular).Sum(l => l.ActualApril1 ?? l.Allocated);
        return org.Flatten(u => u.IsValidIn(year)).Where(x => x.Unit.Level == OrgUnitLevel.Department).Select(x =>
        {
            var units = org.SelfAndDescendants(x.Unit.Id);
            var reasons = previous.Where(l => units.Contains(l.OrgUnitId) && l.AssessmentReason is not null).Select(l => l.AssessmentReason!).Distinct().ToList();
            return new StaffingTableRow(x.Unit.Id, x.Unit.Name, Count(previous.Where(l => units.Contains(l.OrgUnitId))), Count(current.Where(l => units.Contains(l.OrgUnitId))), reasons);
        }).Where(r => r.Previous != 0 || r.Current != 0).ToList();
    }
}
