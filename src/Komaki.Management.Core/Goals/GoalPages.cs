using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Goals;

/// Reads of the 組織目標 pages. Every list is filtered afterwards by GoalWorkflow.CanRead for the reader.
public sealed class GoalPages(AppDbContext db) : IUseCase
{
    /// A goal with its links, indicators, steps and events.
    public Task<OrganizationalGoal?> FindAsync(int id) => WithDetails().FirstOrDefaultAsync(g => g.Id == id);

    private IQueryable<OrganizationalGoal> WithDetails() => db.OrganizationalGoals.AsNoTracking()
        .Include(g => g.Links).ThenInclude(l => l.Measure)
        .Include(g => g.Links).ThenInclude(l => l.Project)
        .Include(g => g.Links).ThenInclude(l => l.ManifestoItem)
        .Include(g => g.Indicators).Include(g => g.Steps).Include(g => g.Events)
        .AsSplitQuery();

    /// The goals of a year the actor may read, optionally of some units and in one state, in the organisation's order.
    public async Task<List<OrganizationalGoal>> ReadableAsync(Actor actor, OrgTree org, int year, IReadOnlyCollection<int>? units = null, GoalState? state = null) =>
        (await OfYearAsync(org, year, units, state)).Where(g => GoalWorkflow.CanRead(actor, g, org)).ToList();

    /// What the goals list reads: the goals and the measures, projects and manifesto items they link to.
    public static readonly IReadOnlyList<string> Areas = [DataArea.Goals, DataArea.Plan, DataArea.Voice, DataArea.Organization];

    /// Every goal of a year (optionally of some units and in one state) in the organisation's order, for any reader:
    /// narrow it with GoalWorkflow.CanRead before showing it.
    public async Task<List<OrganizationalGoal>> OfYearAsync(OrgTree org, int year, IReadOnlyCollection<int>? units = null, GoalState? state = null)
    {
        var query = WithDetails().Where(g => g.FiscalYear == year);
        if (units is not null) query = query.Where(g => units.Contains(g.OrgUnitId));
        if (state is GoalState s) query = query.Where(g => g.State == s);
        var order = org.Flatten().Select((x, i) => (x.Unit.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return (await query.ToListAsync()).OrderBy(g => order.GetValueOrDefault(g.OrgUnitId)).ThenBy(g => g.SortOrder).ThenBy(g => g.Id).ToList();
    }

    /// How many goals each unit has in each state.
    public async Task<List<(int UnitId, GoalState State, int Count)>> CountsAsync(int year) =>
        (await db.OrganizationalGoals.AsNoTracking().Where(g => g.FiscalYear == year)
            .GroupBy(g => new { g.OrgUnitId, g.State }).Select(g => new { g.Key.OrgUnitId, g.Key.State, N = g.Count() }).ToListAsync())
        .Select(c => (c.OrgUnitId, c.State, c.N)).ToList();

    public Task<string?> TermTitleAsync() =>
        db.MayorTerms.OrderByDescending(t => t.StartDate).Select(t => t.Title + "（" + t.MayorName + "）").FirstOrDefaultAsync();

    public static readonly string[] CodeFields = [nameof(GoalForm.MeasureCodes), nameof(GoalForm.ProjectCodes), nameof(GoalForm.ManifestoNumbers)];

    /// 探す: current measures, projects or manifesto items whose code or name contains the words, at most 20.
    public async Task<IReadOnlyList<(string Code, string Name)>> LookupAsync(string field, string words)
    {
        var q = words.Trim();
        if (q.Length == 0) return [];
        return field switch
        {
            nameof(GoalForm.MeasureCodes) => (await db.Measures.AsNoTracking().Where(m => m.RetiredAt == null && (m.Code.Contains(q) || m.Name.Contains(q)))
                .OrderBy(m => m.Code).Take(20).Select(m => new { m.Code, m.Name }).ToListAsync()).Select(m => (m.Code, m.Name)).ToList(),
            nameof(GoalForm.ProjectCodes) => (await db.Projects.AsNoTracking().Where(p => p.RetiredAt == null && (p.Code.Contains(q) || p.Name.Contains(q)))
                .OrderBy(p => p.Code).Take(20).Select(p => new { p.Code, p.Name }).ToListAsync()).Select(p => (p.Code, p.Name)).ToList(),
            _ => (await db.ManifestoItems.AsNoTracking().Where(i => i.MayorTerm!.EndDate == null && (i.Number.Contains(q) || i.Title.Contains(q)))
                .OrderBy(i => i.Number).Take(20).Select(i => new { i.Number, i.Title }).ToListAsync()).Select(i => (i.Number, i.Title)).ToList(),
        };
    }

    /// The form of a goal as saved.
    public static GoalForm FormOf(OrganizationalGoal goal) => new()
    {
        Version = goal.Version, OrgUnitId = goal.OrgUnitId, FiscalYear = goal.FiscalYear, Title = goal.Title, Reason = goal.Reason,
        MeasureCodes = string.Join(" ", goal.Links.Where(l => l.Measure is not null).Select(l => l.Measure!.Code)),
        ProjectCodes = string.Join(" ", goal.Links.Where(l => l.Project is not null).Select(l => l.Project!.Code)),
        ManifestoNumbers = string.Join(" ", goal.Links.Where(l => l.ManifestoItem is not null).Select(l => l.ManifestoItem!.Number)),
        Indicators = goal.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorRow { Name = i.Name, Unit = i.Unit, Target = NumberText.Format(i.Target), Baseline = NumberText.Format(i.Baseline), Direction = i.Direction }).ToList(),
        Steps = goal.Steps.OrderBy(s => s.SortOrder).Select(s => new StepRow { Action = s.Action, Schedule = s.Schedule }).ToList(),
    };
}
