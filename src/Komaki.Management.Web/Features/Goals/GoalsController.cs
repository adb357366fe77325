using Komaki.Management.Core.Goals;

namespace Komaki.Management.Web.Features.Goals;

/// 組織目標: each unit's goals for the year, the workflow from draft to confirmation, the board of where every
/// unit stands, "waiting for me", the hearing list in Excel and the printable unit sheet.
[Authorize(Roles = Roles.Staff)]
[Route("Goals")]
public sealed class GoalsController(AppDbContext db, OrgTreeProvider orgTree, CurrentUser me, ReadCache cache) : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? unitId, GoalState? state)
    {
        unitId = ListUnit(unitId);
        var y = year ?? Display.CurrentFiscalYear();
        var org = await orgTree.GetAsync();
        var query = GoalsWithDetails().Where(g => g.FiscalYear == y);
        if (unitId is int u)
        {
            var units = org.SelfAndDescendants(u).ToList();
            query = query.Where(g => units.Contains(g.OrgUnitId));
        }
        if (state is GoalState s) query = query.Where(g => g.State == s);
        var goals = (await query.ToListAsync()).Where(g => GoalWorkflow.CanRead(Actor, g, org)).ToList();
        var rows = goals.OrderBy(g => UnitOrder(org, g.OrgUnitId)).ThenBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new GoalRow(g, org.PathName(g.OrgUnitId), GoalWorkflow.NextActions(Actor, g, org))).ToList();
        return View(new GoalListModel(y, unitId, state, rows, UnitOptions.For(org), CreatableUnits(org, y)));
    }

    [HttpGet("Board")]
    public async Task<IActionResult> Board(int? year)
    {
        var y = year ?? Display.CurrentFiscalYear();
        var org = await orgTree.GetAsync();
        var counts = await Db.OrganizationalGoals.AsNoTracking().Where(g => g.FiscalYear == y)
            .GroupBy(g => new { g.OrgUnitId, g.State }).Select(g => new { g.Key.OrgUnitId, g.Key.State, N = g.Count() }).ToListAsync();
        var rows = org.Flatten(u => u.IsValidIn(y)).Where(x => x.Unit.Level == OrgUnitLevel.Division)
            .Select(x => new BoardRow(x.Unit.Id, org.DepartmentOf(x.Unit.Id)?.Name ?? "", x.Unit.Name,
                counts.Where(c => c.OrgUnitId == x.Unit.Id).ToDictionary(c => c.State, c => c.N)))
            .ToList();
        var totals = counts.GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.Sum(c => c.N));
        return View(new BoardModel(y, rows, totals));
    }

    [HttpGet("Waiting")]
    public async Task<IActionResult> Waiting()
    {
        var y = Display.CurrentFiscalYear();
        var org = await orgTree.GetAsync();
        var today = Display.Today();
        var work = WorkRows.Of(await WorkList.LoadAsync(Db, Actor, org, y, today), org, Url);
        var snapshots = new List<CycleSnapshot>();
        foreach (var year in DueWork.YearsAround(y)) snapshots.Add(await cache.GetAsync($"cycle:{year}:{today.DayNumber}", () => CycleSnapshot.LoadAsync(Db, org, year, today)));
        var cityWide = DueWork.For(Actor, org, snapshots).Where(d => d.Stage.Owner() is StageOwner.Planning or StageOwner.Executive).ToList();
        return View(new WaitingModel(new WorkListModel(work, today), cityWide, today));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var goal = await GoalsWithDetails().FirstOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        if (!GoalWorkflow.CanRead(Actor, goal, await orgTree.GetAsync())) return Forbidden();
        return View(await DetailsModelAsync(goal, new ActForm { Version = goal.Version }));
    }

    [HttpGet("Create")]
    public async Task<IActionResult> Create(int? unitId, int? year)
    {
        var y = year ?? Display.CurrentFiscalYear();
        var org = await orgTree.GetAsync();
        var units = CreatableUnits(org, y);
        if (units.Count == 0) return Forbidden();
        var form = new GoalForm { FiscalYear = y, OrgUnitId = unitId ?? int.Parse(units[0].Value) };
        if (!CanCreateFor(form.OrgUnitId, org)) return Forbidden();
        Pad(form);
        return View("Edit", new GoalFormModel(null, form, units, await TermTitleAsync()));
    }

    [HttpPost("Create")]
    public async Task<IActionResult> Create(GoalForm form)
    {
        var org = await orgTree.GetAsync();
        if (!CanCreateFor(form.OrgUnitId, org)) return Forbidden();
        if (AddedRow(form) || Picked(form)) return View("Edit", new GoalFormModel(null, form, CreatableUnits(org, form.FiscalYear), await TermTitleAsync()));
        if (await LookupAsync(form) is { } found) return View("Edit", new GoalFormModel(null, form, CreatableUnits(org, form.FiscalYear), await TermTitleAsync()) { Lookup = found });
        var goal = new OrganizationalGoal { OrgUnitId = form.OrgUnitId, FiscalYear = form.FiscalYear };
        if (org.Find(form.OrgUnitId) is not { } unit || !unit.IsValidIn(form.FiscalYear))
            ModelState.AddModelError(nameof(form.OrgUnitId), "この年度の組織から所属を選んでください。");
        if (!await ApplyFormAsync(form, goal))
        {
            Pad(form);
            return View("Edit", new GoalFormModel(null, form, CreatableUnits(org, form.FiscalYear), await TermTitleAsync()));
        }
        goal.SortOrder = await Db.OrganizationalGoals.CountAsync(g => g.OrgUnitId == form.OrgUnitId && g.FiscalYear == form.FiscalYear) + 1;
        goal.Events.Add(Event(GoalAction.Created, null));
        Db.OrganizationalGoals.Add(goal);
        if (!LengthsOk())
        {
            Pad(form);
            return View("Edit", new GoalFormModel(null, form, CreatableUnits(org, form.FiscalYear), await TermTitleAsync()));
        }
        await Db.SaveChangesAsync();
        TempData["Message"] = "組織目標を下書きとして保存しました。内容が整ったら「提出」してください。";
        return RedirectToAction(nameof(Details), new { id = goal.Id });
    }

    [HttpGet("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var goal = await GoalsWithDetails().FirstOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!GoalWorkflow.CanEditContent(Actor, goal, org)) return EditRefused(goal, org);
        var form = new GoalForm
        {
            Version = goal.Version, OrgUnitId = goal.OrgUnitId, FiscalYear = goal.FiscalYear, Title = goal.Title, Reason = goal.Reason,
            MeasureCodes = string.Join(" ", goal.Links.Where(l => l.Measure is not null).Select(l => l.Measure!.Code)),
            ProjectCodes = string.Join(" ", goal.Links.Where(l => l.Project is not null).Select(l => l.Project!.Code)),
            ManifestoNumbers = string.Join(" ", goal.Links.Where(l => l.ManifestoItem is not null).Select(l => l.ManifestoItem!.Number)),
            Indicators = goal.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorRow { Name = i.Name, Unit = i.Unit, Target = NumberText.Format(i.Target), Baseline = NumberText.Format(i.Baseline), Direction = i.Direction }).ToList(),
            Steps = goal.Steps.OrderBy(s => s.SortOrder).Select(s => new StepRow { Action = s.Action, Schedule = s.Schedule }).ToList(),
        };
        Pad(form);
        return View(new GoalFormModel(id, form, [new SelectListItem(org.PathName(goal.OrgUnitId), goal.OrgUnitId.ToString())], await TermTitleAsync()));
    }

    [HttpPost("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, GoalForm form)
    {
        var goal = await Db.OrganizationalGoals.Include(g => g.Links).Include(g => g.Indicators).Include(g => g.Steps).FirstOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!GoalWorkflow.CanEditContent(Actor, goal, org)) return EditRefused(goal, org);
        form.OrgUnitId = goal.OrgUnitId;
        form.FiscalYear = goal.FiscalYear;
        var unitOption = new SelectListItem(org.PathName(goal.OrgUnitId), goal.OrgUnitId.ToString());
        if (AddedRow(form) || Picked(form)) return View(new GoalFormModel(id, form, [unitOption], await TermTitleAsync()));
        if (await LookupAsync(form) is { } found) return View(new GoalFormModel(id, form, [unitOption], await TermTitleAsync()) { Lookup = found });
        if (await ApplyFormAsync(form, goal) && await TrySaveEditAsync(goal, form.Version, goal.AuditTarget))
        {
            TempData["Message"] = "組織目標を保存しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        Pad(form);
        return View(new GoalFormModel(id, form, [new SelectListItem(org.PathName(goal.OrgUnitId), goal.OrgUnitId.ToString())], await TermTitleAsync()));
    }

    /// 提出 and 確定 cannot be taken back by the one who does them: each is asked on a page of its own first.
    [HttpGet("{id:int}/Steps/{step}")]
    public async Task<IActionResult> Step(int id, GoalAction step)
    {
        if (step is not (GoalAction.Submitted or GoalAction.Confirmed)) return NotFound();
        var goal = await GoalsWithDetails().FirstOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!GoalWorkflow.CanRead(Actor, goal, org)) return Forbidden();
        if (GoalWorkflow.Check(Actor, goal, step, org) is string refusal)
        {
            TempData["Error"] = refusal;
            return RedirectToAction(nameof(Details), new { id });
        }
        string[] consequences = step == GoalAction.Submitted
            ? ["この目標は所属では編集できなくなり、市長・副市長と企画担当のヒアリングに回ります。",
               "ヒアリングで合意されるか、修正を依頼されて差し戻されるまで、提出は取り消せません。"]
            : ["所属長の自己評価（達成度・根拠・実績値）がこの年度の結果として確定し、以後は誰も変更できません。",
               "確定した結果は組織目標の一覧と帳票に載ります。"];
        var detailsUrl = Url.Action(nameof(Details), new { id })!;
        return View("Confirm", new ConfirmStep(step == GoalAction.Submitted ? "組織目標の提出" : "組織目標の確定", $"{org.PathName(goal.OrgUnitId)}「{goal.Title}」",
            consequences, Url.Action(nameof(Act), new { id })!, step == GoalAction.Submitted ? "提出する" : "確定する", detailsUrl,
            new Dictionary<string, string> { ["Action"] = step.ToString(), ["Version"] = goal.Version.ToString() }, "コメント（任意）"));
    }

    /// A workflow step. The order and who may take it are GoalWorkflow's; a step out of order is refused with the reason.
    [HttpPost("{id:int}/Act")]
    public async Task<IActionResult> Act(int id, ActForm form)
    {
        var goal = await Db.OrganizationalGoals.Include(g => g.Indicators).Include(g => g.Links).Include(g => g.Steps).Include(g => g.Events)
            .FirstOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!GoalWorkflow.CanRead(Actor, goal, org)) return Forbidden();
        var input = new GoalStepInput(form.Comment, form.MidYearReview, form.Grade, form.GradeEvidence, form.Actuals);
        var (forbidden, refusals, actuals) = GoalSteps.Check(Actor, goal, form.Action, input, org);
        if (forbidden) return Forbidden();
        foreach (var (field, message) in refusals) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid)
        {
            var fresh = await GoalsWithDetails().FirstAsync(g => g.Id == id);
            return View(nameof(Details), await DetailsModelAsync(fresh, form));
        }
        GoalSteps.Take(goal, form.Action, input, actuals, Actor.UserName, me.DisplayName, DateTime.UtcNow);
        if (!await TrySaveEditAsync(goal, form.Version, goal.AuditTarget))
        {
            var fresh = await GoalsWithDetails().FirstAsync(g => g.Id == id);
            return View(nameof(Details), await DetailsModelAsync(fresh, form));
        }
        TempData["Message"] = $"「{goal.Title}」を{form.Action.Label()}しました（{goal.State.Label()}）。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/Comment")]
    public async Task<IActionResult> Comment(int id, string? comment)
    {
        var goal = await Db.OrganizationalGoals.FirstOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        if (!GoalWorkflow.CanComment(Actor, goal, await orgTree.GetAsync())) return Forbidden();
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > 4000)
        {
            TempData["Error"] = string.IsNullOrWhiteSpace(comment) ? "コメントを入力してください。" : "コメントは4,000文字以内で入力してください。";
            return RedirectToAction(nameof(Details), new { id });
        }
        Db.GoalEvents.Add(new GoalEvent { OrganizationalGoalId = id, Action = GoalAction.Commented, UserName = Actor.UserName, DisplayName = me.DisplayName, At = DateTime.UtcNow, Comment = comment.Trim() });
        await Db.SaveChangesAsync();
        TempData["Message"] = "コメントを記録しました。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("Sheet")]
    public async Task<IActionResult> Sheet(int unitId, int? year)
    {
        var y = year ?? Display.CurrentFiscalYear();
        var org = await orgTree.GetAsync();
        if (org.Find(unitId) is null) return NotFound();
        var units = org.SelfAndDescendants(unitId).ToList();
        var goals = (await GoalsWithDetails().Where(g => g.FiscalYear == y && units.Contains(g.OrgUnitId)).ToListAsync())
            .Where(g => GoalWorkflow.CanRead(Actor, g, org)).ToList();
        var models = new List<GoalDetailsModel>();
        foreach (var g in goals.OrderBy(g => UnitOrder(org, g.OrgUnitId)).ThenBy(g => g.SortOrder)) models.Add(await DetailsModelAsync(g, new ActForm()));
        return View(new SheetModel(y, org.PathName(unitId), models));
    }

    [HttpGet("Export")]
    public async Task<IActionResult> Export(int? year)
    {
        var y = year ?? Display.CurrentFiscalYear();
        var org = await orgTree.GetAsync();
        var goals = (await GoalsWithDetails().Where(g => g.FiscalYear == y).ToListAsync()).Where(g => GoalWorkflow.CanRead(Actor, g, org)).ToList();
        var rows = goals.OrderBy(g => UnitOrder(org, g.OrgUnitId)).ThenBy(g => g.SortOrder)
            .Select(g => new GoalSheet.Row(org.DepartmentOf(g.OrgUnitId)?.Name ?? "", org.Find(g.OrgUnitId)?.Name ?? "", g,
                string.Join("\n", LinkLabels(g).Select(l => $"{l.Kind} {l.Code} {l.Name}"))));
        var output = new MemoryStream();
        GoalSheet.Write(output, y, rows);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"組織目標一覧_{Wareki.FiscalYearShort(y)}.xlsx");
    }

    private IQueryable<OrganizationalGoal> GoalsWithDetails() => Db.OrganizationalGoals.AsNoTracking()
        .Include(g => g.Links).ThenInclude(l => l.Measure)
        .Include(g => g.Links).ThenInclude(l => l.Project)
        .Include(g => g.Links).ThenInclude(l => l.ManifestoItem)
        .Include(g => g.Indicators).Include(g => g.Steps).Include(g => g.Events)
        .AsSplitQuery();

    private IActionResult EditRefused(OrganizationalGoal goal, OrgTree org)
    {
        if (!GoalWorkflow.IsUnitHead(Actor, goal.OrgUnitId, org) && !Actor.IsPlanMasterEditor) return Forbidden();
        TempData["Error"] = $"この目標は「{goal.State.Label()}」のため内容を変更できません。変更が必要なときは、ヒアリングで修正依頼を受けてください。";
        return RedirectToAction(nameof(Details), new { id = goal.Id });
    }

    private bool CanCreateFor(int unitId, OrgTree org) =>
        Actor.IsPlanMasterEditor || GoalWorkflow.IsUnitHead(Actor, unitId, org);

    private List<SelectListItem> CreatableUnits(OrgTree org, int year) =>
        org.Flatten(u => u.IsValidIn(year))
            .Where(x => Actor.IsPlanMasterEditor || GoalWorkflow.IsUnitHead(Actor, x.Unit.Id, org))
            .Select(x => new SelectListItem(org.PathName(x.Unit.Id), x.Unit.Id.ToString())).ToList();

    private static int UnitOrder(OrgTree org, int unitId) =>
        org.Flatten().Select((x, i) => (x.Unit.Id, i)).FirstOrDefault(x => x.Id == unitId).i;

    private GoalEvent Event(GoalAction action, string? comment) =>
        new() { Action = action, UserName = Actor.UserName, DisplayName = me.DisplayName, At = DateTime.UtcNow, Comment = comment };

    private static readonly string[] CodeFields = [nameof(GoalForm.MeasureCodes), nameof(GoalForm.ProjectCodes), nameof(GoalForm.ManifestoNumbers)];

    /// 探す: codes found by code or name, searched on the server so it works without script; the form comes back as typed.
    private async Task<(string, IReadOnlyList<(string, string)>)?> LookupAsync(GoalForm form)
    {
        if (form.LookupField is not string field || !CodeFields.Contains(field)) return null;
        var q = (form.Lookup.GetValueOrDefault(field) ?? "").Trim();
        IReadOnlyList<(string, string)> found = q.Length == 0 ? [] : field switch
        {
            nameof(GoalForm.MeasureCodes) => (await Db.Measures.AsNoTracking().Where(m => m.RetiredAt == null && (m.Code.Contains(q) || m.Name.Contains(q)))
                .OrderBy(m => m.Code).Take(20).Select(m => new { m.Code, m.Name }).ToListAsync()).Select(m => (m.Code, m.Name)).ToList(),
            nameof(GoalForm.ProjectCodes) => (await Db.Projects.AsNoTracking().Where(p => p.RetiredAt == null && (p.Code.Contains(q) || p.Name.Contains(q)))
                .OrderBy(p => p.Code).Take(20).Select(p => new { p.Code, p.Name }).ToListAsync()).Select(p => (p.Code, p.Name)).ToList(),
            _ => (await Db.ManifestoItems.AsNoTracking().Where(i => i.MayorTerm!.EndDate == null && (i.Number.Contains(q) || i.Title.Contains(q)))
                .OrderBy(i => i.Number).Take(20).Select(i => new { i.Number, i.Title }).ToListAsync()).Select(i => (i.Number, i.Title)).ToList(),
        };
        ModelState.Clear();
        Pad(form);
        return (field, found);
    }

    /// 選ぶ: the picked code is added to its field (once); the form comes back as typed.
    private bool Picked(GoalForm form)
    {
        if (form.Pick?.Split(':', 2) is not [var field, var code] || !CodeFields.Contains(field)) return false;
        var property = typeof(GoalForm).GetProperty(field)!;
        var codes = ((string?)property.GetValue(form) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!codes.Contains(code)) codes.Add(code);
        property.SetValue(form, string.Join(" ", codes));
        form.Lookup.Remove(field);
        ModelState.Clear();
        Pad(form);
        return true;
    }

    /// 行を追加: the form comes back with what was typed and one more empty row; nothing is checked or saved.
    private bool AddedRow(GoalForm form)
    {
        if (form.AddRow is not ("indicator" or "step")) return false;
        Pad(form);
        if (form.AddRow == "indicator") form.Indicators.Add(new IndicatorRow());
        else form.Steps.Add(new StepRow());
        ModelState.Clear();
        return true;
    }

    private static void Pad(GoalForm form)
    {
        while (form.Indicators.Count < 3 || form.Indicators.Count(i => string.IsNullOrWhiteSpace(i.Name)) < 1) form.Indicators.Add(new IndicatorRow());
        while (form.Steps.Count < 4 || form.Steps.Count(s => string.IsNullOrWhiteSpace(s.Action)) < 1) form.Steps.Add(new StepRow());
    }

    private async Task<string?> TermTitleAsync() =>
        await Db.MayorTerms.OrderByDescending(t => t.StartDate).Select(t => t.Title + "（" + t.MayorName + "）").FirstOrDefaultAsync();

    /// Copies the form onto the goal, resolving codes; errors go beside the fields. False when anything is wrong.
    private async Task<bool> ApplyFormAsync(GoalForm form, OrganizationalGoal goal)
    {
        if (string.IsNullOrWhiteSpace(form.Title)) ModelState.AddModelError(nameof(form.Title), "目標を入力してください。");
        else if (form.Title.Length > 300) ModelState.AddModelError(nameof(form.Title), "目標は300文字以内で入力してください。");
        if (string.IsNullOrWhiteSpace(form.Reason)) ModelState.AddModelError(nameof(form.Reason), "目標を設定した理由（背景・課題）を入力してください。");

        var measureCodes = CodeList.Parse(form.MeasureCodes);
        var projectCodes = CodeList.Parse(form.ProjectCodes);
        var numbers = CodeList.Parse(form.ManifestoNumbers);
        var measures = await Db.Measures.Where(m => measureCodes.Contains(m.Code) && m.RetiredAt == null).Select(m => new { m.Id, m.Code }).ToListAsync();
        var projects = await Db.Projects.Where(p => projectCodes.Contains(p.Code) && p.RetiredAt == null).Select(p => new { p.Id, p.Code }).ToListAsync();
        var termId = await Db.MayorTerms.OrderByDescending(t => t.StartDate).Select(t => (int?)t.Id).FirstOrDefaultAsync();
        var items = await Db.ManifestoItems.Where(i => i.MayorTermId == termId && numbers.Contains(i.Number)).Select(i => new { i.Id, i.Number }).ToListAsync();
        foreach (var c in measureCodes.Where(c => measures.All(m => m.Code != c))) ModelState.AddModelError(nameof(form.MeasureCodes), $"施策コード「{c}」は現行の施策にありません。");
        foreach (var c in projectCodes.Where(c => projects.All(p => p.Code != c))) ModelState.AddModelError(nameof(form.ProjectCodes), $"事業コード「{c}」の事務事業がありません。");
        foreach (var c in numbers.Where(c => items.All(i => i.Number != c))) ModelState.AddModelError(nameof(form.ManifestoNumbers), $"マニフェスト番号「{c}」は現在の任期にありません。");

        var indicators = new List<GoalIndicator>();
        for (var n = 0; n < form.Indicators.Count; n++)
        {
            var row = form.Indicators[n];
            if (string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.Target) && string.IsNullOrWhiteSpace(row.Unit)) continue;
            if (string.IsNullOrWhiteSpace(row.Name)) ModelState.AddModelError($"Indicators[{n}].Name", "指標名を入力してください。");
            if (string.IsNullOrWhiteSpace(row.Unit)) ModelState.AddModelError($"Indicators[{n}].Unit", "単位を入力してください。");
            if (!NumberText.TryParse(row.Target, out var target) || target is null) ModelState.AddModelError($"Indicators[{n}].Target", "目標値を数値で入力してください。");
            if (!NumberText.TryParse(row.Baseline, out var baseline)) ModelState.AddModelError($"Indicators[{n}].Baseline", "現状値は数値で入力してください（分からなければ空欄）。");
            if (!Enum.IsDefined(row.Direction)) ModelState.AddModelError($"Indicators[{n}].Direction", "高いほど良いか低いほど良いかを選んでください。");
            indicators.Add(new GoalIndicator { Name = (row.Name ?? "").Trim(), Unit = (row.Unit ?? "").Trim(), Target = target, Baseline = baseline, Direction = row.Direction, SortOrder = indicators.Count + 1 });
        }
        var steps = new List<GoalStep>();
        for (var n = 0; n < form.Steps.Count; n++)
        {
            var row = form.Steps[n];
            if (string.IsNullOrWhiteSpace(row.Action) && string.IsNullOrWhiteSpace(row.Schedule)) continue;
            if (string.IsNullOrWhiteSpace(row.Action)) ModelState.AddModelError($"Steps[{n}].Action", "取組の内容を入力してください。");
            if (string.IsNullOrWhiteSpace(row.Schedule)) ModelState.AddModelError($"Steps[{n}].Schedule", "時期を入力してください（例: 4月〜6月）。");
            steps.Add(new GoalStep { Action = (row.Action ?? "").Trim(), Schedule = (row.Schedule ?? "").Trim(), SortOrder = steps.Count + 1 });
        }
        if (!ModelState.IsValid) return false;

        goal.Title = form.Title!.Trim();
        goal.Reason = form.Reason!.Trim();
        goal.Links.Clear();
        goal.Links.AddRange(measures.Select(m => new GoalLink { MeasureId = m.Id }));
        goal.Links.AddRange(projects.Select(p => new GoalLink { ProjectId = p.Id }));
        goal.Links.AddRange(items.Select(i => new GoalLink { ManifestoItemId = i.Id }));
        goal.Indicators.Clear();
        goal.Indicators.AddRange(indicators);
        goal.Steps.Clear();
        goal.Steps.AddRange(steps);
        return true;
    }

    private static List<LinkLabel> LinkLabels(OrganizationalGoal g) =>
        g.Links.Select(l => l.Measure is { } m ? new LinkLabel("施策", m.Code, m.Name, null)
            : l.Project is { } p ? new LinkLabel("事務事業", p.Code, p.Name, null)
            : new LinkLabel("マニフェスト", l.ManifestoItem!.Number, l.ManifestoItem.Title, null)).ToList();

    private async Task<GoalDetailsModel> DetailsModelAsync(OrganizationalGoal goal, ActForm act)
    {
        var org = await orgTree.GetAsync();
        var links = goal.Links.Select(l => l.Measure is { } m ? new LinkLabel("施策", m.Code, m.Name, Url.Action("Details", "PlanElements", new { level = "Measure", id = m.Id }))
            : l.Project is { } p ? new LinkLabel("事務事業", p.Code, p.Name, Url.Action("Details", "PlanElements", new { level = "Project", id = p.Id }))
            : new LinkLabel("マニフェスト", l.ManifestoItem!.Number, l.ManifestoItem.Title, Url.Action("Item", "Manifesto", new { id = l.ManifestoItem.Id }))).ToList();
        if (act.Version == 0) act.Version = goal.Version;
        return new GoalDetailsModel(goal, org.PathName(goal.OrgUnitId), links, GoalWorkflow.NextActions(Actor, goal, org),
            GoalWorkflow.CanEditContent(Actor, goal, org), GoalWorkflow.CanComment(Actor, goal, org), act);
    }
}
