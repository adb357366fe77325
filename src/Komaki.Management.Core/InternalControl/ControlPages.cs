namespace Komaki.Management.Core.InternalControl;

/// Reads of the internal-control screens; every list is narrowed with ControlAccess for the reader.
public sealed class ControlPages(AppDbContext db) : IUseCase
{
    public Task<ControlPolicy?> PolicyAsync() => db.ControlPolicies.AsNoTracking().OrderByDescending(p => p.Edition).FirstOrDefaultAsync();

    public Task<List<ControlPolicy>> PoliciesAsync() => db.ControlPolicies.AsNoTracking().OrderByDescending(p => p.Edition).ToListAsync();

    public Task<ControlYear?> YearAsync(int year) => db.ControlYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year);

    public IQueryable<ControlRisk> WithDetails() => db.ControlRisks.AsNoTracking()
        .Include(r => r.Links).ThenInclude(l => l.Project).Include(r => r.Links).ThenInclude(l => l.Measure)
        .Include(r => r.Links).ThenInclude(l => l.OrganizationalGoal).Include(r => r.Deficiencies).AsSplitQuery();

    /// The year's risks the reader may see, optionally of some units, in the order of the register.
    public async Task<List<ControlRisk>> RegisterAsync(Actor actor, ControlPolicy? policy, OrgTree org, int year, IReadOnlyCollection<int>? units = null)
    {
        var q = WithDetails().Where(r => r.FiscalYear == year);
        if (units is not null) q = q.Where(r => units.Contains(r.OrgUnitId));
        return (await q.ToListAsync()).Where(r => ControlAccess.CanRead(actor, r, policy, org)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// The risks and processing errors of several years in two queries, for the public page's reports.
    public async Task<(List<ControlRisk> Risks, List<ProcessingError> Errors)> OfYearsAsync(IReadOnlyCollection<int> years) =>
        (await WithDetails().Where(r => years.Contains(r.FiscalYear)).ToListAsync(),
         await db.ProcessingErrors.AsNoTracking().Where(e => years.Contains(e.FiscalYear)).ToListAsync());

    /// Every risk of the year, for the report (read by those who may read the report).
    public Task<List<ControlRisk>> AllOfYearAsync(int year) => WithDetails().Where(r => r.FiscalYear == year).ToListAsync();

    public Task<List<ProcessingError>> ErrorsAsync(int year) =>
        db.ProcessingErrors.AsNoTracking().Include(e => e.ControlRisk).Where(e => e.FiscalYear == year).OrderByDescending(e => e.OccurredOn).ToListAsync();

    /// The years whose report has been published, newest first.
    public Task<List<ControlYear>> PublishedYearsAsync() =>
        db.ControlYears.AsNoTracking().Where(y => y.PublishedOn != null).OrderByDescending(y => y.FiscalYear).ToListAsync();

    /// Processing errors planning has published, newest first.
    public Task<List<ProcessingError>> PublishedErrorsAsync() =>
        db.ProcessingErrors.AsNoTracking().Where(e => e.PublishedOn != null).OrderByDescending(e => e.OccurredOn).ToListAsync();

    /// What a risk may name as threatened: the unit's organisational goals of the year.
    public Task<List<OrganizationalGoal>> GoalOptionsAsync(int unitId, int year) =>
        db.OrganizationalGoals.AsNoTracking().Where(g => g.OrgUnitId == unitId && g.FiscalYear == year).OrderBy(g => g.SortOrder).ToListAsync();

    public static RiskForm FormOf(ControlRisk r) => new()
    {
        Version = r.Version, FiscalYear = r.FiscalYear, OrgUnitId = r.OrgUnitId, Area = r.Area, Process = r.Process, Description = r.Description, Scope = r.Scope,
        Cause = r.Cause, ExistingControl = r.ExistingControl, Likelihood = r.Likelihood, Impact = r.Impact, Response = r.Response, Measures = r.Measures,
        Owner = r.Owner, DueOn = r.DueOn,
        ProjectCodes = string.Join(" ", r.Links.Where(l => l.Project is not null).Select(l => l.Project!.Code)),
        MeasureCodes = string.Join(" ", r.Links.Where(l => l.Measure is not null).Select(l => l.Measure!.Code)),
        GoalIds = r.Links.Where(l => l.OrganizationalGoalId is not null).Select(l => l.OrganizationalGoalId!.Value).ToList(),
    };
}

/// The 内部統制評価報告書's figures, computed from the records: the risks by division, priority and area, how many were
/// evaluated and found effective, the deficiencies by kind and how many are corrected, the material weaknesses
/// listed one by one, and the processing errors of the year.
public sealed record ControlReport(int Year, ControlPolicy? Policy, ControlYear? Cycle, IReadOnlyList<ControlRisk> Risks, IReadOnlyList<ProcessingError> Errors, DateOnly Today)
{
    public int Evaluated => Risks.Count(r => r.State == RiskState.Evaluated);
    public int Effective => Risks.Count(r => r.DesignRating == ControlRating.Effective && r.OperationRating == ControlRating.Effective);
    public IEnumerable<ControlDeficiency> Deficiencies => Risks.SelectMany(r => r.Deficiencies);
    public int DeficienciesOf(DeficiencyKind kind) => Deficiencies.Count(d => d.Kind == kind);
    public int Corrected => Deficiencies.Count(d => d.CorrectedOn is not null);
    public int Overdue => Deficiencies.Count(d => d.CorrectedOn is null && d.DueOn < Today);
    public IEnumerable<(ControlRisk Risk, ControlDeficiency Deficiency)> MaterialWeaknesses =>
        Risks.SelectMany(r => r.Deficiencies.Where(d => d.Kind == DeficiencyKind.Material).Select(d => (r, d)));
    public int ByPriority(RiskPriority p) => Risks.Count(r => r.Priority == p);
    public int ByArea(ControlArea a) => Risks.Count(r => r.Area == a);

    /// The conclusion the guideline asks for: effective unless a material weakness is left uncorrected at the year end.
    public string Conclusion => MaterialWeaknesses.Any(x => x.Deficiency.CorrectedOn is null)
        ? "評価対象期間において、重大な不備が是正されずに残っているため、内部統制は有効に整備・運用されているとはいえません。"
        : "評価対象期間において、重大な不備はなく（または是正され）、内部統制は有効に整備・運用されていると判断します。";
}
