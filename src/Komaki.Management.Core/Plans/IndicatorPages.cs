using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Plans;

/// The measure or project an indicator belongs to, and the unit that owns it.
public sealed record IndicatorOwner(PlanLevel Level, int Id, string Code, string Name, int? UnitId);

/// Reads of the indicator pages: the indicator, its owner, and the values form with what is locked for whom.
public sealed class IndicatorPages(AppDbContext db, CityClock clock) : IUseCase
{
    /// The indicator with its yearly values; tracked when a command is to change it.
    public Task<Indicator?> FindAsync(int id, bool tracking = false)
    {
        var query = db.Indicators.Include(i => i.Values).AsQueryable();
        if (!tracking) query = query.AsNoTracking();
        return query.FirstOrDefaultAsync(i => i.Id == id);
    }

    public async Task<IndicatorOwner?> OwnerAsync(PlanLevel level, int id) => level switch
    {
        PlanLevel.Project => await db.Projects.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new IndicatorOwner(PlanLevel.Project, x.Id, x.Code, x.Name, x.OwnerUnitId)).FirstOrDefaultAsync(),
        PlanLevel.Measure => await db.Measures.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new IndicatorOwner(PlanLevel.Measure, x.Id, x.Code, x.Name, x.OwnerUnitId)).FirstOrDefaultAsync(),
        _ => null,
    };

    public async Task<IndicatorOwner> OwnerOfAsync(Indicator i) =>
        (await OwnerAsync(i.ProjectId is null ? PlanLevel.Measure : PlanLevel.Project, i.ProjectId ?? i.MeasureId!.Value))!;

    /// Who may define the indicator: the unit's head for a project's, planning for a measure's.
    public static bool CanEditDefinition(Actor actor, IndicatorOwner owner, OrgTree org) =>
        owner.Level == PlanLevel.Project ? PlanAccess.CanEditUnitRecord(actor, owner.UnitId, org) : PlanAccess.CanEditStructure(actor);

    /// The years on the form (the last five, this year and next, and every year with a value) as stored, each
    /// locked as far as the person may not change it.
    public async Task<ValuesForm> ValuesFormAsync(Indicator indicator, Actor actor)
    {
        var current = clock.FiscalYear;
        var form = new ValuesForm
        {
            Version = indicator.Version,
            Rows = indicator.Values.Select(v => v.FiscalYear).Concat(Enumerable.Range(current - 4, 6)).Distinct().Order().Select(y =>
            {
                var v = indicator.Values.FirstOrDefault(x => x.FiscalYear == y);
                return new ValueRow { FiscalYear = y, Target = NumberText.Format(v?.Target), Actual = NumberText.Format(v?.Actual) };
            }).ToList(),
        };
        await LockAsync(form, actor);
        return form;
    }

    /// Sets what is locked on each row from the rules, never from what was posted.
    public async Task LockAsync(ValuesForm form, Actor actor)
    {
        var published = await IndicatorValueRules.PublishedActualYearsAsync(db);
        foreach (var row in form.Rows)
        {
            var rule = IndicatorValueRules.For(actor, row.FiscalYear, clock.FiscalYear, published.Contains(row.FiscalYear));
            (row.TargetLocked, row.ActualLocked, row.ActualPublished) = (rule.TargetLocked, rule.ActualLocked, rule.ActualPublished);
        }
    }
}
