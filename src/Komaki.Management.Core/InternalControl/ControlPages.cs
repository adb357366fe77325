using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.InternalControl;

/// Reads of the internal-control screens; every list is narrowed with ControlAccess for the reader.
public sealed class ControlPages(AppDbContext db) : IUseCase
{
    private Task<ControlPolicy?>? _policy;
    private bool _forgetsOnSave;

    /// The edition in force: an edition awaiting confirmation gives nobody its rights. Every rule a control page asks
    /// reads it (ControlYearRule, ControlRiskRule, ProcessingErrorRule), so it is read once for the request (this class
    /// is scoped) and again after something is saved, a new edition perhaps.
    public Task<ControlPolicy?> PolicyAsync()
    {
        if (!_forgetsOnSave)
        {
            db.SavedChanges += (_, _) => _policy = null;
            _forgetsOnSave = true;
        }
        return _policy ??= db.ControlPolicies.AsNoTracking().Where(p => !p.AwaitingConfirmation).OrderByDescending(p => p.Edition).FirstOrDefaultAsync();
    }

    public Task<List<ControlPolicy>> PoliciesAsync() => db.ControlPolicies.AsNoTracking().OrderByDescending(p => p.Edition).ToListAsync();

    public Task<ControlYear?> YearAsync(int year) => db.ControlYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year);

    /// What each level of 発生可能性 and 影響度 means in the year (the standard wording until the 推進部局 words it).
    public async Task<RiskLevels> LevelsAsync(int year) => RiskLevels.Of(await YearAsync(year));

    public IQueryable<ControlRisk> WithDetails() => db.ControlRisks.AsNoTracking()
        .Include(r => r.Links).ThenInclude(l => l.Project).Include(r => r.Links).ThenInclude(l => l.Measure)
        .Include(r => r.Links).ThenInclude(l => l.OrganizationalGoal).Include(r => r.Deficiencies).AsSplitQuery();

    /// The year's risks the reader may see, optionally of some units, in the order of the register.
    public async Task<List<ControlRisk>> RegisterAsync(Actor actor, ControlPolicy? policy, OrgTree org, int year, IReadOnlyCollection<int>? units = null)
    {
        var q = WithDetails().Where(r => r.FiscalYear == year);
        if (units is not null) q = q.Where(r => units.Contains(r.OrgUnitId));
        var reportedOn = actor.IsIn(Roles.Auditor) ? (await YearAsync(year))?.ReportedOn : null;
        return (await q.ToListAsync()).Where(r => ControlAccess.CanRead(actor, r, policy, org, reportedOn)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// Every 課 of the year's organisation with its register's counts — 未着手 (no risk) included — and the last 督促:
    /// what the 推進部局 checks for 記入漏れ.
    public async Task<List<CoverageRow>> CoverageAsync(int year, OrgTree org)
    {
        var counts = await db.ControlRisks.AsNoTracking().Where(r => r.FiscalYear == year).GroupBy(r => new { r.OrgUnitId, r.State })
            .Select(g => new { g.Key.OrgUnitId, g.Key.State, N = g.Count() }).ToListAsync();
        var chases = (await db.ControlChases.AsNoTracking().Where(c => c.FiscalYear == year).ToListAsync())
            .GroupBy(c => c.OrgUnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.At).First());
        var divisions = org.Flatten(u => u.IsValidIn(year)).Select(x => x.Unit).Where(u => u.Level == OrgUnitLevel.Division).ToList();
        int Of(IEnumerable<int> units, RiskState state) => counts.Where(c => units.Contains(c.OrgUnitId) && c.State == state).Sum(c => c.N);
        return divisions.Select(d =>
        {
            var units = org.SelfAndDescendants(d.Id).ToList();
            return new CoverageRow(d.Id, org.PathName(d.Id), Of(units, RiskState.Draft), Of(units, RiskState.Submitted), Of(units, RiskState.Evaluated), chases.GetValueOrDefault(d.Id));
        }).ToList();
    }

    /// The register opened city-wide (the 推進部局's, the 評価部局's and the executives' view): the year's risks in the
    /// register's order, the year's dates and every 課's coverage, built from a handful of set-based reads. It holds
    /// only what those readers all see, so it is kept under the versions of the areas it reads (CityRegister.Areas).
    public async Task<CityRegister> CityRegisterAsync(int year, OrgTree org)
    {
        var risks = (await AllOfYearAsync(year)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        return new CityRegister(year, await YearAsync(year), risks, await CoverageAsync(year, org));
    }

    /// The processing errors that show a risk, newest first.
    public Task<List<ProcessingError>> ErrorsOfRiskAsync(int riskId) =>
        db.ProcessingErrors.AsNoTracking().Where(e => e.ControlRiskId == riskId).OrderByDescending(e => e.OccurredOn).ToListAsync();

    /// The risk a deficiency belongs to, or null when there is no such deficiency.
    public Task<int?> RiskOfDeficiencyAsync(int deficiencyId) =>
        db.ControlDeficiencies.AsNoTracking().Where(d => d.Id == deficiencyId).Select(d => (int?)d.ControlRiskId).FirstOrDefaultAsync();

    /// Whether an edition waits for a second administrator's confirmation.
    public Task<bool> PolicyAwaitingAsync() => db.ControlPolicies.AsNoTracking().AnyAsync(p => p.AwaitingConfirmation);

    /// The divisions a person enters risks (or processing errors) for: their own and the units under it, valid in the
    /// year. Risks are entered by a 課's staff and head, and by planning and personnel for their own 課; processing
    /// errors by a 課's staff and head only.
    public static List<(int Id, string Name)> EntryUnits(Actor actor, OrgTree org, int year, bool errors = false) =>
        actor.UnitId is int mine && (actor.IsIn(Roles.DepartmentHead) || actor.IsIn(Roles.DepartmentStaff) || !errors && (actor.IsIn(Roles.Planning) || actor.IsIn(Roles.Personnel)))
            ? org.Flatten(u => u.IsValidIn(year)).Select(x => x.Unit).Where(u => org.IsSameOrUnder(u.Id, mine) && u.Level != OrgUnitLevel.Department).Select(u => (u.Id, org.PathName(u.Id))).ToList()
            : [];

    /// What submitting a 課's register does and leaves incomplete, as its confirmation page lists it.
    public static List<string> SubmitRegisterConsequences(IReadOnlyCollection<ControlRisk> risks)
    {
        var drafts = risks.Where(r => r.State == RiskState.Draft).ToList();
        var consequences = new List<string>
        {
            drafts.Count == 0 ? "提出する（記入中の）リスクはありません。" : $"記入中のリスク {drafts.Count:N0} 件をまとめて提出します: " + string.Join("、", drafts.Select(r => $"{r.Code} {r.Description}")),
            "提出したリスクは直せなくなり、評価部局が整備・運用状況を評価します。",
        };
        var incomplete = drafts.Where(r => r.DueOn is null || string.IsNullOrWhiteSpace(r.Measures) || r.Links.Count == 0)
            .Select(r => $"{r.Code}：" + string.Join("・", new[] { r.DueOn is null ? "対応の期限が未記入" : null, string.IsNullOrWhiteSpace(r.Measures) ? "対応策が未記入" : null, r.Links.Count == 0 ? "関連する事業・施策・組織目標がない" : null }.OfType<string>())).ToList();
        if (incomplete.Count > 0) consequences.Add("記入の足りないリスクがあります（このまま提出すると、評価部局はこの内容で評価します）: " + string.Join("／", incomplete));
        if (risks.Count(r => r.State != RiskState.Draft) is int done and > 0) consequences.Add($"提出済・評価済のリスク {done:N0} 件はそのままです。");
        return consequences;
    }

    /// The 督促 a 課 has had this year, newest first.
    public Task<List<ControlChase>> ChasesAsync(int year, IReadOnlyCollection<int> units) =>
        db.ControlChases.AsNoTracking().Where(c => c.FiscalYear == year && units.Contains(c.OrgUnitId)).OrderByDescending(c => c.At).ToListAsync();

    /// The risks and processing errors of several years in two queries, for the public page's reports.
    public async Task<(List<ControlRisk> Risks, List<ProcessingError> Errors)> OfYearsAsync(IReadOnlyCollection<int> years) =>
        (await WithDetails().Where(r => years.Contains(r.FiscalYear)).ToListAsync(),
         await db.ProcessingErrors.AsNoTracking().Where(e => years.Contains(e.FiscalYear)).ToListAsync());

    /// Every risk of the year, for the report (read by those who may read the report).
    public Task<List<ControlRisk>> AllOfYearAsync(int year) => WithDetails().Where(r => r.FiscalYear == year).ToListAsync();

    public Task<ProcessingError?> ErrorAsync(int id) => db.ProcessingErrors.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);

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

/// The 内部統制評価報告書: its figures computed from the records while it is a draft, and once it has been made
/// (作成) — again at 議会提出 and 公表 — the figures frozen then, with their date, whatever the records say later.
public sealed record ControlReport(int Year, ControlPolicy? Policy, ControlYear? Cycle, IReadOnlyList<ControlRisk> Risks, IReadOnlyList<ProcessingError> Errors, DateOnly Today)
{
    private ControlFigures? _figures;

    /// The frozen figures when there are any, else the records' figures today.
    public ControlFigures Figures => _figures ??= ControlFigures.Read(Cycle?.ReportSnapshot) ?? ControlFigures.Of(Risks, Errors, Today, null);

    public bool IsFrozen => Figures.Stage is not null;
    public int Evaluated => Figures.Evaluated;
    public int Effective => Figures.Effective;
    public int DeficienciesOf(DeficiencyKind kind) => kind switch
    {
        DeficiencyKind.Design => Figures.Design,
        DeficiencyKind.Operation => Figures.Operation,
        _ => Figures.Material,
    };
    public int Corrected => Figures.Corrected;
    public int Overdue => Figures.Overdue;
    public IReadOnlyList<ControlWeakness> MaterialWeaknesses => Figures.Weaknesses;
    public int ByPriority(RiskPriority p) => p switch
    {
        RiskPriority.High => Figures.High,
        RiskPriority.Medium => Figures.Medium,
        _ => Figures.Low,
    };
    public int ByArea(ControlArea a) => Figures.Areas.GetValueOrDefault(a);
    public string Conclusion => Figures.Conclusion;
}

/// A material weakness as the report lists it.
public sealed record ControlWeakness(string Code, int OrgUnitId, string Description, string CorrectiveAction, DateOnly? CorrectedOn);

/// The report's figures as of a day. Stage names the step that froze them (作成・議会提出・公表); null while a draft.
public sealed record ControlFigures(DateOnly AsOf, string? Stage, int Risks, int Evaluated, int Effective, int High, int Medium, int Low,
    Dictionary<ControlArea, int> Areas, int Design, int Operation, int Material, int Corrected, int Overdue, int Errors,
    IReadOnlyList<ControlWeakness> Weaknesses, string Conclusion)
{
    /// Why the step was taken with work missing, as the person taking it wrote it.
    public string? Reason { get; init; }

    /// What was missing when the step was taken.
    public IReadOnlyList<string> Missing { get; init; } = [];

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { WriteIndented = false };

    public int Unevaluated => Risks - Evaluated;

    public static ControlFigures Of(IReadOnlyCollection<ControlRisk> risks, IReadOnlyCollection<ProcessingError> errors, DateOnly asOf, string? stage)
    {
        var deficiencies = risks.SelectMany(r => r.Deficiencies).ToList();
        var weaknesses = risks.SelectMany(r => r.Deficiencies.Where(d => d.Kind == DeficiencyKind.Material)
            .Select(d => new ControlWeakness(r.Code, r.OrgUnitId, d.Description, d.CorrectiveAction, d.CorrectedOn is DateOnly c && c <= asOf ? c : null))).ToList();
        var evaluated = risks.Count(r => r.State == RiskState.Evaluated);
        var overdue = deficiencies.Count(d => (d.CorrectedOn is null || d.CorrectedOn > asOf) && d.DueOn < asOf);
        return new ControlFigures(asOf, stage, risks.Count, evaluated,
            risks.Count(r => r.DesignRating == ControlRating.Effective && r.OperationRating == ControlRating.Effective),
            risks.Count(r => r.Priority == RiskPriority.High), risks.Count(r => r.Priority == RiskPriority.Medium), risks.Count(r => r.Priority == RiskPriority.Low),
            Enum.GetValues<ControlArea>().ToDictionary(a => a, a => risks.Count(r => r.Area == a)),
            deficiencies.Count(d => d.Kind == DeficiencyKind.Design), deficiencies.Count(d => d.Kind == DeficiencyKind.Operation), weaknesses.Count,
            deficiencies.Count(d => d.CorrectedOn is DateOnly c && c <= asOf), overdue, errors.Count, weaknesses,
            ConclusionOf(risks.Count, evaluated, weaknesses, overdue));
    }

    /// The conclusion the guideline asks for, decided from the figures: it cannot say 有効 while risks are unevaluated
    /// or a material weakness is uncorrected, and it says which of these stand.
    public static string ConclusionOf(int risks, int evaluated, IReadOnlyCollection<ControlWeakness> weaknesses, int overdue)
    {
        var open = weaknesses.Count(w => w.CorrectedOn is null);
        var main = risks == 0 ? "評価対象期間において、評価の対象となるリスクが登録されていないため、内部統制の整備・運用について判断できません。"
            : evaluated < risks ? $"評価対象期間において、洗い出したリスク{risks:N0}件のうち{risks - evaluated:N0}件が評価されていないため、内部統制が有効に整備・運用されているとは判断できません。"
            : open > 0 ? $"評価対象期間において、重大な不備{open:N0}件が是正されずに残っているため、内部統制は有効に整備・運用されているとはいえません。"
            : weaknesses.Count > 0 ? $"評価対象期間において、重大な不備が{weaknesses.Count:N0}件ありましたが、すべて是正されたため、内部統制は有効に整備・運用されていると判断します。"
            : "評価対象期間において、重大な不備はなく、内部統制は有効に整備・運用されていると判断します。";
        return overdue > 0 ? $"{main}なお、是正の期限を過ぎて是正されていない不備が{overdue:N0}件あります。" : main;
    }

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);

    public static ControlFigures? Read(string? json) => string.IsNullOrEmpty(json) ? null : System.Text.Json.JsonSerializer.Deserialize<ControlFigures>(json, Json);
}

/// The register of a year opened city-wide: its dates, its risks in the register's order and every 課's coverage.
public sealed record CityRegister(int Year, ControlYear? Cycle, IReadOnlyList<ControlRisk> Risks, IReadOnlyList<CoverageRow> Coverage)
{
    /// What it reads: the risks, their deficiencies and links, the year and the 督促 (Publishing), the 課 (Organization),
    /// and the names of the projects, measures and goals the links show.
    public static readonly IReadOnlyList<string> Areas = [DataArea.Publishing, DataArea.Organization, DataArea.Plan, DataArea.Goals];
}

/// One 課 of the coverage table: how many risks are being written, submitted and evaluated, and the last 督促.
public sealed record CoverageRow(int UnitId, string Unit, int Draft, int Submitted, int Evaluated, ControlChase? LastChase)
{
    public int Total => Draft + Submitted + Evaluated;
    public string Status => Total == 0 ? "未着手" : Draft > 0 ? "記入中" : Submitted > 0 ? "評価待ち" : "評価済";
}

/// What a closing step of the year leaves undone: 取りまとめ with risks still being written (by division), 作成 and
/// later steps with risks not evaluated. A step with something missing is taken only with a recorded reason.
public static class ControlReadiness
{
    public static List<string> Missing(ControlYearStep step, IReadOnlyCollection<ControlRisk> risks, OrgTree org)
    {
        var missing = new List<string>();
        if (step is ControlYearStep.Request or ControlYearStep.AuditReview) return missing;
        if (risks.Count == 0) missing.Add("この年度のリスクが1件も登録されていません。");
        foreach (var g in risks.Where(r => r.State == RiskState.Draft).GroupBy(r => r.OrgUnitId).OrderBy(g => org.PathName(g.Key), StringComparer.Ordinal))
            missing.Add($"{org.PathName(g.Key)}：提出されていないリスク {g.Count():N0}件");
        if (step != ControlYearStep.Consolidate)
        {
            var open = risks.Where(r => r.State != RiskState.Evaluated).ToList();
            if (open.Count > 0)
                missing.Add($"評価されていないリスク {open.Count:N0}件（{string.Join("、", open.GroupBy(r => r.OrgUnitId).OrderBy(g => org.PathName(g.Key), StringComparer.Ordinal).Select(g => $"{org.PathName(g.Key)} {g.Count():N0}件"))}）");
        }
        return missing;
    }
}
