using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Staffing;

/// 定員管理 in 対応待ち and on the board: a division head's request for next year still in draft, the personnel
/// division's requests to assess (from a month before the request is due) — and the year's counts.
public sealed class StaffingWork(AppDbContext db) : IWaitingContribution, IBoardContribution
{
    public IReadOnlyCollection<Type> Covers { get; } = [typeof(StaffingYear)];

    public IReadOnlyList<string>? AreasFor(Actor actor) => [DataArea.Organization];

    public IReadOnlyList<string>? Areas { get; } = [DataArea.Publishing, DataArea.Organization, DataArea.Do];

    public async Task<IReadOnlyList<WaitingItem>> ForAsync(WorkAsker asker, CancellationToken ct = default)
    {
        var (actor, org, year) = (asker.Actor, asker.Org, asker.FiscalYear);
        var head = actor.IsIn(Roles.DepartmentHead) && actor.UnitId is not null;
        if (!head && !actor.IsIn(Roles.Personnel)) return [];
        var staffing = await db.StaffingYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year, ct);
        if (staffing is null || asker.Today < staffing.RequestDue.AddDays(-WorkWindow.LookAheadDays)) return [];
        var items = new List<WaitingItem>();
        WaitingItem Item(string kind, DateOnly due, string task, int unit) =>
            new(WaitingSection.Other, "staffing", due, task, org.PathName(unit), org.PathName(unit), new("Staffing", "Edit", new { year, unitId = unit })) { Kind = kind };
        if (head)
        {
            var units = org.SelfAndDescendants(actor.UnitId!.Value).ToList();
            var draft = (await db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == year && l.State == StaffingState.Draft && units.Contains(l.OrgUnitId)).Select(l => l.OrgUnitId).ToListAsync(ct)).Distinct();
            items.AddRange(draft.Select(u => Item("StaffingRequest", staffing.RequestDue, $"次年度の定員の要求（{Wareki.FiscalYearShort(year + 1)}）", u)));
        }
        if (actor.IsIn(Roles.Personnel))
        {
            var requested = (await db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == year && l.State == StaffingState.Requested).Select(l => l.OrgUnitId).ToListAsync(ct)).Distinct();
            items.AddRange(requested.Select(u => Item("StaffingAssessment", staffing.AssessmentDue, "定員の要求の査定", u)));
        }
        return items.OrderBy(i => i.DueOn).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
    }

    /// Divisions that requested, and of those the ones assessed.
    public async Task<IReadOnlyList<BoardStage>> StagesAsync(int year, CancellationToken ct = default)
    {
        var staffing = await db.StaffingYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year, ct);
        if (staffing is null) return [];
        var lines = await db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == year).Select(l => new { l.OrgUnitId, l.State }).ToListAsync(ct);
        var divisions = lines.GroupBy(l => l.OrgUnitId).ToList();
        var requested = divisions.Where(d => d.Any(l => l.State != StaffingState.Draft)).ToList();
        return
        [
            new("定員管理", "次年度の要求", staffing.RequestDue, divisions.Count(d => d.All(l => l.State != StaffingState.Draft)), divisions.Count),
            new("定員管理", "要求の査定", staffing.AssessmentDue, requested.Count(d => d.All(l => l.State == StaffingState.Assessed)), requested.Count),
        ];
    }
}
