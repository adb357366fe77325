namespace Komaki.Management.Web.Features.BudgetFormulation;

/// 予算編成: the year's policy and frames, each 課's requests with the evaluation beside them, the stages with their
/// reasons and the checks against the evaluation, 内示 and 復活要求, the stage comparison, the 査定調書 and 評価の効き目.
/// Who may do what is BudgetAccess's (Core); this controller binds, asks and shows.
[Authorize(Policy = Policies.Staff)]
[Route("BudgetFormulation")]
public sealed class BudgetFormulationController(OrgTreeProvider orgTree, BudgetFormulationPages pages, BudgetFormulationCommands commands,
    BudgetEffect effect, DirectionCatalog directions) : AppController()
{
    /// The year being formulated: next year's budget, compiled during this one.
    private int DefaultYear => Clock.FiscalYear + 1;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? DefaultYear;
        var org = await orgTree.GetAsync();
        var round = await pages.RoundAsync(y);
        var readsAll = BudgetAccess.ReadsAll(Actor);
        var mine = Actor.UnitId is int u && BudgetAccess.IsOwnUnit(Actor, u, org) ? org.SelfAndDescendants(u).ToList() : [];
        var department = Actor.UnitId is int du ? org.DepartmentOf(du)?.Id : null;
        // The totals per 部 come from every line of the 部s the person may see; the lines listed are their own units'.
        var lines = await pages.LinesAsync(y, org, readsAll ? null : department is int d ? org.SelfAndDescendants(d).ToList() : []);
        var commits = await pages.CommitsAsync(y);
        var standings = BudgetFormulationPages.Standings(lines, commits, round, org).Where(s => BudgetAccess.CanReadDepartment(Actor, s.DepartmentId, org)).ToList();
        var myLines = lines.Where(l => mine.Contains(l.Request.OrgUnitId)).ToList();
        var unrequested = mine.Count > 0 ? await pages.UnrequestedAsync(y, mine) : [];
        return View(new FormulationIndexModel(y, round, standings, myLines, unrequested, commits, org, BudgetAccess.IsFinance(Actor), readsAll, Clock.Today));
    }

    [HttpGet("{year:int}/Department/{departmentId:int}")]
    public async Task<IActionResult> Department(int year, int departmentId)
    {
        var org = await orgTree.GetAsync();
        if (org.Find(departmentId) is not { Level: OrgUnitLevel.Department }) return NotFound();
        if (!BudgetAccess.CanReadDepartment(Actor, departmentId, org)) return Forbidden("この部の予算要求を見られるのは、その部の職員・財政課・市長・副市長・企画です。");
        var round = await pages.RoundAsync(year);
        var all = await pages.LinesAsync(year, org, org.SelfAndDescendants(departmentId).ToList());
        var lines = all.Where(l => BudgetAccess.CanRead(Actor, l.Request.OrgUnitId, org)).ToList();
        var commits = (await pages.CommitsAsync(year)).Where(c => c.DepartmentId == departmentId).ToList();
        var next = round?.InUse.Select(s => s.Stage).Where(s => s != BudgetStage.Request && !commits.Any(c => c.Stage == s)).Select(s => (BudgetStage?)s).FirstOrDefault();
        var canCommit = next is BudgetStage n && BudgetAccess.CheckAssess(Actor, n, departmentId, org) is null;
        // 復活要求 are answered between the close of 復活要求 and 復活査定, by the 財政課.
        var canAnswer = next == BudgetStage.RestorationAssessment && BudgetAccess.IsFinance(Actor);
        return View(new DepartmentModel(year, departmentId, round, lines, BudgetFormulationPages.Standings(all, commits, round, org).FirstOrDefault(), commits, org, next, canCommit, Actor, canAnswer));
    }

    [HttpGet("{year:int}/Policy")]
    [Authorize(Policy = Policies.Finance)]
    public async Task<IActionResult> Policy(int year)
    {
        var org = await orgTree.GetAsync();
        var round = await pages.RoundAsync(year) ?? BudgetRound.Defaults(year);
        var departments = Departments(org, year);
        var form = new RoundForm
        {
            Version = round.Version, Policy = round.Policy,
            Stages = round.Stages.OrderBy(s => s.Stage).Select(s => new RoundStageRow { Stage = s.Stage, InUse = s.InUse, DueOn = s.DueOn }).ToList(),
            Frames = departments.Select(d => new FrameRow { DepartmentId = d.Id, GeneralFund = Amounts.Thousands(round.Frames.FirstOrDefault(f => f.DepartmentId == d.Id)?.GeneralFund) }).ToList(),
        };
        return View(new PolicyModel(year, form, org, departments));
    }

    [HttpPost("{year:int}/Policy")]
    [Authorize(Policy = Policies.Finance)]
    public async Task<IActionResult> Policy(int year, RoundForm form)
    {
        var org = await orgTree.GetAsync();
        if (await ValidateAsync(form) && Accept(await commands.SaveRoundAsync(year, form, org)))
        {
            TempData["Message"] = $"{Wareki.FiscalYear(year)}の予算編成方針を保存しました。";
            return RedirectToAction(nameof(Index), new { year });
        }
        return View(new PolicyModel(year, form, org, Departments(org, year)));
    }

    private static List<OrgUnit> Departments(OrgTree org, int year) =>
        org.Flatten(u => u.IsValidIn(year)).Where(x => x.Unit.Level == OrgUnitLevel.Department).Select(x => x.Unit).ToList();

    [HttpGet("{year:int}/Request/{projectId:int}")]
    public async Task<IActionResult> EditRequest(int year, int projectId)
    {
        var project = await pages.ProjectAsync(projectId);
        if (project is null) return NotFound();
        var org = await orgTree.GetAsync();
        var request = await pages.RequestAsync(year, projectId);
        if (BudgetAccess.CheckEnter(Actor, request?.OrgUnitId ?? project.OwnerUnitId, request, org) is { } refused) return Forbidden(refused);
        var form = request is null ? new RequestForm() : AmountsForm.Of<RequestForm>(request, request.Reason);
        if (request is not null) { form.Version = request.Version; form.IsNew = request.IsNew; }
        return View(await RequestModelAsync(year, project, form, request, org));
    }

    [HttpPost("{year:int}/Request/{projectId:int}")]
    public async Task<IActionResult> EditRequest(int year, int projectId, RequestForm form)
    {
        var project = await pages.ProjectAsync(projectId);
        if (project is null) return NotFound();
        var org = await orgTree.GetAsync();
        var request = await pages.RequestAsync(year, projectId);
        if (BudgetAccess.CheckEnter(Actor, request?.OrgUnitId ?? project.OwnerUnitId, request, org) is { } refused) return Forbidden(refused);
        var result = await ValidateAsync(form) ? await commands.SaveRequestAsync(year, projectId, form, Actor, org) : null;
        if (result is not null && Accept(result))
        {
            TempData["Message"] = $"{project.Code} {project.Name} の要求を保存しました。所属長が確かめて提出します。";
            return RedirectToAction(nameof(Line), new { year, id = result.RecordId });
        }
        return View(await RequestModelAsync(year, project, form, request, org));
    }

    private async Task<RequestModel> RequestModelAsync(int year, Project project, RequestForm form, BudgetRequest? request, OrgTree org)
    {
        var context = (await pages.ContextAsync(year, [project.Id]))[project.Id];
        var department = org.DepartmentOf(project.OwnerUnitId)?.Id;
        var standing = department is int d ? BudgetFormulationPages.Standings(await pages.LinesAsync(year, org, org.SelfAndDescendants(d).ToList()), [], await pages.RoundAsync(year), org).FirstOrDefault() : null;
        return new RequestModel(year, project.Id, project.Code, project.Name, org.PathName(project.OwnerUnitId), form, context.PlanAmount, context.PreviousBudget,
            await pages.EvaluationAsync(project.Id, Actor, org), directions, standing, request);
    }

    [HttpGet("{year:int}/Lines/{id:int}")]
    public async Task<IActionResult> Line(int year, int id)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (!BudgetAccess.CanRead(Actor, line.Request.OrgUnitId, org)) return Forbidden("この要求を見られるのは、その課・部の職員と財政課・市長・副市長・企画です。");
        var round = await pages.RoundAsync(year);
        var commits = (await pages.CommitsAsync(year)).Where(c => c.DepartmentId == line.DepartmentId).ToList();
        var assessable = round?.InUse.Select(s => s.Stage)
            .Where(s => s is BudgetStage.FinanceAssessment or BudgetStage.MayorAssessment or BudgetStage.RestorationAssessment or BudgetStage.Proposal)
            .Where(s => !commits.Any(c => c.Stage == s) && round.Previous(s) is BudgetStage p && (p == BudgetStage.Request ? line.Request.SubmittedAt is not null : commits.Any(c => c.Stage == p)))
            .Where(s => BudgetAccess.CheckAssessLine(Actor, s, line.Request, org) is null).ToList() ?? [];
        var restoring = commits.Any(c => c.Stage == BudgetStage.Notice) && !commits.Any(c => c.Stage == BudgetStage.Restoration) && round?.StageOf(BudgetStage.Restoration) is not null;
        var answering = commits.Any(c => c.Stage == BudgetStage.Restoration) && !commits.Any(c => c.Stage == BudgetStage.RestorationAssessment);
        var names = await pages.NamesAsync(line.Request.Entries.Select(e => e.RecordedBy).Concat([line.Request.EnteredBy, line.Request.SubmittedBy])
            .Concat(line.Request.Restorations.SelectMany(r => new[] { r.RequestedBy, r.AnsweredBy })));
        return View(new LineModel(year, line, round, commits, (await pages.ContextAsync(year, [line.Request.ProjectId]))[line.Request.ProjectId],
            await pages.EvaluationAsync(line.Request.ProjectId, Actor, org), directions, org, assessable,
            BudgetAccess.CheckSubmit(Actor, line.Request, org) is null, BudgetAccess.CheckEnter(Actor, line.Request.OrgUnitId, line.Request, org) is null,
            restoring && line.Request.Restorations.Count == 0 && BudgetAccess.CheckRestore(Actor, line.Request, org) is null,
            answering && BudgetAccess.CheckAssessLine(Actor, BudgetStage.RestorationAssessment, line.Request, org) is null, names));
    }

    [HttpGet("{year:int}/Lines/{id:int}/Submit")]
    public async Task<IActionResult> Submit(int year, int id)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (BudgetAccess.CheckSubmit(Actor, line.Request, org) is { } refused) return Forbidden(refused);
        return View(new SubmitModel(year, line, await commands.FindingsAsync(line.Request, line.Request), org));
    }

    [HttpPost("{year:int}/Lines/{id:int}/Submit")]
    public async Task<IActionResult> Submit(int year, int id, string? comment)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (BudgetAccess.CheckSubmit(Actor, line.Request, org) is { } refused) return Forbidden(refused);
        if (Accept(await commands.SubmitAsync(id, comment, Actor, org)))
        {
            TempData["Message"] = $"{line.Code} {line.Name} の要求を提出しました。";
            return RedirectToAction(nameof(Line), new { year, id });
        }
        return View(new SubmitModel(year, line, await commands.FindingsAsync(line.Request, line.Request), org));
    }

    [HttpGet("{year:int}/Lines/{id:int}/Assess/{stage}")]
    public async Task<IActionResult> Assess(int year, int id, BudgetStage stage)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (BudgetAccess.CheckAssessLine(Actor, stage, line.Request, org) is { } refused) return Forbidden(refused);
        var round = await pages.RoundAsync(year);
        if (round is null || BudgetFormulationCommands.StartingPoint(line.Request, round, stage) is not { } from) return Forbidden($"前の段階が確定していないため、{stage.Label()}はまだ入力できません。");
        var draft = line.Draft(stage);
        return View(await AssessModelAsync(year, line, stage, draft is null ? AmountsForm.Of<AssessForm>(from, null) : AmountsForm.Of<AssessForm>(draft, draft.Reason), from, org));
    }

    [HttpPost("{year:int}/Lines/{id:int}/Assess/{stage}")]
    public async Task<IActionResult> Assess(int year, int id, BudgetStage stage, AssessForm form)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (BudgetAccess.CheckAssessLine(Actor, stage, line.Request, org) is { } refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.SaveDraftAsync(id, stage, form, Actor, org)))
        {
            TempData["Message"] = $"{line.Code} {line.Name} の{stage.Label()}を保存しました（部ごとに確定するまで変えられます）。";
            return RedirectToAction(nameof(Line), new { year, id });
        }
        var round = await pages.RoundAsync(year);
        var from = round is null ? null : BudgetFormulationCommands.StartingPoint(line.Request, round, stage);
        return from is null ? Forbidden() : View(await AssessModelAsync(year, line, stage, form, from, org));
    }

    private async Task<AssessModel> AssessModelAsync(int year, FormulationLine line, BudgetStage stage, AssessForm form, IFunded from, OrgTree org) =>
        new(year, line, stage, form, from, (await pages.ContextAsync(year, [line.Request.ProjectId]))[line.Request.ProjectId],
            await pages.EvaluationAsync(line.Request.ProjectId, Actor, org), directions, org);

    [HttpGet("{year:int}/Lines/{id:int}/Restoration/Create")]
    public async Task<IActionResult> Restoration(int year, int id)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (BudgetAccess.CheckRestore(Actor, line.Request, org) is { } refused) return Forbidden(refused);
        return View(new RestoreModel(year, line, null, null, org));
    }

    [HttpPost("{year:int}/Lines/{id:int}/Restoration/Create")]
    public async Task<IActionResult> Restoration(int year, int id, string? amount, string? reason)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (BudgetAccess.CheckRestore(Actor, line.Request, org) is { } refused) return Forbidden(refused);
        if (Accept(await commands.RestoreAsync(id, amount, reason, Actor, org)))
        {
            TempData["Message"] = $"{line.Code} {line.Name} の復活要求を出しました。財政課が回答します。";
            return RedirectToAction(nameof(Line), new { year, id });
        }
        return View(new RestoreModel(year, line, amount, reason, org));
    }

    [HttpGet("{year:int}/Restorations/{id:int}/Answer/Submit")]
    public async Task<IActionResult> Answer(int year, int id)
    {
        var org = await orgTree.GetAsync();
        var (line, restoration) = await RestorationAsync(id, org);
        if (line is null || restoration is null || line.Request.FiscalYear != year) return NotFound();
        if (BudgetAccess.CheckAssessLine(Actor, BudgetStage.RestorationAssessment, line.Request, org) is { } refused) return Forbidden(refused);
        return View(new AnswerModel(year, line, restoration, Amounts.Thousands(restoration.Granted), restoration.Answer, org));
    }

    [HttpPost("{year:int}/Restorations/{id:int}/Answer/Submit")]
    public async Task<IActionResult> Answer(int year, int id, int version, string? granted, string? answer)
    {
        var org = await orgTree.GetAsync();
        var (line, restoration) = await RestorationAsync(id, org);
        if (line is null || restoration is null || line.Request.FiscalYear != year) return NotFound();
        if (BudgetAccess.CheckAssessLine(Actor, BudgetStage.RestorationAssessment, line.Request, org) is { } refused) return Forbidden(refused);
        if (Accept(await commands.AnswerAsync(id, version, granted, answer, Actor, org)))
        {
            TempData["Message"] = $"{line.Code} {line.Name} の復活要求に回答しました。";
            return RedirectToAction(nameof(Line), new { year, id = line.Request.Id });
        }
        return View(new AnswerModel(year, line, restoration, granted, answer, org));
    }

    private async Task<(FormulationLine?, BudgetRestoration?)> RestorationAsync(int id, OrgTree org)
    {
        var requestId = await pages.RequestOfRestorationAsync(id);
        var line = requestId is int r ? await pages.LineAsync(r, org) : null;
        return (line, line?.Request.Restorations.FirstOrDefault(x => x.Id == id));
    }

    /// Committing a stage for a 部: a page of its own with what is missing, every line that goes against the
    /// evaluation or the 実施計画 with a field for its reason, and one button.
    [HttpGet("{year:int}/Steps/{stage}/{departmentId:int}")]
    public async Task<IActionResult> Commit(int year, BudgetStage stage, int departmentId)
    {
        var org = await orgTree.GetAsync();
        if (BudgetAccess.CheckAssess(Actor, stage, departmentId, org) is { } refused) return Forbidden(refused);
        var (missing, lines) = await commands.PrepareCommitAsync(year, stage, departmentId, org);
        return View(new CommitModel(year, stage, departmentId, missing, lines, new Dictionary<int, string?>(), org));
    }

    [HttpPost("{year:int}/Steps/{stage}/{departmentId:int}")]
    public async Task<IActionResult> Commit(int year, BudgetStage stage, int departmentId, CommitForm form)
    {
        var org = await orgTree.GetAsync();
        if (BudgetAccess.CheckAssess(Actor, stage, departmentId, org) is { } refused) return Forbidden(refused);
        // A page without lines to explain sends no reasons at all.
        var reasons = form.Reasons;
        if (await ValidateAsync(form) && Accept(await commands.CommitAsync(year, stage, departmentId, reasons, Actor, org)))
        {
            TempData["Message"] = $"{org.PathName(departmentId)}の{stage.Label()}を確定しました。";
            return RedirectToAction(nameof(Department), new { year, departmentId });
        }
        var (missing, lines) = await commands.PrepareCommitAsync(year, stage, departmentId, org);
        return View(new CommitModel(year, stage, departmentId, missing, lines, reasons, org));
    }

    /// Two stages side by side: totals per 部 and city, and with a 部 chosen, line by line.
    [HttpGet("{year:int}/Compare")]
    public async Task<IActionResult> Compare(int year, BudgetStage from = BudgetStage.Request, BudgetStage to = BudgetStage.FinanceAssessment, int? departmentId = null)
    {
        var org = await orgTree.GetAsync();
        var department = Actor.UnitId is int du ? org.DepartmentOf(du)?.Id : null;
        var readsAll = BudgetAccess.ReadsAll(Actor);
        if (departmentId is int d && !BudgetAccess.CanReadDepartment(Actor, d, org)) return Forbidden("この部の予算要求を見られるのは、その部の職員・財政課・市長・副市長・企画です。");
        var units = departmentId is int dd ? org.SelfAndDescendants(dd).ToList() : readsAll ? null : department is int own ? org.SelfAndDescendants(own).ToList() : [];
        var lines = (await pages.LinesAsync(year, org, units)).Where(l => departmentId is null || BudgetAccess.CanRead(Actor, l.Request.OrgUnitId, org)).ToList();
        return View(new CompareModel(year, from, to, departmentId, BudgetFormulationPages.Compare(lines, from, to),
            Departments(org, year).Where(x => BudgetAccess.CanReadDepartment(Actor, x.Id, org)).ToList(), org));
    }

    /// 査定調書 of a 部: per line 要求額, 査定額, 差額 and 査定理由, with the reasons given against the evaluation.
    [HttpGet("{year:int}/Chousho/{departmentId:int}")]
    public async Task<IActionResult> Chousho(int year, int departmentId, BudgetStage assessment = BudgetStage.FinanceAssessment)
    {
        var org = await orgTree.GetAsync();
        if (org.Find(departmentId) is not { Level: OrgUnitLevel.Department }) return NotFound();
        if (!BudgetAccess.CanReadDepartment(Actor, departmentId, org)) return Forbidden("この部の査定調書を見られるのは、その部の職員・財政課・市長・副市長・企画です。");
        var lines = (await pages.LinesAsync(year, org, org.SelfAndDescendants(departmentId).ToList())).Where(l => BudgetAccess.CanRead(Actor, l.Request.OrgUnitId, org)).ToList();
        var names = await pages.NamesAsync(lines.SelectMany(l => l.Request.Entries.Select(e => e.RecordedBy)));
        return View(new ChoushoModel(year, departmentId, assessment, lines, names, org));
    }

    /// 評価の効き目: what each verdict of year N changed in N+1's budget.
    [HttpGet("Effect")]
    public async Task<IActionResult> Effect(int? year)
    {
        var y = year ?? Clock.FiscalYear - 1;
        var org = await orgTree.GetAsync();
        return View(new EffectModel(y, await effect.ReportAsync(y, org), directions, org));
    }
}
