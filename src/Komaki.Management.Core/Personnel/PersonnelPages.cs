using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Personnel;

/// One line of a list of evaluations: no grades, only where each stands (with whether a complaint waits for its answer).
public sealed record EvaluationLine(int Id, int FiscalYear, string StaffNumber, string Name, int OrgUnitId, string Position, JobLevel JobLevel,
    PersonnelState State, string? FirstEvaluator, string? SecondEvaluator, bool HasFirstEvaluator, int StaffMemberId, int? FirstEvaluatorId, int? SecondEvaluatorId,
    bool ComplaintWaiting)
{
    /// What the workflow's who-and-when asks of the line (PersonnelWorkflow.WaitsFor, DueOf): its state, chain and waiting complaint.
    public PersonnelEvaluation Head => new()
    {
        State = State, SecondEvaluatorId = SecondEvaluatorId, FirstEvaluatorId = FirstEvaluatorId, Complaints = ComplaintWaiting ? [new PersonnelComplaint()] : [],
    };
}

/// A choice of what a goal serves: "G:12" (a unit goal), "M:3", "P:45", "I:7".
public sealed record ServesOption(string Value, string Text);

/// Reads of the 人事評価 pages. Nothing here is cached: each read is the reader's own, and each read of an evaluation's
/// content is noted in the read log (PersonnelReads).
public sealed class PersonnelPages(AppDbContext db, PersonnelReads reads) : IUseCase
{
    private readonly Dictionary<string, IReadOnlySet<int>> _staffIds = [];

    /// The staff records of the signed-in account (normally one), read once a request: the record rule, the page and
    /// 対応待ち each ask.
    public async Task<IReadOnlySet<int>> StaffIdsOfAsync(string userId)
    {
        if (userId.Length == 0) return new HashSet<int>();
        if (_staffIds.TryGetValue(userId, out var known)) return known;
        var ids = (await db.StaffMembers.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync()).ToHashSet();
        _staffIds[userId] = ids;
        return ids;
    }

    public Task<PersonnelDesign?> DesignAsync(int year) =>
        db.PersonnelDesigns.AsNoTracking().Include(d => d.Grades).Include(d => d.Criteria).AsSplitQuery().FirstOrDefaultAsync(d => d.FiscalYear == year);

    public async Task<PersonnelEvaluation?> EvaluationAsync(int id)
    {
        var e = await WithDetails(db.PersonnelEvaluations.AsNoTracking()).FirstOrDefaultAsync(e => e.Id == id);
        if (e is not null) reads.Loaded([e.Id]);
        return e;
    }

    /// Whom an evaluation is about, who evaluates it and where it stands — what the rules of its parts ask; none of the
    /// sheet's content, so not a read of it.
    public Task<PersonnelEvaluation?> HeadOfAsync(int id) =>
        db.PersonnelEvaluations.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new PersonnelEvaluation { Id = e.Id, FiscalYear = e.FiscalYear, StaffMemberId = e.StaffMemberId, FirstEvaluatorId = e.FirstEvaluatorId, SecondEvaluatorId = e.SecondEvaluatorId, State = e.State })
            .FirstOrDefaultAsync();

    /// How the reader stands to the evaluation (the steps' commands take it).
    public async Task<PersonnelRelation> RelationAsync(PersonnelEvaluation e, Actor reader, string readerUserId) =>
        PersonnelAccess.RelationOf(reader, await StaffIdsOfAsync(readerUserId), e);

    /// The goals' page: what a goal may serve, and whether saving is a change after agreement (with the day and the reason).
    public async Task<PersonnelGoalsPage> GoalsPageAsync(PersonnelEvaluation e, OrgTree org) =>
        new(await ServesOptionsAsync(e.OrgUnitId, e.FiscalYear, org), PersonnelWorkflow.EditIsChange(e));

    /// The evaluation as the reader may see it (the reader's relation to it, the year's design, the unit's name); null
    /// when the year has no design. Whether the reader may read it at all is the record handler's to say.
    public async Task<PersonnelView?> ViewOfAsync(PersonnelEvaluation e, Actor reader, string readerUserId, OrgTree org)
    {
        var design = await DesignAsync(e.FiscalYear);
        return design is null ? null : new PersonnelView(e, design, PersonnelAccess.RelationOf(reader, await StaffIdsOfAsync(readerUserId), e), org.PathName(e.OrgUnitId));
    }

    /// What the sheet's page shows beside the evaluation: the steps the reader can take now, the step's form (a draft
    /// as it was left, else the stage before's grades), whether the goals may be edited and, for the personnel
    /// division, who may be named as an evaluator.
    public async Task<PersonnelSheetPage> SheetAsync(PersonnelView view, PersonnelStepForm form, DateOnly today, OrgTree org)
    {
        var actions = PersonnelWorkflow.NextActions(view.Relation, view.Evaluation, today);
        PersonnelSteps.Prefill(view.Evaluation, view.Design, actions, form, today);
        var choices = view.Relation.HasFlag(PersonnelRelation.Division) ? await EvaluatorChoicesAsync(view.Evaluation.FiscalYear, org) : [];
        return new PersonnelSheetPage(view, actions, form, PersonnelWorkflow.CheckGoalEdit(view.Relation, view.Evaluation) is null, choices, today);
    }

    /// The goals a person wrote for a year before their evaluation was opened (attached to it when it is).
    public Task<List<PerformanceGoal>> UnattachedGoalsAsync(string userId, int year) =>
        db.PerformanceGoals.AsNoTracking().Include(g => g.OrganizationalGoal)
            .Where(g => g.OwnerUserId == userId && g.FiscalYear == year && g.PersonnelEvaluationId == null).OrderBy(g => g.Id).ToListAsync();

    public static IQueryable<PersonnelEvaluation> WithDetails(IQueryable<PersonnelEvaluation> q) => q
        .Include(e => e.StaffMember).Include(e => e.FirstEvaluator).Include(e => e.SecondEvaluator)
        .Include(e => e.Goals).ThenInclude(g => g.OrganizationalGoal)
        .Include(e => e.Goals).ThenInclude(g => g.Measure)
        .Include(e => e.Goals).ThenInclude(g => g.Project)
        .Include(e => e.Goals).ThenInclude(g => g.ManifestoItem)
        .Include(e => e.Marks).Include(e => e.GoalChanges).Include(e => e.Events).Include(e => e.Complaints)
        .AsSplitQuery();

    private static IQueryable<EvaluationLine> Lines(IQueryable<PersonnelEvaluation> q) => q.Select(e => new EvaluationLine(
        e.Id, e.FiscalYear, e.StaffMember!.StaffNumber, e.StaffMember.Name, e.OrgUnitId, e.Position, e.JobLevel, e.State,
        e.FirstEvaluator != null ? e.FirstEvaluator.Name : null, e.SecondEvaluator != null ? e.SecondEvaluator.Name : null, e.FirstEvaluatorId != null,
        e.StaffMemberId, e.FirstEvaluatorId, e.SecondEvaluatorId, e.Complaints.Any(c => c.AnsweredAt == null)));

    /// The evaluations of a year the person is in: their own, and those they evaluate.
    public async Task<List<EvaluationLine>> MineAsync(IReadOnlySet<int> staffIds, int year) =>
        (await Lines(db.PersonnelEvaluations.AsNoTracking().Where(e => e.FiscalYear == year
            && (staffIds.Contains(e.StaffMemberId) || e.FirstEvaluatorId != null && staffIds.Contains(e.FirstEvaluatorId.Value)
                || e.SecondEvaluatorId != null && staffIds.Contains(e.SecondEvaluatorId.Value)))).ToListAsync())
        .OrderBy(l => l.StaffNumber, StringComparer.Ordinal).ToList();

    /// Every evaluation of a year for the personnel division, by unit, state and words in the name or number.
    public Task<Paged<EvaluationLine>> ForDivisionAsync(int year, IReadOnlyCollection<int>? units, PersonnelState? state, string? words, int page, int pageSize)
    {
        var q = db.PersonnelEvaluations.AsNoTracking().Where(e => e.FiscalYear == year);
        if (units is not null) q = q.Where(e => units.Contains(e.OrgUnitId));
        if (state is PersonnelState s) q = q.Where(e => e.State == s);
        if (!string.IsNullOrWhiteSpace(words))
        {
            var w = words.Trim();
            q = q.Where(e => e.StaffMember!.Name.Contains(w) || e.StaffMember.StaffNumber.Contains(w));
        }
        return Lines(q.OrderBy(e => e.OrgUnitId).ThenBy(e => e.JobLevel).ThenBy(e => e.StaffMember!.StaffNumber)).ToPagedAsync(page, pageSize);
    }

    public async Task<List<(PersonnelState State, int Count)>> StateCountsAsync(int year) =>
        (await db.PersonnelEvaluations.AsNoTracking().Where(e => e.FiscalYear == year).GroupBy(e => e.State).Select(g => new { g.Key, N = g.Count() }).ToListAsync())
        .Select(x => (x.Key, x.N)).OrderBy(x => x.Key).ToList();

    /// Who can be named as an evaluator in a year: everyone of the register with a post that year at 係長級 or above, by
    /// number, then the 特別職 the personnel division registered (for 部長).
    public async Task<List<(int Id, string Text)>> EvaluatorChoicesAsync(int year, OrgTree org)
    {
        var staff = (await db.StaffAssignments.AsNoTracking().Where(a => a.FiscalYear == year && a.JobLevel <= JobLevel.SectionChief)
                .Select(a => new { a.StaffMemberId, a.StaffMember!.StaffNumber, a.StaffMember.Name, a.OrgUnitId, a.Position }).ToListAsync())
            .GroupBy(a => a.StaffMemberId).Select(g => g.Last())
            .OrderBy(a => a.StaffNumber, StringComparer.Ordinal)
            .Select(a => (a.StaffMemberId, $"{a.Name}（{org.PathName(a.OrgUnitId)} {a.Position}・{a.StaffNumber}）")).ToList();
        var special = await SpecialAsync();
        return [.. special.Select(m => (m.Id, $"{m.SpecialPost!.Value.Label()} {m.Name}（特別職）")), .. staff];
    }

    /// The 特別職 registered as evaluators, 市長 first.
    public async Task<List<StaffMember>> SpecialAsync() =>
        (await db.StaffMembers.AsNoTracking().Where(m => m.SpecialPost != null).ToListAsync()).OrderBy(m => m.SpecialPost).ThenBy(m => m.StaffNumber, StringComparer.Ordinal).ToList();

    /// What is not ready for the year's 開示: the evaluations not yet confirmed, by what they wait for (評価者未設定
    /// first), each with how many.
    public static async Task<List<(string What, int Count)>> DisclosureGapsAsync(AppDbContext db, int year)
    {
        var open = await db.PersonnelEvaluations.AsNoTracking().Where(e => e.FiscalYear == year && e.State < PersonnelState.Confirmed)
            .Select(e => new { e.State, e.FirstEvaluatorId, e.SecondEvaluatorId }).ToListAsync();
        return open.GroupBy(e => e.FirstEvaluatorId is null ? "評価者未設定" : $"{e.State.Label()}（{PersonnelWorkflow.WaitsFor(new PersonnelEvaluation { State = e.State, SecondEvaluatorId = e.SecondEvaluatorId })}の対応待ち）")
            .Select(g => (g.Key, g.Count())).OrderBy(g => g.Key != "評価者未設定").ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
    }

    public Task<List<(string What, int Count)>> DisclosureGapsAsync(int year) => DisclosureGapsAsync(db, year);

    /// How many evaluations of the year are confirmed (調整・確認済), the ones a 開示 would disclose.
    public Task<int> ConfirmedCountAsync(int year) => db.PersonnelEvaluations.CountAsync(e => e.FiscalYear == year && e.State == PersonnelState.Confirmed);

    /// The unit of the year's first evaluation, by unit: where the distribution opens when no department is asked for.
    public Task<int?> FirstUnitAsync(int year) =>
        db.PersonnelEvaluations.Where(e => e.FiscalYear == year).OrderBy(e => e.OrgUnitId).Select(e => (int?)e.OrgUnitId).FirstOrDefaultAsync();

    /// Every 人事担当 asked or granted since the day given, whoever granted it, newest first, as the division is told of them.
    public async Task<List<string>> NewOfficersAsync(DateTime since)
    {
        var grants = await (from g in db.RoleGrants.AsNoTracking() join a in db.Users on g.UserId equals a.Id
                            where g.Role == Roles.Personnel && (g.ConfirmedAt == null || g.ConfirmedAt > since) orderby g.RequestedAt descending
                            select new { a.DisplayName, a.Email, g.RequestedByName, g.ConfirmedByName, g.ConfirmedAt }).ToListAsync();
        return grants.Select(g => $"{g.DisplayName}（{g.Email}）: {g.RequestedByName} が依頼、" + (g.ConfirmedAt is DateTime at ? $"{g.ConfirmedByName} が {CityTime.DateTimeText(at)} に確認" : "確認待ち")).ToList();
    }

    /// How many 部長級 sheets of the year still have no first evaluator.
    public Task<int> DepartmentChiefsWithoutEvaluatorAsync(int year) =>
        db.PersonnelEvaluations.CountAsync(e => e.FiscalYear == year && e.JobLevel == JobLevel.DepartmentChief && e.FirstEvaluatorId == null);

    /// The 部 whose 部長 the reader is in a year (a post of 部長級 on a 部): the departments whose distribution they see.
    public async Task<List<int>> DepartmentsHeadedAsync(IReadOnlySet<int> staffIds, int year, OrgTree org) =>
        (await db.StaffAssignments.AsNoTracking().Where(a => a.FiscalYear == year && a.JobLevel == JobLevel.DepartmentChief && staffIds.Contains(a.StaffMemberId))
            .Select(a => a.OrgUnitId).ToListAsync())
        .Select(u => org.DepartmentOf(u)?.Id).OfType<int>().Distinct().ToList();

    /// The grades of one department before 調整, against the year's guide: every evaluation past 一次評価 for the
    /// personnel division; for a 部長, only those they evaluate (first or second), as they would open each sheet.
    /// The reader's own evaluation is never counted. Every evaluation read is logged.
    public async Task<DepartmentDistribution> DistributionAsync(int year, int departmentId, AppraisalPart part, PersonnelDesign design, OrgTree org,
        IReadOnlySet<int> readerStaffIds, bool onlyEvaluatedByReader)
    {
        var units = org.SelfAndDescendants(departmentId).ToList();
        var q = db.PersonnelEvaluations.AsNoTracking().Include(e => e.StaffMember).Include(e => e.Marks)
            .Where(e => e.FiscalYear == year && units.Contains(e.OrgUnitId) && e.State >= PersonnelState.FirstEvaluated && !readerStaffIds.Contains(e.StaffMemberId));
        if (onlyEvaluatedByReader)
            q = q.Where(e => e.FirstEvaluatorId != null && readerStaffIds.Contains(e.FirstEvaluatorId.Value) || e.SecondEvaluatorId != null && readerStaffIds.Contains(e.SecondEvaluatorId.Value));
        var list = await q.OrderBy(e => e.OrgUnitId).ThenBy(e => e.JobLevel).ToListAsync();
        reads.Loaded(list.Select(e => e.Id));
        string? Grade(PersonnelEvaluation e) => e.State >= PersonnelState.Confirmed
            ? (part == AppraisalPart.Competence ? e.FinalCompetenceGrade : e.FinalPerformanceGrade)
            : e.LastEvaluatorGrade(part) ?? e.Mark(MarkStage.First, part)?.Grade;
        var people = list.Select(e => new DistributionPerson(e, org.PathName(e.OrgUnitId), Grade(e))).ToList();
        var graded = people.Count(p => p.Grade is not null);
        var rows = design.Grades.OrderBy(g => g.SortOrder).Select(g =>
        {
            var n = people.Count(p => p.Grade == g.Code);
            return new DistributionRow(g.Code, g.Label, n, graded == 0 ? 0 : Math.Round(100m * n / graded, 1), g.MaxShare);
        }).ToList();
        return new DepartmentDistribution(rows, people, graded);
    }

    /// Every evaluation of a year for payroll: the final grades of those confirmed, and for the others 未確定 with the
    /// reason, so the file accounts for everyone evaluated. Each evaluation in it is logged as read.
    public async Task<List<PersonnelEvaluation>> ForPayrollAsync(int year)
    {
        var list = await db.PersonnelEvaluations.AsNoTracking().Include(e => e.StaffMember).Where(e => e.FiscalYear == year).ToListAsync();
        reads.Loaded(list.Select(e => e.Id));
        return list;
    }

    /// What a goal may serve: the unit goals of the person's unit and the units above it for the year, the
    /// measures, projects and manifesto items those goals serve, and the projects the unit owns.
    public async Task<List<ServesOption>> ServesOptionsAsync(int unitId, int year, OrgTree org)
    {
        var chain = new List<int>();
        for (var u = org.Find(unitId); u is not null; u = org.Find(u.ParentId)) chain.Add(u.Id);
        var goals = await db.OrganizationalGoals.AsNoTracking().Include(g => g.Links).ThenInclude(l => l.Measure)
            .Include(g => g.Links).ThenInclude(l => l.Project).Include(g => g.Links).ThenInclude(l => l.ManifestoItem)
            .Where(g => g.FiscalYear == year && chain.Contains(g.OrgUnitId)).OrderBy(g => g.OrgUnitId).ThenBy(g => g.SortOrder).AsSplitQuery().ToListAsync();
        var options = new List<ServesOption>();
        foreach (var g in goals) options.Add(new($"G:{g.Id}", $"組織目標（{org.Find(g.OrgUnitId)?.Name}）：{g.Title}"));
        foreach (var l in goals.SelectMany(g => g.Links))
        {
            if (l.Measure is { } m) options.Add(new($"M:{m.Id}", $"施策 {m.Code} {m.Name}"));
            if (l.Project is { } p) options.Add(new($"P:{p.Id}", $"事務事業 {p.Code} {p.Name}"));
            if (l.ManifestoItem is { } i) options.Add(new($"I:{i.Id}", $"マニフェスト {i.Number} {i.Title}"));
        }
        var units = org.SelfAndDescendants(unitId).ToList();
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.RetiredAt == null && units.Contains(p.OwnerUnitId)).OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync())
            options.Add(new($"P:{p.Id}", $"事務事業 {p.Code} {p.Name}"));
        return options.DistinctBy(o => o.Value).ToList();
    }

    public static string? ServesValue(PerformanceGoal g) =>
        g.OrganizationalGoalId is int a ? $"G:{a}" : g.MeasureId is int b ? $"M:{b}" : g.ProjectId is int c ? $"P:{c}" : g.ManifestoItemId is int d ? $"I:{d}" : null;

    public static PerformanceGoalsForm FormOf(PersonnelEvaluation e) => new()
    {
        Version = e.Version,
        Goals = e.OrderedGoals.Select(g => new GoalRow
        {
            Id = g.Id, Serves = ServesValue(g), Title = g.Title, Description = g.Description, Target = g.Target, Difficulty = g.Difficulty,
            Weight = g.Weight?.ToString(CultureInfo.InvariantCulture),
        }).ToList(),
    };

    /// The steps waiting for the person in this year and the last: their own and those of the people they evaluate;
    /// for the personnel division, the evaluations waiting for 調整, 開示 or an answer to a complaint.
    /// What the steps' checks read of an evaluation waiting for someone, the person's name, and how the reader stands to it.
    private sealed record WaitingRow(int Id, int FiscalYear, int StaffMemberId, int? FirstEvaluatorId, int? SecondEvaluatorId, PersonnelState State,
        DateOnly? ComplaintDeadline, string Person, bool Waiting, bool Self, bool First, bool Second);

    // Compiled: the 課長's home page and 対応待ち ask on every request, and the account's staff records are joined in
    // rather than read first, so a scalar parameter (not a list of ids) keeps one plan.
    private static readonly CompiledPerModel<Func<AppDbContext, string, int, IAsyncEnumerable<WaitingRow>>> WaitingOfAccount = new(() => EF.CompileAsyncQuery((AppDbContext db, string userId, int year) =>
        db.PersonnelEvaluations.AsNoTracking()
            .Where(e => ((e.FiscalYear == year || e.FiscalYear == year - 1) && e.State != PersonnelState.Acknowledged || e.Complaints.Any(c => c.AnsweredAt == null))
                && (e.StaffMember!.UserId == userId || e.FirstEvaluator!.UserId == userId || e.SecondEvaluator!.UserId == userId))
            .Select(e => new WaitingRow(e.Id, e.FiscalYear, e.StaffMemberId, e.FirstEvaluatorId, e.SecondEvaluatorId, e.State, e.ComplaintDeadline, e.StaffMember!.Name,
                e.Complaints.Any(c => c.AnsweredAt == null), e.StaffMember.UserId == userId, e.FirstEvaluator!.UserId == userId, e.SecondEvaluator!.UserId == userId))));

    private static readonly CompiledPerModel<Func<AppDbContext, string, int, IAsyncEnumerable<WaitingRow>>> WaitingOfCity = new(() => EF.CompileAsyncQuery((AppDbContext db, string userId, int year) =>
        db.PersonnelEvaluations.AsNoTracking()
            .Where(e => (e.FiscalYear == year || e.FiscalYear == year - 1) && e.State != PersonnelState.Acknowledged || e.Complaints.Any(c => c.AnsweredAt == null))
            .Select(e => new WaitingRow(e.Id, e.FiscalYear, e.StaffMemberId, e.FirstEvaluatorId, e.SecondEvaluatorId, e.State, e.ComplaintDeadline, e.StaffMember!.Name,
                e.Complaints.Any(c => c.AnsweredAt == null), e.StaffMember.UserId == userId, e.FirstEvaluator!.UserId == userId, e.SecondEvaluator!.UserId == userId))));

    private static readonly CompiledPerModel<Func<AppDbContext, int, IAsyncEnumerable<PersonnelDesign>>> DesignsOfTwoYears = new(() => EF.CompileAsyncQuery<AppDbContext, int, PersonnelDesign>((db, year) =>
        db.PersonnelDesigns.AsNoTracking().Where(d => d.FiscalYear == year || d.FiscalYear == year - 1).OrderBy(d => d.Id)));

    /// The steps waiting for the account's holder (their own, and those of whom they evaluate; for the personnel
    /// division every one): two queries, the evaluations with the holder's relation to each, and the two years' designs
    /// (their due dates; joined per row, SQLite numbered every design on each request, twice the query's cost).
    public async Task<List<PersonnelWorkItem>> WaitingAsync(Actor actor, string userId, int year, DateOnly today)
    {
        var division = actor.IsIn(Roles.Personnel);
        if (userId.Length == 0 && !division) return [];
        var rows = new List<WaitingRow>();
        await foreach (var row in (division ? WaitingOfCity : WaitingOfAccount).For(db)(db, userId, year))
            rows.Add(userId.Length == 0 ? row with { Self = false, First = false, Second = false } : row);
        // The account's staff records among these rows: exactly what the relation asks of them.
        var mine = rows.Where(r => r.Self).Select(r => r.StaffMemberId)
            .Concat(rows.Where(r => r.First).Select(r => r.FirstEvaluatorId!.Value))
            .Concat(rows.Where(r => r.Second).Select(r => r.SecondEvaluatorId!.Value)).ToHashSet();
        var designs = new Dictionary<int, PersonnelDesign>();
        if (rows.Any(r => r.FiscalYear == year || r.FiscalYear == year - 1))
        {
            await foreach (var d in DesignsOfTwoYears.For(db)(db, year)) designs.TryAdd(d.FiscalYear, d);
        }
        var items = new List<PersonnelWorkItem>();
        foreach (var row in rows)
        {
            // The checks ask of the complaints only whether one waits for its answer.
            var e = new PersonnelEvaluation
            {
                Id = row.Id, FiscalYear = row.FiscalYear, StaffMemberId = row.StaffMemberId, FirstEvaluatorId = row.FirstEvaluatorId, SecondEvaluatorId = row.SecondEvaluatorId,
                State = row.State, ComplaintDeadline = row.ComplaintDeadline, Complaints = row.Waiting ? [new PersonnelComplaint()] : [],
            };
            var r = PersonnelAccess.RelationOf(actor, mine, e);
            var actions = PersonnelWorkflow.NextActions(r, e, today).Where(a => a is not (PersonnelStep.FileComplaint or PersonnelStep.ReturnGoals)).ToList();
            if (actions.Count == 0) continue;
            // Due dates of this year's and last year's steps only (an older year shows only a complaint waiting).
            var due = actions[0] == PersonnelStep.AnswerComplaint || designs.GetValueOrDefault(row.FiscalYear) is not { } design ? null : PersonnelWorkflow.DueOf(e, design);
            items.Add(new(e.Id, e.FiscalYear, row.Person, $"人事評価の{actions[0].Label()}（{Wareki.FiscalYearShort(e.FiscalYear)}）", due));
        }
        return items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.Person, StringComparer.Ordinal).ToList();
    }

    /// The year's steps for the PDCA board, city-wide counts only (no one's grade or name).
    public async Task<List<PersonnelStageCount>> StagesAsync(int year)
    {
        var design = await db.PersonnelDesigns.AsNoTracking().FirstOrDefaultAsync(d => d.FiscalYear == year);
        if (design is null) return [];
        var rows = await db.PersonnelEvaluations.AsNoTracking().Where(e => e.FiscalYear == year)
            .GroupBy(e => new { e.State, HasSecond = e.SecondEvaluatorId != null }).Select(g => new { g.Key.State, g.Key.HasSecond, N = g.Count() }).ToListAsync();
        int Past(PersonnelState s, bool onlySecond = false) => rows.Where(r => r.State >= s && (!onlySecond || r.HasSecond)).Sum(r => r.N);
        var all = rows.Sum(r => r.N);
        return
        [
            new("目標合意（期首面談）", design.GoalsDue, Past(PersonnelState.GoalsAgreed), all),
            new("中間面談", design.MidYearDue, Past(PersonnelState.MidYearReviewed), all),
            new("自己評価", design.SelfDue, Past(PersonnelState.SelfAssessed), all),
            new("一次評価", design.FirstDue, Past(PersonnelState.FirstEvaluated), all),
            new("二次評価", design.SecondDue, Past(PersonnelState.SecondEvaluated, onlySecond: true), rows.Where(r => r.HasSecond).Sum(r => r.N)),
            new("調整・確認", design.AdjustDue, Past(PersonnelState.Confirmed), all),
            new("開示", design.DisclosureDue, Past(PersonnelState.Disclosed), all),
        ];
    }

    /// The read log, newest first, optionally of one evaluation, each read with whose sheet of which year it was (the
    /// name and number only: the log itself reads no sheet).
    public async Task<Paged<(PersonnelRead Read, string Person)>> ReadsAsync(int? evaluationId, int page, int pageSize)
    {
        var shown = await db.PersonnelReads.AsNoTracking().Where(r => evaluationId == null || r.PersonnelEvaluationId == evaluationId).OrderByDescending(r => r.Id)
            .ToPagedAsync(page, pageSize);
        var ids = shown.Items.Select(r => r.PersonnelEvaluationId).Distinct().ToList();
        var names = await db.PersonnelEvaluations.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.FiscalYear, e.StaffMember!.Name, e.StaffMember.StaffNumber }).ToDictionaryAsync(e => e.Id);
        var rows = shown.Items.Select(r => (r, names.TryGetValue(r.PersonnelEvaluationId, out var n) ? $"{n.Name}（{n.StaffNumber}・{Wareki.FiscalYearShort(n.FiscalYear)}）" : "")).ToList();
        return new Paged<(PersonnelRead, string)>(rows, shown.Page, shown.PageSize, shown.Total);
    }

    /// The staff register (特別職 aside), by number, optionally narrowed by words in the name or number.
    public Task<Paged<StaffMember>> RegisterAsync(string? words, int page, int pageSize)
    {
        var q = db.StaffMembers.AsNoTracking().Include(s => s.Assignments).Where(s => s.SpecialPost == null);
        if (!string.IsNullOrWhiteSpace(words))
        {
            var w = words.Trim();
            q = q.Where(s => s.Name.Contains(w) || s.StaffNumber.Contains(w));
        }
        return q.OrderBy(s => s.StaffNumber).ToPagedAsync(page, pageSize);
    }
}

/// The sheet of one evaluation as the reader may see it, with the steps the reader can take now and the step's form.
public sealed record PersonnelGoalsPage(IReadOnlyList<ServesOption> Options, bool IsChange);

public sealed record PersonnelSheetPage(PersonnelView View, IReadOnlyList<PersonnelStep> Actions, PersonnelStepForm Form, bool CanEditGoals,
    IReadOnlyList<(int Id, string Text)> EvaluatorChoices, DateOnly Today);

/// One department's grades before 調整: the count and share of each grade, and whether it is over the guide.
public sealed record DistributionRow(string Grade, string Label, int Count, decimal Share, int? MaxShare)
{
    public bool Over => MaxShare is int max && Share > max;
}

public sealed record DistributionPerson(PersonnelEvaluation Evaluation, string Unit, string? Grade);

public sealed record DepartmentDistribution(IReadOnlyList<DistributionRow> Rows, IReadOnlyList<DistributionPerson> People, int Total);

/// One evaluation waiting for the reader, as 対応待ち lists it: whose, which step, by when.
public sealed record PersonnelWorkItem(int EvaluationId, int FiscalYear, string Person, string Task, DateOnly? DueOn);

/// One step of the year as the PDCA board counts it, city-wide: how many evaluations have passed it of how many.
public sealed record PersonnelStageCount(string Stage, DateOnly DueOn, int Done, int Of)
{
    public bool Overdue(DateOnly today) => today > DueOn && Done < Of;
}

/// The read log of 人事評価, gathered where a sheet's data is read: every read of PersonnelPages and PersonnelCommands that
/// loads an evaluation's content notes it here, whatever page, file or refused step then shows it, and the web app
/// writes the rows once the request knows whether the read was allowed (Web/Infrastructure/ReadLogFilter).
public sealed class PersonnelReads : IUseCase
{
    private readonly List<int> _read = [];

    public void Loaded(IEnumerable<int> evaluationIds)
    {
        foreach (var id in evaluationIds)
            if (!_read.Contains(id)) _read.Add(id);
    }

    /// The evaluations whose content this request read, in the order read.
    public IReadOnlyList<int> Read => _read;

    /// Once logged, a read is not logged again by the same request (the error page shown after a refusal).
    public void Logged() => _read.Clear();

    /// Adds the rows (the caller saves): who by name and id, which evaluation, what was read (or refused).
    public static void Write(AppDbContext db, string userName, string? userId, IEnumerable<int> evaluationIds, string what, DateTime at)
    {
        foreach (var id in evaluationIds.Distinct())
            db.PersonnelReads.Add(new PersonnelRead { At = at, UserName = userName, UserId = userId, PersonnelEvaluationId = id, What = what.Length <= 40 ? what : what[..40] });
    }
}
